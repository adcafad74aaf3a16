/** Copy, paste and delete as edits: fresh ids, links kept, blocks pasted as copies of their definition, hostile text refused. */
import { describe, expect, it } from 'vitest';
import { checkBlocks } from '../../engine/graph/check-blocks.ts';
import { groupAsBlock } from '../../app/blocks/group-as-block.ts';
import { clipboardText, copyNodes, pasteEdits, readClipboard } from '../../app/state/clipboard.ts';
import { deleteEdits } from '../../app/state/delete-selection.ts';
import { CATALOG } from '../../nodes/index.ts';
import { testEditor, type TestEditor } from './test-editor.ts';

function paste(e: TestEditor, ids: readonly string[], keepInputs = false, at?: { x: number; y: number }) {
  const read = readClipboard(clipboardText(copyNodes(e.doc(), ids)!));
  if (!read.ok) throw new Error(read.message);
  const result = pasteEdits(e.doc(), read.payload, { keepInputs, ...(at && { at }) });
  expect(e.store.getState().apply(result.edits)).toBe(true);
  return result.nodes;
}

/** The sample with conv1, relu1, pool1 grouped as block "stem". */
function withStem(): TestEditor {
  const e = testEditor();
  const grouped = groupAsBlock(e.doc(), CATALOG, ['conv1', 'relu1', 'pool1'], 'Stem');
  if (!grouped.ok) throw new Error(grouped.reason);
  e.store.getState().apply([grouped.edit]);
  return e;
}

describe('copy and paste', () => {
  it('gives fresh ids, keeps the link between copied nodes, and offsets them', () => {
    const e = testEditor();
    const nodes = paste(e, ['conv1', 'relu1']);
    expect(nodes).toEqual(['conv2', 'relu2']);
    const doc = e.doc();
    expect(doc.edges.filter((x) => x.from.node === 'conv2')).toEqual([{ id: 'e-conv2-relu2', from: { node: 'conv2', port: 'y' }, to: { node: 'relu2', port: 'x' } }]);
    const original = doc.nodes.find((n) => n.id === 'conv1')!, copy = doc.nodes.find((n) => n.id === 'conv2')!;
    expect(copy.params).toEqual(original.params);
    expect(copy.position).toEqual({ x: original.position.x + 40, y: original.position.y + 40 });
    // Not fed: the analysis says so on the copy.
    expect(e.store.getState().analysis.diagnostics.some((d) => d.node === 'conv2' && d.code === 'missing-input')).toBe(true);
  });

  it('with keepInputs, reconnects the links that fed the copies from outside', () => {
    const e = testEditor();
    paste(e, ['conv1', 'relu1'], true, { x: 0, y: 900 });
    expect(e.doc().edges.some((x) => x.from.node === 'data' && x.to.node === 'conv2')).toBe(true);
    expect(e.shape('relu2')).toBe('[N,8,8,8]');
    expect(e.doc().nodes.find((n) => n.id === 'conv2')!.position).toEqual({ x: 0, y: 900 });
  });

  it('pastes a copied block instance as a new instance of the same block, so the copies share params', () => {
    const e = withStem();
    paste(e, ['conv1', 'relu1', 'pool1']);
    const doc = e.doc();
    expect(doc.blocks).toHaveLength(1);
    expect(doc.groups!.map((g) => [g.id, g.block])).toEqual([['stem_1', 'stem'], ['stem_2', 'stem']]);
    e.store.getState().apply([{ type: 'setParam', node: 'conv2', param: 'kernel_size', value: 5 }]);
    expect(e.doc().nodes.find((n) => n.id === 'conv1')!.params['kernel_size']).toBe(5);
    expect(checkBlocks(e.doc())).toEqual([]);
  });

  it('pastes a block into a graph without it as a new block with the same ports', () => {
    const source = withStem();
    const text = clipboardText(copyNodes(source.doc(), ['conv1', 'relu1', 'pool1'])!);
    const target = testEditor({ format: 'netloom.graph', version: 2, nodes: [], edges: [] });
    const read = readClipboard(text);
    if (!read.ok) throw new Error(read.message);
    target.store.getState().apply(pasteEdits(target.doc(), read.payload).edits);
    expect(target.doc().blocks!.map((b) => [b.id, b.label, b.inputs.map((p) => p.name), b.outputs.map((p) => p.name)])).toEqual([['stem', 'Stem', ['x'], ['y']]]);
    expect(checkBlocks(target.doc())).toEqual([]);
  });

  it('refuses clipboard text that is not netloom nodes, naming the problem, and never pollutes a prototype', () => {
    expect(readClipboard('hello')).toEqual({ ok: false, message: 'the clipboard holds no netloom nodes' });
    const evil = JSON.stringify({ format: 'netloom.clipboard', graph: { format: 'netloom.graph', version: 2, nodes: [], edges: [] }, inputs: [] })
      .replace('"nodes"', '"__proto__":{"polluted":1},"nodes"');
    const read = readClipboard(evil);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('is not allowed');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts a whole graph file as clipboard text', () => {
    const e = testEditor();
    const read = readClipboard(JSON.stringify({ format: 'netloom.graph', version: 1, nodes: [{ id: 'r', kind: 'relu', params: {}, position: { x: 0, y: 0 } }], edges: [] }));
    expect(read.ok && read.payload.graph.nodes.map((n) => n.id)).toEqual(['r']);
    if (read.ok) e.store.getState().apply(pasteEdits(e.doc(), read.payload).edits);
    expect(e.doc().nodes.at(-1)!.id).toBe('r1');
  });
});

describe('delete', () => {
  it('removes selected nodes with their edges and selected edges, as one step', () => {
    const e = testEditor();
    e.store.getState().apply(deleteEdits(e.doc(), { nodes: ['relu1'], edges: ['e-fc1-loss', 'e-conv1-relu1'] }));
    expect(e.doc().nodes.some((n) => n.id === 'relu1')).toBe(false);
    expect(e.doc().edges.map((x) => x.id)).not.toContain('e-fc1-loss');
    expect(e.store.getState().history.past).toHaveLength(1);
  });

  it('removes a whole block instance, and refuses to take one node out of a block', () => {
    const e = withStem();
    expect(e.store.getState().apply(deleteEdits(e.doc(), { nodes: ['relu1'], edges: [] }))).toBe(false);
    expect(e.store.getState().notice).toContain('inside block instance "stem_1"');
    expect(e.store.getState().apply(deleteEdits(e.doc(), { nodes: ['conv1', 'relu1', 'pool1'], edges: [] }))).toBe(true);
    expect(e.doc().groups).toBeUndefined();
    expect(e.doc().blocks).toHaveLength(1);
  });
});
