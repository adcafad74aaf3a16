/**
 * The overview's node list for the keyboard and screen readers, its pure parts: each node described in words from
 * the same data the canvas node shows, the nodes in data-flow order, and the focus ring around a drawn node.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/compile/diagnostics.ts';
import { groupAsBlock } from '../../app/blocks/group-as-block.ts';
import { createFlowModel, type FlowNode } from '../../app/canvas/flow-model.ts';
import { inFlowOrder } from '../../app/canvas/flow-order.ts';
import { describeNode, firstProblem, outputShapes } from '../../app/canvas/node-description.ts';
import { focusRingOf } from '../../app/canvas/overview-draw.ts';
import { CATALOG } from '../../nodes/index.ts';
import { testEditor, type TestEditor } from './test-editor.ts';

function flowNodes(e: TestEditor): FlowNode[] {
  const s = e.store.getState();
  return createFlowModel()(s.doc, s.analysis, s.catalog, s.selection).nodes;
}

/** Groups `ids` as a block and collapses it; returns the group's id. */
function collapse(e: TestEditor, ids: string[], label: string): string {
  const grouped = groupAsBlock(e.doc(), CATALOG, ids, label);
  if (!grouped.ok) throw new Error(grouped.reason);
  e.store.getState().apply([grouped.edit, { type: 'setCollapsed', group: grouped.group, collapsed: true }]);
  return grouped.group;
}

function describedAs(e: TestEditor, id: string): string {
  return describeNode(flowNodes(e).find((n) => n.id === id)!.data);
}

describe('node description', () => {
  it('names a node by id, kind, output shape and status', () => {
    const e = testEditor();
    expect(describedAs(e, 'conv1')).toBe('conv1, Conv2d, output [N,8,8,8], ok');
    // Several outputs are told apart by port name; a node without outputs says so.
    expect(describedAs(e, 'data')).toBe('data, Dataset, outputs features [N,1,8,8], labels [N], ok');
    expect(describedAs(e, 'opt')).toBe('opt, Adam, no outputs, ok');
  });

  it('gives a label with the id, keeping markup as plain characters', () => {
    const e = testEditor();
    const label = '<img src=x onerror=alert(1)>';
    e.store.getState().apply([{ type: 'setLabel', node: 'fc1', label }]);
    expect(describedAs(e, 'fc1')).toBe(`${label} (fc1), Linear, output [N,10], ok`);
  });

  it('says the first error in words, and that nodes after it were not analysed', () => {
    const e = testEditor();
    e.store.getState().apply([{ type: 'setParam', node: 'fc1', param: 'in_features', value: 100 }]);
    const problem = firstProblem(e.store.getState().analysis.diagnostics.filter((d) => d.node === 'fc1'))!;
    expect(describedAs(e, 'fc1')).toBe(`fc1, Linear, output ?, error: ${problem.message}`);
    expect(problem.message).toContain('set in_features to 128');
    expect(describedAs(e, 'loss')).toBe('loss, CrossEntropyLoss, output ?, not analysed: an upstream node failed');
  });

  it('describes a collapsed block by its label, group id and the shapes at its ports', () => {
    const e = testEditor();
    const group = collapse(e, ['conv1', 'relu1', 'pool1'], 'Stem');
    const block = flowNodes(e).find((n) => 'group' in n.data)!;
    expect(outputShapes(block.data).map((s) => s.shape)).toEqual(['[N,8,4,4]']);
    expect(describeNode(block.data)).toBe(`Stem (${group}), block Stem, output [N,8,4,4], ok`);
  });

  it('shows an error before a warning, whatever their order', () => {
    const warning: Diagnostic = { severity: 'warning', code: 'bad-param', message: 'w' };
    const error: Diagnostic = { severity: 'error', code: 'bad-param', message: 'e' };
    expect(firstProblem([warning, error])).toBe(error);
    expect(firstProblem([warning])).toBe(warning);
    expect(firstProblem([{ severity: 'info', code: 'bad-param', message: 'i' }])).toBeUndefined();
  });
});

describe('data-flow order', () => {
  it('lists nodes as data reaches them, whatever the document order', () => {
    const e = testEditor();
    const nodes = flowNodes(e);
    const order = e.store.getState().analysis.order;
    expect(inFlowOrder([...nodes].reverse(), order).map((n) => n.id)).toEqual(['data', 'conv1', 'relu1', 'pool1', 'flat', 'fc1', 'loss', 'opt']);
  });

  it('puts a collapsed block where its first node would be, and nodes missing from the order last, in document order', () => {
    const e = testEditor();
    const group = collapse(e, ['relu1', 'pool1'], 'Pair');
    const nodes = flowNodes(e);
    const order = e.store.getState().analysis.order;
    expect(inFlowOrder(nodes, order).map((n) => n.id)).toEqual(['data', 'conv1', `block:${group}`, 'flat', 'fc1', 'loss', 'opt']);
    // Without an order (say, a cycle stopped the analysis), the document's order stands.
    expect(inFlowOrder(nodes, ['fc1']).map((n) => n.id)).toEqual(['fc1', ...nodes.map((n) => n.id).filter((id) => id !== 'fc1')]);
  });
});

describe('focus ring', () => {
  it('runs 8 screen pixels outside the box at any zoom', () => {
    const box = { x: 100, y: 50, width: 200, height: 80 };
    expect(focusRingOf(box, 1)).toEqual({ x: 92, y: 42, width: 216, height: 96 });
    // At 10 % zoom one screen pixel is 10 flow units.
    expect(focusRingOf(box, 10)).toEqual({ x: 20, y: -30, width: 360, height: 240 });
  });
});
