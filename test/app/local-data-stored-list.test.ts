/**
 * The "Stored in this browser" list over a real IndexedDB implementation (fake-indexeddb): each kept dataset's size
 * and facts, the current graph's nodes that use it by the same match training uses (storedDataOf), the nodes a removal
 * would leave without data, and a removal storage refuses, which keeps the data and says why.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { createLocalDataStore, localDataFor, storedDataOf } from '../../app/data/local-data-store.ts';
import { LocalDataStorage } from '../../app/data/local-data-storage.ts';
import { localDataParams, type LocalDataset } from '../../app/data/local-dataset.ts';
import { datasetBytes, storedDatasetRows } from '../../app/data/stored-data-list.ts';
import { graph } from '../helpers/doc.ts';
import { table } from '../helpers/local-datasets.ts';


/** Regression with a test split: 4 + 2 samples of [1, 2, 2] features and 3 targets each. */
const images: LocalDataset = {
  name: '<img src=x onerror=alert(1)>.npy',
  description: 'six tiny images',
  task: 'regression',
  data: {
    train: {
      features: { shape: [4, 1, 2, 2], dtype: 'f32', data: new Float32Array(16) },
      labels: { shape: [4, 3], dtype: 'f32', data: new Float32Array(12) },
    },
    test: {
      features: { shape: [2, 1, 2, 2], dtype: 'f32', data: new Float32Array(8) },
      labels: { shape: [2, 3], dtype: 'f32', data: new Float32Array(6) },
    },
  },
};

const yourData = (id: string, dataset: LocalDataset) => [id, 'local_data', localDataParams(dataset)] as const;

async function ready(factory: IDBFactory, storage = new LocalDataStorage(factory, 'netloom-data-test')) {
  const store = createLocalDataStore(storage);
  await store.getState().loaded;
  return store;
}

describe('the size of kept data', () => {
  it('is the bytes of all its typed arrays, test split included', () => {
    // 6 floats + 3 ints, 4 bytes each.
    expect(datasetBytes(table)).toBe(36);
    expect(datasetBytes(images)).toBe((16 + 12 + 8 + 6) * 4);
  });

  it('is the same after a round trip through IndexedDB', async () => {
    const factory = new IDBFactory();
    await (await ready(factory)).getState().use('pics', images);
    const back = (await ready(factory)).getState().datasets.get('pics')!;
    expect(datasetBytes(back)).toBe(168);
  });
});

describe('which node uses which kept data', () => {
  it('is the node kept under its id, else the first of the same file name and shapes; localDataFor agrees', () => {
    const datasets = new Map([['mine', table], ['pics', images]]);
    const doc = graph(yourData('mine', table), yourData('pasted', images), ['other', 'dataset']).doc;
    const [mine, pasted] = doc.nodes;
    expect(storedDataOf(mine!, datasets)).toEqual(['mine', table]);
    expect(storedDataOf(pasted!, datasets)).toEqual(['pics', images]);
    const state = { ...createLocalDataStore(undefined).getState(), datasets };
    expect(localDataFor(doc, state)['pasted']).toBe(images.data);
  });

  it('is nothing for a node of another file, or of the same file with other shapes', () => {
    const datasets = new Map([['mine', table]]);
    const [otherFile, otherShape] = graph(
      ['renamed', 'local_data', { ...localDataParams(table), name: 'other.csv' }],
      ['reshaped', 'local_data', { ...localDataParams(table), features: [3] }],
    ).doc.nodes;
    expect(storedDataOf(otherFile!, datasets)).toBeUndefined();
    expect(storedDataOf(otherShape!, datasets)).toBeUndefined();
  });

  it('keeps data under the node id even when the node’s params no longer fit it (training then says why)', () => {
    const [edited] = graph(['mine', 'local_data', { ...localDataParams(table), features: [3] }]).doc.nodes;
    expect(storedDataOf(edited!, new Map([['mine', table]]))?.[0]).toBe('mine');
  });
});

describe('the rows of the list', () => {
  it('give each dataset’s facts, size and users, and "not used" data none', () => {
    const doc: GraphDocument = graph(yourData('mine', table), yourData('copy', table), ['other', 'dataset']).doc;
    const rows = storedDatasetRows(doc, new Map([['mine', table], ['pics', images]]));
    expect(rows).toEqual([
      { key: 'mine', name: 'table.csv', task: 'classification', samples: 3, features: [2], bytes: 36, users: ['mine', 'copy'], orphans: ['mine', 'copy'] },
      { key: 'pics', name: images.name, task: 'regression', samples: 6, features: [1, 2, 2], bytes: 168, users: [], orphans: [] },
    ]);
  });

  it('leave out of the orphans a node another kept copy of the same file still serves', () => {
    // The file was loaded for `old` (since deleted) and again for `mine`; a pasted node finds the first kept copy.
    // Without either copy, each node finds the other one by file name and shapes: neither removal orphans anyone.
    const doc = graph(yourData('mine', table), yourData('pasted', table)).doc;
    const rows = storedDatasetRows(doc, new Map([['old', table], ['mine', table]]));
    expect(rows.map((r) => [r.key, r.users, r.orphans])).toEqual([
      ['old', ['pasted'], []],
      ['mine', ['mine'], []],
    ]);
    // Data of another file is no stand-in.
    const other = { ...table, name: 'other.csv' };
    expect(storedDatasetRows(doc, new Map([['old', other], ['mine', table]]))[1]!.orphans).toEqual(['mine', 'pasted']);
  });

  it('follow a removal: the data is gone from the store and from IndexedDB, the graph unchanged', async () => {
    const factory = new IDBFactory();
    const store = await ready(factory);
    await store.getState().use('mine', table);
    await store.getState().use('pics', images);
    const doc = graph(yourData('mine', table)).doc;
    expect(await store.getState().forget('pics')).toBeUndefined();
    expect(storedDatasetRows(doc, store.getState().datasets).map((r) => r.key)).toEqual(['mine']);
    expect([...(await ready(factory)).getState().datasets.keys()]).toEqual(['mine']);
  });
});

describe('a removal storage refuses', () => {
  /** A real IndexedDB whose deletes fail, as a broken or locked profile's do. */
  class RefusingRemoval extends LocalDataStorage {
    override remove(): Promise<void> {
      return Promise.reject(new DOMException('the disk is not writable', 'UnknownError'));
    }
  }

  it('keeps the data listed and resolves to why', async () => {
    const factory = new IDBFactory();
    await (await ready(factory)).getState().use('mine', table);
    const store = await ready(factory, new RefusingRemoval(factory, 'netloom-data-test'));
    expect(await store.getState().forget('mine')).toBe('it could not be removed from this browser’s storage (UnknownError: the disk is not writable)');
    expect(storedDatasetRows(graph().doc, store.getState().datasets).map((r) => r.key)).toEqual(['mine']);
  });
});
