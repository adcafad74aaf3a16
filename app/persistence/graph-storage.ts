/**
 * The autosave slot in IndexedDB: one record holding the graph's canonical text and a revision number that every
 * write increases. A write names the revision it was based on and fails as a conflict when another tab wrote in
 * between (compare and swap inside one transaction), so two tabs never overwrite each other silently.
 */
import { done, openStore, request } from './indexed-db.ts';

export interface StoredGraph {
  /** serializeGraph's text: parsing it gives the document back exactly. */
  readonly text: string;
  readonly revision: number;
  readonly savedAt: number;
  /** Which tab wrote it. */
  readonly tab: string;
}

export type WriteResult =
  | { readonly ok: true; readonly revision: number }
  | { readonly ok: false; readonly reason: 'conflict'; readonly stored: StoredGraph }
  | { readonly ok: false; readonly reason: 'error'; readonly message: string };

const DATABASE = 'netloom';
const STORE = 'autosave';
const KEY = 'current';

export interface WriteRequest {
  readonly text: string;
  /** The stored revision this text was based on; 0 when nothing was stored. */
  readonly base: number;
  readonly tab: string;
  readonly now: number;
  /** Write even over another tab's newer revision (the user chose to keep this tab's graph). */
  readonly force?: boolean;
}

export class GraphStorage {
  private db: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory = indexedDB, private readonly name = DATABASE) {}

  async read(): Promise<StoredGraph | undefined> {
    const db = await this.open();
    return request<StoredGraph | undefined>(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
  }

  async write(w: WriteRequest): Promise<WriteResult> {
    try {
      const db = await this.open();
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      const stored = await request<StoredGraph | undefined>(store.get(KEY));
      const current = stored?.revision ?? 0;
      if (stored && current !== w.base && !w.force) {
        tx.abort();
        return { ok: false, reason: 'conflict', stored };
      }
      const revision = current + 1;
      store.put({ text: w.text, revision, savedAt: w.now, tab: w.tab } satisfies StoredGraph, KEY);
      await done(tx);
      return { ok: true, revision };
    } catch (error) {
      return { ok: false, reason: 'error', message: describe(error) };
    }
  }

  private open(): Promise<IDBDatabase> {
    // A failed open is not cached: the next write tries again (the user may free space or leave private mode).
    this.db ??= openStore(this.factory, this.name, STORE).catch((error: unknown) => {
      this.db = undefined;
      throw error;
    });
    return this.db;
  }
}

/** QuotaExceededError says the storage is full; anything else is reported as it is. */
function describe(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full (QuotaExceededError)';
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}
