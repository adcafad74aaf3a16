/** Grouping selected nodes into a block from the editor: the ports it gets, its ids, and shapes across its boundary. */
import { describe, expect, it } from 'vitest';
import { blockPorts } from '../../app/blocks/block-ports.ts';
import { groupAsBlock } from '../../app/blocks/group-as-block.ts';
import { instanceIds } from '../../app/canvas/use-place-block.ts';
import { CATALOG } from '../../nodes/index.ts';
import { templateDoc, testEditor } from './test-editor.ts';

describe('block ports', () => {
  it('are the inputs fed from outside and the outputs used outside', () => {
    const e = testEditor();
    expect(blockPorts(e.doc(), CATALOG, ['conv1', 'relu1', 'pool1'])).toEqual({
      inputs: [{ name: 'x', node: 'conv1', port: 'x' }],
      outputs: [{ name: 'y', node: 'pool1', port: 'y' }],
    });
  });

  it('include unfed required inputs and unused outputs, qualified by node where names clash', () => {
    const doc = templateDoc('resnet-digits');
    // The residual body: conv_a's input comes from outside, the Add's skip input too.
    const ports = blockPorts(doc, CATALOG, ['conv_a', 'bn_a', 'relu_a', 'conv_b', 'bn_b', 'add', 'relu_out']);
    expect(ports.inputs).toEqual([{ name: 'x', node: 'conv_a', port: 'x' }, { name: 'x2', node: 'add', port: 'x2' }]);
    expect(ports.outputs).toEqual([{ name: 'y', node: 'relu_out', port: 'y' }]);
    const lone = blockPorts(testEditor().doc(), CATALOG, ['conv1', 'fc1']);
    expect(lone.inputs.map((p) => p.name)).toEqual(['conv1.x', 'fc1.x']);
  });
});

describe('group as block', () => {
  it('makes one createBlock edit with identifier-like ids; the analysis is unchanged by grouping', () => {
    const e = testEditor();
    const before = e.store.getState().analysis.totals;
    const result = groupAsBlock(e.doc(), CATALOG, ['pool1', 'conv1', 'relu1'], 'My Stem!');
    expect(result).toMatchObject({ ok: true, group: 'my_stem_1', edit: { type: 'createBlock', block: 'my_stem', label: 'My Stem!', nodes: ['conv1', 'relu1', 'pool1'] } });
    if (!result.ok) return;
    expect(e.store.getState().apply([result.edit])).toBe(true);
    expect(e.store.getState().analysis.totals).toEqual(before);
    expect(groupAsBlock(e.doc(), CATALOG, [], 'x')).toEqual({ ok: false, reason: 'select the nodes to group first' });
  });

  it('a second instance has fresh ids and its shapes are checked across the boundary', () => {
    const e = testEditor();
    const result = groupAsBlock(e.doc(), CATALOG, ['conv1', 'relu1', 'pool1'], 'Stem');
    if (!result.ok) throw new Error(result.reason);
    e.store.getState().apply([result.edit]);
    const ids = instanceIds(e.doc(), 'stem')!;
    expect(ids).toEqual({ nodes: ['conv2', 'relu2', 'pool2'], group: 'stem_2' });
    e.store.getState().apply([
      { type: 'placeBlock', block: 'stem', group: ids.group, nodes: ids.nodes, position: { x: 0, y: 600 } },
      // Feed the copy a 3-channel image: the block's conv wants 1 channel, and the error lands on the copy's conv.
      { type: 'addNode', node: { id: 'rgb', kind: 'input', params: { shape: ['N', 3, 8, 8] }, position: { x: -300, y: 600 } } },
      { type: 'connect', from: { node: 'rgb', port: 'y' }, to: { node: 'conv2', port: 'x' } },
    ]);
    const errors = e.store.getState().analysis.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.node, d.code])).toEqual([['conv2', 'channels-mismatch']]);
  });
});
