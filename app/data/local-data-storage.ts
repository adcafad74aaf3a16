/**
 * The user's loaded data in IndexedDB, in a database of its own (the graph's autosave lives in `netloom`), keyed by
 * the id of the "Your data" node it feeds, so a reload keeps it. It stays in this browser: nothing is uploaded.
 * Typed arrays are stored as they are (structured clone), not as text.
 */
import { done, openStore, request } from '../persistence/indexed-db.ts';
import type { LocalDataset } from './local-dataset.ts';

const DATABASE = 'netloom-data';
const STORE = 'datasets';

export class LocalDataStorage {
  private db: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory, private readonly name = DATABASE) {}

  async readAll(): Promise<Map<string, LocalDataset>> {
    const db = await this.open();
    const store = db.transaction(STORE, 'readonly').objectStore(STORE);
    const [keys, values] = await Promise.all([request<IDBValidKey[]>(store.getAllKeys()), request<LocalDataset[]>(store.getAll())]);
    return new Map(keys.map((key, i) => [String(key), values[i]!]));
  }

  async put(node: string, dataset: LocalDataset): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(dataset, node);
    await done(tx);
  }

  async remove(node: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(node);
    await done(tx);
  }

  private open(): Promise<IDBDatabase> {
    // A failed open is not cached: the next call tries again.
    this.db ??= openStore(this.factory, this.name, STORE).catch((error: unknown) => {
      this.db = undefined;
      throw error;
    });
    return this.db;
  }
}
