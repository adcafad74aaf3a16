/**
 * The user's loaded data over a real IndexedDB implementation (fake-indexeddb): kept across a reload, forgotten on
 * request, and handed to training by localDataFor only while each Your-data node's params still describe it.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { createLocalDataStore, localDataFor, LocalDataProblem } from '../../app/data/local-data-store.ts';
import { LocalDataStorage } from '../../app/data/local-data-storage.ts';
import { localDataParams } from '../../app/data/local-dataset.ts';
import { graph } from '../helpers/doc.ts';
import { table } from '../helpers/local-datasets.ts';


const docWith = (params: GraphDocument['nodes'][number]['params']) => graph(['mine', 'local_data', params], ['other', 'dataset']).doc;

async function ready(factory: IDBFactory) {
  const store = createLocalDataStore(new LocalDataStorage(factory, 'netloom-data-test'));
  await store.getState().loaded;
  return store;
}

describe('the local data store', () => {
  it('keeps the data across a reload, typed arrays and all', async () => {
    const factory = new IDBFactory();
    expect(await (await ready(factory)).getState().use('mine', table)).toBeUndefined();
    const reloaded = await ready(factory);
    expect(reloaded.getState().status).toBe('ready');
    const back = reloaded.getState().datasets.get('mine')!;
    expect(back.data.train.features.data).toBeInstanceOf(Float32Array);
    expect(back.data.train.labels.data).toBeInstanceOf(Int32Array);
    expect(back).toEqual(table);
  });

  it('forgets data on request, in storage too', async () => {
    const factory = new IDBFactory();
    const store = await ready(factory);
    await store.getState().use('mine', table);
    await store.getState().forget('mine');
    expect(store.getState().datasets.has('mine')).toBe(false);
    expect((await ready(factory)).getState().datasets.size).toBe(0);
  });

  it('works for the page alone when there is no IndexedDB', async () => {
    const store = createLocalDataStore(undefined);
    await store.getState().loaded;
    // The user is told: the data works, but not across a reload.
    expect(await store.getState().use('mine', table)).toBe('not kept for the next visit (this browser has no IndexedDB)');
    expect(store.getState().datasets.get('mine')).toBe(table);
    expect(store.getState().storageProblem).toMatch(/no IndexedDB/);
  });
});

describe('localDataFor', () => {
  it('gives the data of each Your-data node by its id, and nothing for built-in datasets', async () => {
    const store = await ready(new IDBFactory());
    await store.getState().use('mine', table);
    expect(localDataFor(docWith(localDataParams(table)), store.getState())).toEqual({ mine: { ...table.data, classNames: table.classNames } });
  });

  it('names the node whose data is missing', () => {
    const empty = createLocalDataStore(undefined).getState();
    expect(() => localDataFor(docWith(localDataParams(table)), empty)).toThrow(LocalDataProblem);
    expect(() => localDataFor(docWith(localDataParams(table)), empty)).toThrow(/^node mine: no data is loaded/);
  });

  it('names the node whose params no longer describe its data', async () => {
    const store = await ready(new IDBFactory());
    await store.getState().use('mine', table);
    expect(() => localDataFor(docWith({ ...localDataParams(table), features: [3] }), store.getState()))
      .toThrow('node mine: the node says features [3] per sample, but table.csv has [2]');
    expect(() => localDataFor(docWith({ ...localDataParams(table), classes: 2 }), store.getState()))
      .toThrow('node mine: the node says 2 classes, but table.csv has 3');
    expect(() => localDataFor(docWith({ ...localDataParams(table), task: 'regression' }), store.getState()))
      .toThrow(/the node says regression/);
  });

  it('finds the data of a renamed or pasted node by its file name and shapes, but not data of another file', async () => {
    const store = await ready(new IDBFactory());
    await store.getState().use('mine', table);
    const renamed = docWith(localDataParams(table));
    const doc = { ...renamed, nodes: renamed.nodes.map((n) => ({ ...n, id: 'renamed' })) };
    expect(Object.keys(localDataFor(doc, store.getState()))).toEqual(['renamed']);
    const other = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, params: { ...n.params, name: 'other.csv' } })) };
    expect(() => localDataFor(other, store.getState())).toThrow(/node renamed: no data is loaded/);
  });
});
