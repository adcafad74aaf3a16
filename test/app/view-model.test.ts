/** The canvas view model: what is drawn for a document and its analysis, and which objects survive an edit. */
import { describe, expect, it } from 'vitest';
import { groupAsBlock } from '../../app/blocks/group-as-block.ts';
import { layoutEdits } from '../../app/canvas/auto-layout.ts';
import { createFlowModel, documentIds, type BlockFlowNode, type FlowModel } from '../../app/canvas/flow-model.ts';
import { CATALOG } from '../../nodes/index.ts';
import { testEditor, type TestEditor } from './test-editor.ts';

function model(e: TestEditor, derive = createFlowModel()): FlowModel {
  const s = e.store.getState();
  return derive(s.doc, s.analysis, s.catalog, s.selection);
}

describe('flow model', () => {
  it('draws every node and edge with status, shapes and severity', () => {
    const e = testEditor();
    e.store.getState().apply([{ type: 'setParam', node: 'fc1', param: 'in_features', value: 100 }]);
    const { nodes, edges } = model(e);
    expect(nodes.map((n) => n.id)).toEqual(e.doc().nodes.map((n) => n.id));
    const fc1 = nodes.find((n) => n.id === 'fc1')!;
    expect(fc1.type === 'graph' && fc1.data.status).toBe('error');
    // The edge feeding the failing port is marked; the one after it has no shape.
    expect(edges.find((x) => x.id === 'e-flat-fc1')!.data).toEqual({ shape: '[N,128]', severity: 'error' });
    expect(edges.find((x) => x.id === 'e-fc1-loss')!.data).toEqual({ shape: undefined, severity: undefined });
  });

  it('after a param edit only the edited node and what its output reaches get new objects', () => {
    const e = testEditor();
    const derive = createFlowModel();
    const before = model(e, derive);
    e.store.getState().apply([{ type: 'setParam', node: 'opt', param: 'lr', value: 0.01 }]);
    const after = model(e, derive);
    const changed = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['opt']);
    expect(after.edges.every((x, i) => x === before.edges[i])).toBe(true);
  });

  it('a collapsed block is one node with its ports; edges reach its ports and inner edges are hidden', () => {
    const e = testEditor();
    const grouped = groupAsBlock(e.doc(), CATALOG, ['conv1', 'relu1', 'pool1'], 'Stem');
    if (!grouped.ok) throw new Error(grouped.reason);
    e.store.getState().apply([grouped.edit, { type: 'setCollapsed', group: grouped.group, collapsed: true }]);
    const { nodes, edges } = model(e);
    expect(nodes.map((n) => n.id)).toEqual(['data', 'flat', 'fc1', 'loss', 'opt', 'block:stem_1']);
    const block = nodes.at(-1) as BlockFlowNode;
    expect(block.data.inputs.map((p) => [p.name, p.shape])).toEqual([['x', '[N,1,8,8]']]);
    expect(block.data.outputs.map((p) => [p.name, p.shape])).toEqual([['y', '[N,8,4,4]']]);
    expect(block.data.params).toBe(80);
    expect(block.position).toEqual({ x: 340, y: 0 });
    expect(edges.map((x) => x.id)).not.toContain('e-conv1-relu1');
    expect(edges.find((x) => x.id === 'e-data-conv1')).toMatchObject({ target: 'block:stem_1', targetHandle: 'x', data: { shape: '[N,1,8,8]' } });
    expect(edges.find((x) => x.id === 'e-pool1-flat')).toMatchObject({ source: 'block:stem_1', sourceHandle: 'y' });
    expect(documentIds(['block:stem_1', 'fc1'], e.doc().groups)).toEqual(['conv1', 'relu1', 'pool1', 'fc1']);
  });
});

describe('auto-layout', () => {
  it('puts each node right of the nodes feeding it, in one batch of moves', () => {
    const e = testEditor();
    const boxes = e.doc().nodes.map((n) => ({ id: n.id, ...n.position, width: 220, height: 120 }));
    const edits = layoutEdits(e.doc(), boxes, e.doc().edges.map((x) => ({ source: x.from.node, target: x.to.node })));
    expect(edits.every((x) => x.type === 'moveNode')).toBe(true);
    e.store.getState().apply(edits, { label: 'Auto-layout' });
    const x = (id: string) => e.doc().nodes.find((n) => n.id === id)!.position.x;
    for (const edge of e.doc().edges) expect(x(edge.to.node)).toBeGreaterThan(x(edge.from.node));
    expect(e.store.getState().history.past).toHaveLength(1);
  });

  it('moves a collapsed block as one box, its nodes keeping their places inside it', () => {
    const e = testEditor();
    const grouped = groupAsBlock(e.doc(), CATALOG, ['conv1', 'relu1'], 'Pair');
    if (!grouped.ok) throw new Error(grouped.reason);
    e.store.getState().apply([grouped.edit, { type: 'setCollapsed', group: grouped.group, collapsed: true }]);
    const { nodes, edges } = model(e);
    const before = e.doc().nodes;
    const edits = layoutEdits(e.doc(), nodes.map((n) => ({ id: n.id, ...n.position, width: 220, height: 120 })), edges);
    e.store.getState().apply(edits);
    const at = (id: string, doc = e.doc()) => doc.nodes.find((n) => n.id === id)!.position;
    expect(at('relu1').x - at('conv1').x).toBe(at('relu1', { ...e.doc(), nodes: before }).x - at('conv1', { ...e.doc(), nodes: before }).x);
  });
});
