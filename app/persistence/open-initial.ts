/**
 * The document the editor opens with: the autosaved graph when there is one (restored exactly: it is stored as
 * canonical text), otherwise the sample. A stored graph that cannot be read is left in place, untouched, until the
 * user decides (see Autosave's `unreadable`).
 */
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { openSample } from '../samples/open-sample.ts';
import type { GraphStorage } from './graph-storage.ts';

export interface InitialDocument {
  readonly doc: GraphDocument;
  /** The stored revision `doc` came from (0 when nothing was stored). */
  readonly revision: number;
  readonly savedAt?: number;
  readonly notice?: string;
  /** Why the stored graph could not be opened, when it could not. */
  readonly unreadable?: string;
  readonly restored: boolean;
}

export async function openInitial(storage: GraphStorage): Promise<InitialDocument> {
  const sample = openSample();
  let stored;
  try {
    stored = await storage.read();
  } catch (error) {
    const message = `Autosave is unavailable: ${error instanceof Error ? error.message : String(error)}`;
    return { doc: sample.doc, revision: 0, restored: false, notice: message };
  }
  if (!stored) return { doc: sample.doc, revision: 0, restored: false, ...(sample.notice !== undefined && { notice: sample.notice }) };
  const parsed = parseGraph(stored.text);
  if (parsed.ok) return { doc: parsed.graph, revision: stored.revision, savedAt: stored.savedAt, restored: true };
  const reason = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  const unreadable = `The autosaved graph could not be opened (${reason}). It is kept until you choose to overwrite it.`;
  return { doc: sample.doc, revision: stored.revision, restored: false, unreadable, notice: unreadable };
}
