/**
 * Autosave: every change of the document is written to IndexedDB within `delayMs` (throttled, so a burst of edits
 * is one write and the last edit is never more than one delay plus one write away from disk), and `flush` writes at
 * once (on pagehide). Edits made while a write runs are written after it.
 *
 * Tabs: each write says which stored revision it builds on, and other tabs hear of it on a BroadcastChannel. A tab
 * with nothing unsaved adopts the other tab's graph; a tab with unsaved edits stops writing and asks the user which
 * graph to keep (status `conflict`), so neither tab's work is overwritten silently.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import type { EditorStore } from '../state/editor-store.ts';
import type { GraphStorage, StoredGraph } from './graph-storage.ts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

export interface SaveState {
  readonly status: SaveStatus;
  /** When the graph was last written (ms since the epoch). */
  readonly savedAt: number | undefined;
  /** Why the last write failed (status `error`) or what the conflict is about (status `conflict`). */
  readonly message: string | undefined;
}

/** What tabs tell each other after a write. */
interface SavedMessage {
  readonly type: 'saved';
  readonly tab: string;
  readonly revision: number;
}

export interface AutosaveOptions {
  /** This tab's id. */
  readonly tab: string;
  /** The stored revision the editor's document came from (0 when it did not come from storage). */
  readonly revision: number;
  readonly savedAt?: number;
  readonly delayMs?: number;
  /** Where tabs announce their writes; undefined where BroadcastChannel is missing. */
  readonly channel?: BroadcastChannel;
  readonly now?: () => number;
  /**
   * Set when storage holds a graph this tab could not open (say, from a newer netloom): autosave starts in the
   * conflict state with this message, so that graph is only overwritten when the user says so.
   */
  readonly unreadable?: string;
}

export const AUTOSAVE_DELAY_MS = 300;
export const CHANNEL_NAME = 'netloom-autosave';

export class Autosave {
  readonly state: StoreApi<SaveState>;
  private base: number;
  /** The document last written or adopted; the editor's document differs from it when there are unsaved edits. */
  private saved: GraphDocument;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private readonly unsubscribe: () => void;
  private readonly delay: number;
  private readonly now: () => number;

  constructor(private readonly editor: EditorStore, private readonly storage: GraphStorage, private readonly options: AutosaveOptions) {
    this.base = options.revision;
    this.saved = editor.getState().doc;
    this.delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.now = options.now ?? Date.now;
    this.state = createStore<SaveState>()(() => (options.unreadable === undefined
      ? { status: 'saved', savedAt: options.savedAt, message: undefined }
      : { status: 'conflict', savedAt: options.savedAt, message: options.unreadable }));
    this.unsubscribe = editor.subscribe((s, previous) => {
      if (s.doc !== previous.doc) this.changed();
    });
    options.channel?.addEventListener('message', this.onMessage);
  }

  get dirty(): boolean {
    return this.editor.getState().doc !== this.saved;
  }

  /** Writes the current document now, if it has unsaved changes; resolves when stored. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.writing) await this.writing;
    if (!this.dirty || this.state.getState().status === 'conflict') return;
    this.writing = this.write();
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
    if (this.dirty) this.schedule();
  }

  /** Settles a conflict: keep this tab's graph (overwrite the other tab's) or take the stored one. */
  async resolve(keep: 'mine' | 'theirs'): Promise<void> {
    if (keep === 'mine') {
      this.setState({ status: 'pending', message: undefined });
      this.writing = this.write(true);
      await this.writing;
      this.writing = undefined;
      return;
    }
    const stored = await this.storage.read();
    if (stored) this.adopt(stored);
  }

  dispose(): void {
    this.clearTimer();
    this.unsubscribe();
    this.options.channel?.removeEventListener('message', this.onMessage);
  }

  private changed(): void {
    const status = this.state.getState().status;
    if (status === 'conflict') return;
    if (!this.dirty) return;
    if (status !== 'saving' && status !== 'error') this.setState({ status: 'pending' });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delay);
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async write(force = false): Promise<void> {
    const doc = this.editor.getState().doc;
    this.setState({ status: 'saving' });
    const at = this.now();
    const result = await this.storage.write({ text: serializeGraph(doc), base: this.base, tab: this.options.tab, now: at, ...(force && { force }) });
    if (result.ok) {
      this.base = result.revision;
      this.saved = doc;
      this.setState({ status: this.dirty ? 'pending' : 'saved', savedAt: at, message: undefined });
      this.options.channel?.postMessage({ type: 'saved', tab: this.options.tab, revision: result.revision } satisfies SavedMessage);
    } else if (result.reason === 'conflict') {
      this.conflict(result.stored);
    } else {
      this.setState({ status: 'error', message: `Not saved: ${result.message}. Save the graph to a file (Ctrl+S) to keep it.` });
    }
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const message = event.data as Partial<SavedMessage> | null;
    if (message?.type !== 'saved' || message.tab === this.options.tab || typeof message.revision !== 'number' || message.revision <= this.base) return;
    void this.storage.read().then((stored) => {
      if (!stored || stored.revision <= this.base) return;
      if (this.dirty || this.writing) this.conflict(stored);
      else this.adopt(stored);
    });
  };

  private conflict(stored: StoredGraph): void {
    this.clearTimer();
    const when = new Date(stored.savedAt).toLocaleTimeString('en-GB');
    this.setState({ status: 'conflict', message: `This graph was also changed in another tab (saved at ${when}). Keep which version?` });
  }

  /** Takes the stored graph as this tab's document, as one undoable step. */
  private adopt(stored: StoredGraph): void {
    const parsed = parseGraph(stored.text);
    if (!parsed.ok) {
      this.setState({ status: 'error', message: `The graph saved by another tab could not be read: ${parsed.errors[0]?.message ?? 'unknown problem'}` });
      return;
    }
    this.base = stored.revision;
    // Marked as saved before the editor changes, so the change is not written back.
    this.saved = parsed.graph;
    this.editor.getState().load(parsed.graph, 'Changes from another tab');
    this.setState({ status: 'saved', savedAt: stored.savedAt, message: undefined });
  }

  private setState(patch: Partial<SaveState>): void {
    this.state.setState(patch);
  }
}
