/**
 * The data of every data source a graph trains on, by node id: built-in datasets loaded (generated from the seed, or
 * read through `readFile`), and data the host already holds — what the user loaded into the browser — taken from
 * `local`. The command line and the browser's training worker both call this.
 */
import type { Catalog } from '../compile/node-kind.ts';
import { DataError } from '../data/data-error.ts';
import { loadDataset } from '../data/load-dataset.ts';
import type { LoadedDataset, ReadDatasetFile } from '../data/loaded-dataset.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { SourceData } from './data-streams.ts';
import { planTraining } from './training-plan.ts';

/** A source's data, with the class names and image shape where the data has them (for the views). */
export type GraphSourceData = SourceData & Partial<Pick<LoadedDataset, 'classNames' | 'info'>>;

export interface LoadGraphDataOptions {
  readonly seed: number;
  readonly readFile?: ReadDatasetFile;
  /** Data held by the host, by node id; it wins over loading. */
  readonly local?: Readonly<Record<string, GraphSourceData>>;
}

export async function loadGraphData(doc: GraphDocument, catalog: Catalog, options: LoadGraphDataOptions): Promise<Record<string, GraphSourceData>> {
  const data: Record<string, GraphSourceData> = {};
  for (const source of planTraining(doc, catalog).datasets) {
    const local = options.local?.[source.node];
    if (local) {
      data[source.node] = local;
      continue;
    }
    if (source.origin === 'browser') {
      throw new DataError(`node ${source.node} reads data loaded in the browser (${source.dataset.slice('local:'.length)}), which the command line cannot reach; train it in the app, or use a Dataset node`);
    }
    data[source.node] = await loadDataset(source.dataset, { seed: options.seed, layout: source.layout ?? 'flat', ...(options.readFile ? { readFile: options.readFile } : {}) });
  }
  return data;
}
