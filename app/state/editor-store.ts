/**
 * The editor's one store: the document (the only state that changes through edits), the engine's analysis of it
 * (derived, recomputed after every change), the undo history, and the selection. Every change to the document goes
 * through `apply` (the engine's pure edit functions — the code path the CLI and the tests use), `undo`/`redo`, or
 * `load` (a whole new document: a file, a template, another tab's save), and each is one step of history.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { analyze, AnalysisCache, type Analysis } from '../../engine/compile/analyze.ts';
import type { Catalog } from '../../engine/compile/node-kind.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { applyEdits } from './apply-edits.ts';
import { describeEdits } from './describe-edits.ts';
import { EMPTY_HISTORY, record, redo, undo, type History, type Moved } from './history.ts';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export interface ApplyOptions {
  /** The history entry's name; derived from the edits when absent. */
  readonly label?: string;
  /** Consecutive steps with this key within a second are one history entry (slider drags, typing). */
  readonly coalesce?: string;
}

export interface EditorState {
  readonly catalog: Catalog;
  readonly doc: GraphDocument;
  /** Increases with every change of the document (edit, undo, redo, load); views and autosave key on it. */
  readonly revision: number;
  readonly analysis: Analysis;
  readonly selection: Selection;
  readonly history: History;
  /** A message for the user (why the last edit was refused, why a link was refused), cleared by the next change. */
  readonly notice: string | undefined;
  /** Applies edits in order as one step; nothing changes if any of them is refused. */
  apply(edits: readonly Edit[], options?: ApplyOptions): boolean;
  undo(): boolean;
  redo(): boolean;
  /**
   * Replaces the document as one undoable step (the caller has validated it, e.g. with parseGraph); loads with the
   * same coalesce key within a second merge, like typing in a field.
   */
  load(doc: GraphDocument, label: string, options?: { readonly coalesce?: string }): void;
  select(selection: Selection): void;
  notify(message: string | undefined): void;
}

export type EditorStore = StoreApi<EditorState>;

export interface EditorOptions {
  readonly notice?: string;
  /** The clock that decides whether steps coalesce; tests pass their own. */
  readonly now?: () => number;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Drops selected ids that a change removed, keeping the object when nothing changed (fewer re-renders). */
function prune(selection: Selection, doc: GraphDocument): Selection {
  if (selection.nodes.length === 0 && selection.edges.length === 0) return selection;
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const nodes = selection.nodes.filter((id) => nodeIds.has(id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  return sameIds(nodes, selection.nodes) && sameIds(edges, selection.edges) ? selection : { nodes, edges };
}

export function createEditorStore(doc: GraphDocument, catalog: Catalog, options: EditorOptions = {}): EditorStore {
  // One cache for the store's lifetime: after an edit only the nodes it touched are lowered again.
  const cache = new AnalysisCache();
  const now = options.now ?? Date.now;
  return createStore<EditorState>()((set, get) => {
    /** The state after the document becomes `next`. */
    const change = (s: EditorState, next: GraphDocument, history: History) => ({
      doc: next,
      revision: s.revision + 1,
      analysis: analyze(next, catalog, { cache }),
      selection: prune(s.selection, next),
      history,
      notice: undefined,
    });
    const move = (moved: Moved | undefined) => {
      if (!moved) return false;
      set((s) => change(s, moved.doc, moved.history));
      return true;
    };
    return {
      catalog,
      doc,
      revision: 0,
      analysis: analyze(doc, catalog, { cache }),
      selection: EMPTY_SELECTION,
      history: EMPTY_HISTORY,
      notice: options.notice,
      apply(edits, applyOptions = {}) {
        if (edits.length === 0) return true;
        const before = get().doc;
        const result = applyEdits(before, edits);
        if (!result.ok) {
          set({ notice: `Edit refused: ${result.error}` });
          return false;
        }
        // An edit that changes nothing returns the same document: no new revision, no history entry.
        if (result.doc === before) {
          if (get().notice !== undefined) set({ notice: undefined });
          return true;
        }
        const step = { label: applyOptions.label ?? describeEdits(edits), at: now(), ...(applyOptions.coalesce !== undefined && { coalesce: applyOptions.coalesce }) };
        set((s) => change(s, result.doc, record(s.history, before, step)));
        return true;
      },
      undo: () => move(undo(get().history, get().doc)),
      redo: () => move(redo(get().history, get().doc)),
      load(next, label, loadOptions = {}) {
        const step = { label, at: now(), ...(loadOptions.coalesce !== undefined && { coalesce: loadOptions.coalesce }) };
        set((s) => ({ ...change(s, next, record(s.history, s.doc, step)), selection: EMPTY_SELECTION }));
      },
      select(selection) {
        const current = get().selection;
        if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
        set({ selection });
      },
      notify(message) {
        if (get().notice !== message) set({ notice: message });
      },
    };
  });
}
