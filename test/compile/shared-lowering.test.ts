/**
 * Nodes with the same kind, params and input types share one lowering (engine/compile/fragment-memo.ts). Sharing
 * must never show: each node keeps its own weight names, receptive field and diagnostics, and a lowering that
 * looks at its node (its id or its producers) is never shared.
 */
import { describe, expect, it } from 'vitest';
import { analyze, AnalysisCache } from '../../engine/compile/analyze.ts';
import { defineNode, makeCatalog } from '../../engine/compile/node-kind.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

const conv = { in_channels: 4, out_channels: 4, kernel_size: 3, padding: 1 };
const threeConvs = () => graph(
  ['x', 'input', { shape: ['N', 4, 8, 8] }],
  ['c1', 'conv2d', { ...conv }],
  ['c2', 'conv2d', { ...conv }],
  ['c3', 'conv2d', { ...conv }],
).chain('x', 'c1', 'c2', 'c3');

const docs = { summary: 'test kind', formula: 'y', pytorch: 'none' };
/** Output length = the length of the node's id: only right if the lowering is not shared between nodes. */
const idProbe = defineNode({
  id: 'id_probe', category: 'structure', label: 'IdProbe', docs, params: {}, inputs: [], outputs: [{ name: 'y' }],
  lower: (ctx) => ({ y: ctx.b.op('constant', [], { shape: [ctx.node.id.length], value: 0, dtype: 'f32' }) }),
});
/** Output length = the length of the producer's kind. */
const producerProbe = defineNode({
  id: 'producer_probe', category: 'structure', label: 'ProducerProbe', docs, params: {}, inputs: [{ name: 'x' }], outputs: [{ name: 'y' }],
  lower: (ctx) => ({ y: ctx.b.op('constant', [], { shape: [ctx.producer('x')!.kind.length], value: 0, dtype: 'f32' }) }),
});
const withProbes = makeCatalog([...CATALOG.values(), idProbe, producerProbe]);

describe('shared lowerings', () => {
  it('give each node its own weight names and receptive field', () => {
    const a = analyze(threeConvs().doc, CATALOG);
    expect(a.diagnostics).toEqual([]);
    expect(['c1', 'c2', 'c3'].map((id) => a.nodes.get(id)!.weights.map((w) => w.name))).toEqual([
      ['c1.weight', 'c1.bias'], ['c2.weight', 'c2.bias'], ['c3.weight', 'c3.bias'],
    ]);
    expect(['c1', 'c2', 'c3'].map((id) => a.nodes.get(id)!.receptiveField)).toEqual([[3, 3], [5, 5], [7, 7]]);
    expect(a.totals.params).toBe(3 * (4 * 4 * 9 + 4));
  });

  it('are not used for a lowering that reads its node id', () => {
    const doc = graph(['a', 'id_probe'], ['bbb', 'id_probe']).doc;
    const a = analyze(doc, withProbes);
    expect(a.nodes.get('a')!.outputs.y!.shape).toEqual([1]);
    expect(a.nodes.get('bbb')!.outputs.y!.shape).toEqual([3]);
  });

  it('are not used for a lowering that reads its producers', () => {
    const doc = graph(
      ['x', 'input', { shape: ['N', 4] }], ['r', 'relu'], ['s', 'sigmoid'], ['pr', 'producer_probe'], ['ps', 'producer_probe'],
    ).chain('x', 'r', 'pr').chain('x', 's', 'ps').doc;
    const a = analyze(doc, withProbes);
    expect(a.nodes.get('pr')!.outputs.y!.shape).toEqual(['relu'.length]);
    expect(a.nodes.get('ps')!.outputs.y!.shape).toEqual(['sigmoid'.length]);
  });

  it('leave each node its own warnings', () => {
    const inexact = { in_channels: 4, out_channels: 4, kernel_size: 2, stride: 2 };
    const doc = graph(['x', 'input', { shape: ['N', 4, 7, 7] }], ['p', 'conv2d', { ...inexact }], ['q', 'conv2d', { ...inexact }])
      .chain('x', 'p').chain('x', 'q').doc;
    const warned = analyze(doc, CATALOG).diagnostics.map((d) => `${d.code}@${d.node}`);
    expect(warned).toEqual(['inexact-division@p', 'inexact-division@p', 'inexact-division@q', 'inexact-division@q']);
  });

  it('are recounted when the bindings change, with the same cache', () => {
    const cache = new AnalysisCache();
    const doc = threeConvs().doc;
    const perSample = analyze(doc, CATALOG, { cache }).nodes.get('c2')!.flops;
    expect(analyze(doc, CATALOG, { cache, bindings: { N: 32 } }).nodes.get('c2')!.flops).toBe(32 * perSample);
    expect(analyze(doc, CATALOG, { cache }).nodes.get('c2')!.flops).toBe(perSample);
  });
});
