/**
 * The data the user loaded in the page, by the id of the "Your data" node it feeds: kept in memory for training and
 * previews, and in IndexedDB (local-data-storage.ts) so a reload keeps it. `localDataFor(doc)` hands a document's
 * data to training (RunConfig.localData), checked against what each node's params promise the graph; `storedDataOf`
 * is the one rule by which a node finds its data, for training and for the "Stored in this browser" list alike.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { resolveParams } from '../../engine/compile/params.ts';
import type { GraphDocument, GraphNode } from '../../engine/graph/types.ts';
import type { GraphSourceData } from '../../engine/train/load-graph-data.ts';
import { localData } from '../../nodes/data/local-data.ts';
import { LocalDataStorage } from './local-data-storage.ts';
import { describeMismatch, type LocalDataset } from './local-dataset.ts';

export interface LocalDataState {
  /** By the id of the node it feeds. */
  readonly datasets: ReadonlyMap<string, LocalDataset>;
  /** 'loading' until what an earlier visit stored has been read back. */
  readonly status: 'loading' | 'ready';
  /** Resolves once status is 'ready'. */
  readonly loaded: Promise<void>;
  /** Why the data is not kept in the browser's storage (it still works until the page closes). */
  readonly storageProblem: string | undefined;
  /**
   * Keeps `dataset` for `node`, replacing what it had; resolves once stored, to why it could not be stored (it still
   * works until the page closes) or undefined.
   */
  use(node: string, dataset: LocalDataset): Promise<string | undefined>;
  /**
   * Removes the data kept for `node`, from storage first; resolves to why storage refused (the data then stays, in
   * memory too, so what the page shows matches what a reload would bring back) or undefined.
   */
  forget(node: string): Promise<string | undefined>;
}

export type LocalDataStore = StoreApi<LocalDataState>;

const describe = (error: unknown): string => (error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error));

/** Without storage (no IndexedDB), data lasts as long as the page. */
export function createLocalDataStore(storage: LocalDataStorage | undefined): LocalDataStore {
  let markLoaded!: () => void;
  const loaded = new Promise<void>((resolve) => { markLoaded = resolve; });
  const store = createStore<LocalDataState>()((set, get) => ({
    datasets: new Map(),
    status: storage ? 'loading' : 'ready',
    loaded,
    storageProblem: storage ? undefined : 'this browser has no IndexedDB',
    async use(node, dataset) {
      set({ datasets: new Map(get().datasets).set(node, dataset) });
      if (!storage) return 'not kept for the next visit (this browser has no IndexedDB)';
      try {
        await storage.put(node, dataset);
        return undefined;
      } catch (error) {
        const problem = `not kept for the next visit (${describe(error)})`;
        set({ storageProblem: problem });
        return problem;
      }
    },
    async forget(node) {
      try {
        await storage?.remove(node);
      } catch (error) {
        return `it could not be removed from this browser’s storage (${describe(error)})`;
      }
      const datasets = new Map(get().datasets);
      datasets.delete(node);
      set({ datasets });
      return undefined;
    },
  }));
  if (!storage) markLoaded();
  else {
    storage.readAll().then(
      // Data loaded in this page before the stored data arrived is newer: it wins.
      (stored) => store.setState((s) => ({ datasets: new Map([...stored, ...s.datasets]), status: 'ready' })),
      (error: unknown) => store.setState({ status: 'ready', storageProblem: `the data from an earlier visit could not be read (${describe(error)})` }),
    ).finally(markLoaded);
  }
  return store;
}

let shared: LocalDataStore | undefined;

/** The page's store, on the browser's IndexedDB; made on first use. */
export function localDataStore(): LocalDataStore {
  shared ??= createLocalDataStore(typeof indexedDB === 'undefined' ? undefined : new LocalDataStorage(indexedDB));
  return shared;
}

/** Why a document's data cannot go to training; `node` is the Your-data node to blame. */
export class LocalDataProblem extends Error {
  override readonly name = 'LocalDataProblem';

  constructor(readonly node: string, detail: string) {
    super(`node ${node}: ${detail}`);
  }
}

/**
 * The kept data a Your-data node uses, as [key, dataset]: the data kept under its id, else — for a renamed or pasted
 * node — the first whose file name and shapes its params describe. Whether the shapes still fit is localDataFor's
 * check, not this match's: data kept under the node's id is its data even after an edit of its params.
 */
export function storedDataOf(node: GraphNode, datasets: ReadonlyMap<string, LocalDataset>): readonly [string, LocalDataset] | undefined {
  const own = datasets.get(node.id);
  if (own) return [node.id, own];
  const params = resolveParams(localData.params, node.params).params;
  return [...datasets].find(([, dataset]) => dataset.name === params.name && describeMismatch(params, dataset) === undefined);
}

/**
 * The loaded data of every Your-data node of `doc`, by node id. Throws LocalDataProblem when a node has no data in
 * this browser, or when its params (the shapes the graph was built for) no longer describe its data.
 */
export function localDataFor(doc: GraphDocument, state: LocalDataState = localDataStore().getState()): Record<string, GraphSourceData> {
  const out: Record<string, GraphSourceData> = {};
  for (const node of doc.nodes.filter((n) => n.kind === localData.id)) {
    const params = resolveParams(localData.params, node.params).params;
    const dataset = storedDataOf(node, state.datasets)?.[1];
    if (!dataset) {
      throw new LocalDataProblem(node.id, state.status === 'loading'
        ? 'the data loaded earlier is still being read from this browser’s storage; try again in a moment'
        : 'no data is loaded for it in this browser; choose its data with “Choose data…” in the inspector');
    }
    const mismatch = describeMismatch(params, dataset);
    if (mismatch) throw new LocalDataProblem(node.id, `${mismatch}; load the data again or undo the change`);
    out[node.id] = dataset.classNames ? { ...dataset.data, classNames: dataset.classNames } : dataset.data;
  }
  return out;
}
