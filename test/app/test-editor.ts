/**
 * A headless editor for tests: the app's real zustand store over the real engine and catalog, opened on the bundled
 * sample or a template, with a controllable clock (for coalescing) and a few shorthands.
 */
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';
import { openSample } from '../../app/samples/open-sample.ts';
import { createEditorStore, type EditorStore } from '../../app/state/editor-store.ts';
import { openTemplate, TEMPLATES } from '../../app/templates/templates.ts';

export interface TestEditor {
  readonly store: EditorStore;
  /** Moves the store's clock on. */
  tick(ms: number): void;
  doc(): GraphDocument;
  shape(node: string, port?: string): string | undefined;
}

export function testEditor(doc: GraphDocument = openSample().doc): TestEditor {
  let now = 1_000_000;
  const store = createEditorStore(doc, CATALOG, { now: () => now });
  return {
    store,
    tick: (ms) => { now += ms; },
    doc: () => store.getState().doc,
    shape: (node, port = 'y') => {
      const info = store.getState().analysis.nodes.get(node)?.outputs[port];
      return info && `[${info.shape.join(',')}]`;
    },
  };
}

export function templateDoc(id: string): GraphDocument {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no template ${id}`);
  const parsed = openTemplate(template);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.graph;
}

export function parsed(text: string): GraphDocument {
  const result = parseGraph(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.graph;
}
