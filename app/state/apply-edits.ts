/**
 * Runs a batch of edits through the engine's pure edit functions, all or nothing. A refused edit (GraphEditError:
 * an unknown node, a duplicate id, a self-loop) becomes a message for the user; anything else is a bug and throws.
 */
import { applyEdits as applyEngineEdits } from '../../engine/graph/edit.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { GraphEditError } from '../../engine/graph/errors.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';

export type ApplyResult = { readonly ok: true; readonly doc: GraphDocument } | { readonly ok: false; readonly error: string };

export function applyEdits(doc: GraphDocument, edits: readonly Edit[]): ApplyResult {
  try {
    return { ok: true, doc: applyEngineEdits(doc, edits) };
  } catch (error) {
    if (error instanceof GraphEditError) return { ok: false, error: error.message };
    throw error;
  }
}
