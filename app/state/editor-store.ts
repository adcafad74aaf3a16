/**
 * The editor's one store: the document (the only state that changes through edits), the engine's analysis of it
 * (derived, recomputed after every edit), and the selection. Every change to the document goes through `apply`,
 * which runs the engine's pure edit functions — the same code path the CLI and the tests use.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { analyze, AnalysisCache, type Analysis } from '../../engine/compile/analyze.ts';
import type { Catalog } from '../../engine/compile/node-kind.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { applyEdits } from './apply-edits.ts';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export interface EditorState {
  readonly catalog: Catalog;
  readonly doc: GraphDocument;
  /** Increases with every applied edit; views key derived data on it. */
  readonly revision: number;
  readonly analysis: Analysis;
  readonly selection: Selection;
  /** A message for the user (why the last edit was refused, why a file did not open), cleared by the next edit. */
  readonly notice: string | undefined;
  /** Applies edits in order as one step; nothing changes if any of them is refused. */
  apply(edits: readonly Edit[]): boolean;
  select(selection: Selection): void;
}

export type EditorStore = StoreApi<EditorState>;

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Drops selected ids that an edit removed, keeping the object when nothing changed (fewer re-renders). */
function prune(selection: Selection, doc: GraphDocument): Selection {
  const nodes = selection.nodes.filter((id) => doc.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((id) => doc.edges.some((e) => e.id === id));
  return sameIds(nodes, selection.nodes) && sameIds(edges, selection.edges) ? selection : { nodes, edges };
}

export function createEditorStore(doc: GraphDocument, catalog: Catalog, notice?: string): EditorStore {
  // One cache for the store's lifetime: after an edit only the nodes it touched are lowered again.
  const cache = new AnalysisCache();
  return createStore<EditorState>()((set, get) => ({
    catalog,
    doc,
    revision: 0,
    analysis: analyze(doc, catalog, { cache }),
    selection: EMPTY_SELECTION,
    notice,
    apply(edits) {
      if (edits.length === 0) return true;
      const result = applyEdits(get().doc, edits);
      if (!result.ok) {
        set({ notice: `Edit refused: ${result.error}` });
        return false;
      }
      const next = result.doc;
      // An edit that changes nothing returns the same document: no new revision, no re-analysis.
      if (next === get().doc) {
        if (get().notice !== undefined) set({ notice: undefined });
        return true;
      }
      set((s) => ({
        doc: next,
        revision: s.revision + 1,
        analysis: analyze(next, catalog, { cache }),
        selection: prune(s.selection, next),
        notice: undefined,
      }));
      return true;
    },
    select(selection) {
      const current = get().selection;
      if (sameIds(current.nodes, selection.nodes) && sameIds(current.edges, selection.edges)) return;
      set({ selection });
    },
  }));
}
