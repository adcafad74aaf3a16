/**
 * The undo history: snapshots of the document before each step. Documents are immutable and edits share every
 * object they do not touch, so a snapshot costs only what the step changed, and undoing N steps gives back exactly
 * the document of N steps ago. Selection and viewport are not documents, so they are never history.
 */
import type { GraphDocument } from '../../engine/graph/types.ts';

export interface HistoryEntry {
  /** The document before the step (in `past`) or after it (in `future`). */
  readonly doc: GraphDocument;
  /** What the step did, for the Undo/Redo button titles ("Undo Set kernel_size"). */
  readonly label: string;
  /** Steps with the same key in quick succession merge into one (a slider drag, typing in a field). */
  readonly coalesce?: string;
  readonly at: number;
}

export interface History {
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };

/** Older steps are dropped beyond this many. */
export const HISTORY_LIMIT = 100;

/** How long after the previous step one with the same coalesce key still merges into it. */
export const COALESCE_MS = 1000;

export interface StepInfo {
  readonly label: string;
  readonly coalesce?: string;
  readonly at: number;
}

/** Records a step that turned `before` into a new document; a new step always clears the redo list. */
export function record(history: History, before: GraphDocument, step: StepInfo): History {
  const last = history.past.at(-1);
  if (step.coalesce !== undefined && last?.coalesce === step.coalesce && step.at - last.at <= COALESCE_MS) {
    // The merged entry keeps the document from before the burst and moves its time on, so a long burst stays one step.
    return { past: [...history.past.slice(0, -1), { ...last, at: step.at }], future: [] };
  }
  const entry: HistoryEntry = { doc: before, label: step.label, at: step.at, ...(step.coalesce !== undefined && { coalesce: step.coalesce }) };
  return { past: [...history.past, entry].slice(-HISTORY_LIMIT), future: [] };
}

export interface Moved {
  readonly history: History;
  readonly doc: GraphDocument;
  readonly label: string;
}

/** Steps back: the document before the last step, with `current` kept for redo. */
export function undo(history: History, current: GraphDocument): Moved | undefined {
  const last = history.past.at(-1);
  if (!last) return undefined;
  return {
    history: { past: history.past.slice(0, -1), future: [...history.future, { doc: current, label: last.label, at: last.at }] },
    doc: last.doc,
    label: last.label,
  };
}

/** Steps forward again after an undo. */
export function redo(history: History, current: GraphDocument): Moved | undefined {
  const next = history.future.at(-1);
  if (!next) return undefined;
  return {
    // The redone step is not merged with whatever comes after it (no coalesce key), so it stays one step.
    history: { past: [...history.past, { doc: current, label: next.label, at: next.at }], future: history.future.slice(0, -1) },
    doc: next.doc,
    label: next.label,
  };
}
