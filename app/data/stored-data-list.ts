/**
 * What the "Stored in this browser" list says of each dataset the browser keeps: its facts, its size, and which
 * Your-data nodes of the current graph use it — by the same match training uses (storedDataOf) — so the user can
 * decide what to remove. Removing never changes the graph; a node whose data is gone asks for data again when trained.
 */
import type { Task } from '../../engine/data/registry.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import type { SourceData } from '../../engine/train/data-streams.ts';
import { localData } from '../../nodes/data/local-data.ts';
import { storedDataOf } from './local-data-store.ts';
import type { LocalDataset } from './local-dataset.ts';

export interface StoredDatasetRow {
  /** Its key in the store and in IndexedDB: the id of the node it was loaded for. */
  readonly key: string;
  readonly name: string;
  readonly task: Task;
  /** Training and test samples together. */
  readonly samples: number;
  /** Per sample, e.g. [4] or [1, 28, 28]. */
  readonly features: readonly number[];
  readonly bytes: number;
  /** Ids of the graph's Your-data nodes that train on it. */
  readonly users: readonly string[];
  /** The users that would have no data without it (another kept copy of the same file may serve the rest). */
  readonly orphans: readonly string[];
}

const splitsOf = (data: SourceData) => [data.train, ...(data.test ? [data.test] : [])];

/** What it takes in memory and, as typed arrays are stored as they are, about what it takes in IndexedDB. */
export function datasetBytes(dataset: LocalDataset): number {
  return splitsOf(dataset.data).reduce((sum, split) => sum + split.features.data.byteLength + split.labels.data.byteLength, 0);
}

/** One row per kept dataset, in the store's order. */
export function storedDatasetRows(doc: GraphDocument, datasets: ReadonlyMap<string, LocalDataset>): StoredDatasetRow[] {
  const yourDataNodes = doc.nodes.filter((n) => n.kind === localData.id);
  return [...datasets].map(([key, dataset]) => {
    const users = yourDataNodes.filter((node) => storedDataOf(node, datasets)?.[0] === key);
    const without = new Map(datasets);
    without.delete(key);
    return {
      key,
      name: dataset.name,
      task: dataset.task,
      samples: splitsOf(dataset.data).reduce((sum, split) => sum + (split.features.shape[0] ?? 0), 0),
      features: dataset.data.train.features.shape.slice(1),
      bytes: datasetBytes(dataset),
      users: users.map((node) => node.id),
      orphans: users.filter((node) => storedDataOf(node, without) === undefined).map((node) => node.id),
    };
  });
}
