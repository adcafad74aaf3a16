/**
 * Pointing the graph at chosen data, through the editor's real store: a Dataset node becomes a Your-data node in
 * place (id, position and links kept) and back, a data node of the same kind gets new params, and with no target a
 * new node is added — each one undoable step.
 */
import { describe, expect, it } from 'vitest';
import { sourceNodeEdits } from '../../app/data/source-node-edits.ts';
import type { GraphNode } from '../../engine/graph/types.ts';
import { testEditor } from './test-editor.ts';

/** 8×8 greyscale images in 10 classes: what the sample's digits CNN expects. */
const images: GraphNode['params'] = { name: 'scans.zip', features: [1, 8, 8], task: 'classification', classes: 10 };

function point(editor: ReturnType<typeof testEditor>, target: string | undefined, kind: string, params: GraphNode['params']) {
  const { node, edits } = sourceNodeEdits(editor.doc(), target, kind, params);
  expect(editor.store.getState().apply(edits, { label: 'Use data' })).toBe(true);
  return node;
}

describe('sourceNodeEdits', () => {
  it('turns the Dataset node into a Your-data node in place, keeping its links, as one undo step', () => {
    const editor = testEditor();
    const before = editor.doc();
    const links = before.edges.filter((e) => e.from.node === 'data');
    expect(links.length).toBe(2);
    expect(point(editor, 'data', 'local_data', images)).toBe('data');
    const node = editor.doc().nodes.find((n) => n.id === 'data')!;
    expect(node).toMatchObject({ kind: 'local_data', params: images, position: before.nodes.find((n) => n.id === 'data')!.position });
    expect(editor.doc().edges.filter((e) => e.from.node === 'data')).toEqual(links);
    expect(editor.shape('data', 'features')).toBe('[N,1,8,8]');
    expect(editor.store.getState().analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    editor.store.getState().undo();
    expect(editor.doc()).toEqual(before);
  });

  it('sets the params of a data node of the same kind, dropping the ones the new data does not name', () => {
    const editor = testEditor();
    point(editor, 'data', 'dataset', { dataset: 'fashion-mnist' });
    expect(editor.doc().nodes.find((n) => n.id === 'data')!.params).toEqual({ dataset: 'fashion-mnist' });
    expect(editor.shape('data', 'features')).toBe('[N,784]');
  });

  it('adds a new data node left of the graph when there is no target', () => {
    const editor = testEditor();
    const count = editor.doc().nodes.length;
    const id = point(editor, undefined, 'local_data', images);
    expect(editor.doc().nodes).toHaveLength(count + 1);
    const added = editor.doc().nodes.find((n) => n.id === id)!;
    expect(added.kind).toBe('local_data');
    expect(added.position.x).toBeLessThan(Math.min(...editor.doc().nodes.filter((n) => n.id !== id).map((n) => n.position.x)));
  });
});
