import { describe, expect, it } from 'vitest';
import { analyze, AnalysisCache } from '../../engine/compile/analyze.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

const codesOn = (doc: GraphDocument) => analyze(doc, CATALOG).diagnostics.map((d) => `${d.code}@${d.node ?? d.edge}`);

const mlp = () => graph(
  ['data', 'dataset', { dataset: 'iris' }],
  ['fc1', 'linear', { in_features: 4, out_features: 16 }],
  ['act', 'relu'],
  ['fc2', 'linear', { in_features: 16, out_features: 3 }],
  ['loss', 'cross_entropy'],
  ['opt', 'sgd', { lr: 0.1 }],
).link('data.features', 'fc1.x').chain('fc1', 'act', 'fc2').link('fc2.y', 'loss.input').link('data.labels', 'loss.target').link('loss.loss', 'opt.loss');

describe('analysis of a valid graph', () => {
  it('gives every port and edge its shape, with N symbolic', () => {
    const a = analyze(mlp().doc, CATALOG);
    expect(a.diagnostics).toEqual([]);
    expect(a.nodes.get('data')!.outputs).toEqual({ features: { shape: ['N', 4], dtype: 'f32' }, labels: { shape: ['N'], dtype: 'i32' } });
    expect(a.nodes.get('fc2')!.outputs.y!.shape).toEqual(['N', 3]);
    expect(a.nodes.get('loss')!.outputs.loss!.shape).toEqual([]);
    expect(a.edges.get('e1')).toEqual({ shape: ['N', 4], dtype: 'f32' });
    expect(a.order.indexOf('fc1')).toBeLessThan(a.order.indexOf('fc2'));
  });
  it('counts parameters, weights and per-sample FLOPs', () => {
    const a = analyze(mlp().doc, CATALOG);
    expect(a.nodes.get('fc1')!.params).toBe(4 * 16 + 16);
    expect(a.nodes.get('fc1')!.weights).toEqual([
      { name: 'fc1.weight', shape: [16, 4], trainable: true },
      { name: 'fc1.bias', shape: [16], trainable: true },
    ]);
    expect(a.totals.params).toBe(4 * 16 + 16 + 16 * 3 + 3);
    // matmul 2·in·out plus one add per output
    expect(a.nodes.get('fc1')!.flops).toBe(2 * 4 * 16 + 16);
    expect(a.nodes.get('fc1')!.memory).toBe(16 * 4);
  });
  it('scales FLOPs and memory with bound symbols', () => {
    const a = analyze(mlp().doc, CATALOG, { bindings: { N: 32 } });
    expect(a.nodes.get('fc1')!.flops).toBe(32 * (2 * 4 * 16 + 16));
  });
});

describe('structural diagnostics', () => {
  it('reports a missing input once and blocks what depends on it silently', () => {
    const doc = graph(['fc1', 'linear'], ['act', 'relu'], ['fc2', 'linear', { in_features: 128 }]).chain('fc1', 'act', 'fc2').doc;
    const a = analyze(doc, CATALOG);
    expect(a.diagnostics.map((d) => `${d.code}@${d.node}:${d.port}`)).toEqual(['missing-input@fc1:x']);
    expect(a.nodes.get('act')!.status).toBe('blocked');
    expect(a.nodes.get('fc2')!.status).toBe('blocked');
  });
  it('reports an input fed twice, with a fix removing the second link', () => {
    const doc = graph(['a', 'input', { shape: ['N', 4] }], ['b', 'input', { shape: ['N', 4] }], ['r', 'relu']).link('a.y', 'r.x').link('b.y', 'r.x').doc;
    const d = analyze(doc, CATALOG).diagnostics.find((x) => x.code === 'duplicate-input')!;
    expect(d).toMatchObject({ node: 'r', port: 'x', edge: 'e2' });
    expect(d.fix!.edits).toEqual([{ type: 'disconnect', edge: 'e2' }]);
  });
  it('finds cycles, pins them on the members and offers to cut a link', () => {
    const doc = graph(['x', 'input', { shape: ['N', 4] }], ['r1', 'relu'], ['r2', 'relu'], ['r3', 'relu'])
      .link('r1.y', 'r2.x').link('r2.y', 'r1.x').link('r2.y', 'r3.x').doc;
    const a = analyze(doc, CATALOG);
    const cycles = a.diagnostics.filter((d) => d.code === 'cycle');
    expect(cycles.map((d) => d.node).sort()).toEqual(['r1', 'r2']);
    expect(cycles[0]!.message).toMatch(/cycle \(r\d → r\d → r\d\)/);
    expect(cycles[0]!.fix!.edits[0]!.type).toBe('disconnect');
    expect(a.nodes.get('r3')!.status).toBe('blocked');
  });
  it('reports a self-loop as a cycle', () => {
    const doc = graph(['r', 'relu']).link('r.y', 'r.x').doc;
    expect(codesOn(doc)).toContain('cycle@r');
  });
  it('reports unknown kinds, ports, bad and unknown params', () => {
    const doc = graph(['x', 'input', { shape: ['N', 4] }], ['q', 'quantum_layer'], ['fc', 'linear', { in_features: 4, out_features: 0, colour: 'red' }])
      .link('x.y', 'fc.input').doc;
    const a = analyze(doc, CATALOG);
    const byCode = new Map(a.diagnostics.map((d) => [`${d.code}:${d.param ?? d.port ?? ''}`, d]));
    expect(byCode.get('unknown-kind:')!.node).toBe('q');
    expect(byCode.get('unknown-port:input')!.message).toMatch(/has no input "input" \(inputs: x\)/);
    const bad = byCode.get('bad-param:out_features')!;
    expect(bad.severity).toBe('error');
    expect(bad.message).toMatch(/out_features = 0 must be at least 1; using the default 128/);
    expect(bad.fix!.edits).toEqual([{ type: 'resetParam', node: 'fc', param: 'out_features' }]);
    expect(byCode.get('bad-param:colour')!.severity).toBe('warning');
  });
  it('flags nodes that feed no loss or output', () => {
    const doc = mlp().doc;
    const extra = { ...doc, nodes: [...doc.nodes, { id: 'stray', kind: 'relu', params: {}, position: { x: 0, y: 0 } }],
      edges: [...doc.edges, { id: 'ex', from: { node: 'fc1', port: 'y' }, to: { node: 'stray', port: 'x' } }] };
    expect(codesOn(extra)).toEqual(['unreachable@stray']);
  });
});

describe('optimizer diagnostics', () => {
  it('an optimizer without a loss minimises nothing', () => {
    expect(codesOn(graph(['opt', 'sgd']).doc)).toEqual(['optimizer-no-loss@opt']);
  });
  it('an optimizer whose loss depends on no weights has nothing to update', () => {
    const doc = graph(['data', 'dataset', { dataset: 'blobs' }], ['logits', 'input', { shape: ['N', 3] }], ['loss', 'cross_entropy'], ['opt', 'sgd'])
      .link('logits.y', 'loss.input').link('data.labels', 'loss.target').link('loss.loss', 'opt.loss').doc;
    expect(codesOn(doc)).toEqual(['optimizer-no-params@opt']);
  });
  it('selects parameters by group or node id, and names an unknown selection', () => {
    const base = mlp().doc;
    const withParams = (parameters: string[]): GraphDocument => ({
      ...base,
      groups: [{ id: 'head', nodes: ['fc2'] }, { id: 'empty', nodes: ['act'] }],
      nodes: base.nodes.map((n) => (n.id === 'opt' ? { ...n, params: { ...n.params, parameters } } : n)),
    });
    expect(codesOn(withParams(['head']))).toEqual([]);
    expect(codesOn(withParams(['fc1']))).toEqual([]);
    expect(codesOn(withParams(['empty']))).toEqual(['optimizer-no-params@opt']);
    expect(codesOn(withParams(['decoder']))).toEqual(['bad-param@opt', 'optimizer-no-params@opt']);
  });
});

describe('node diagnostics with arithmetic and fixes', () => {
  it('a Linear fed the wrong number of features names both numbers and offers the fix', () => {
    const doc = graph(['x', 'input', { shape: ['N', 400] }], ['fc', 'linear', { in_features: 784, out_features: 10 }]).chain('x', 'fc').doc;
    const [d] = analyze(doc, CATALOG).diagnostics;
    expect(d).toMatchObject({ severity: 'error', code: 'features-mismatch', node: 'fc', param: 'in_features', port: 'x' });
    expect(d!.message).toBe('Linear fc: in_features is 784 but the input [N,400] has 400 features in its last dimension — set in_features to 400');
    expect(d!.fix!.edits).toEqual([{ type: 'setParam', node: 'fc', param: 'in_features', value: 400 }]);
  });
  it('a conv whose output size goes negative shows the arithmetic and a padding fix', () => {
    const doc = graph(['x', 'input', { shape: ['N', 8, 3, 3] }], ['conv2', 'conv2d', { in_channels: 8, out_channels: 8, kernel_size: 5 }]).chain('x', 'conv2').doc;
    const [d] = analyze(doc, CATALOG).diagnostics;
    expect(d!.code).toBe('nonpositive-output');
    expect(d!.message).toContain('⌊(3+2·0−5)/1⌋+1 = −1');
    expect(d!.message).toContain('set padding ≥ 1');
    expect(d!.fix!.edits).toEqual([{ type: 'setParam', node: 'conv2', param: 'padding', value: 1 }]);
  });
  it('a conv fed a flat vector explains the rank and suggests a Reshape', () => {
    const doc = graph(['x', 'input', { shape: ['N', 784] }], ['c', 'conv2d']).chain('x', 'c').doc;
    const [d] = analyze(doc, CATALOG).diagnostics;
    expect(d!.code).toBe('rank-mismatch');
    expect(d!.message).toMatch(/rank-4 input \[N,C,H,W\] but x is \[N,784\].*Reshape/);
  });
  it('warns when a stride does not divide evenly (floor applied)', () => {
    const doc = graph(['x', 'input', { shape: ['N', 1, 28, 28] }], ['c', 'conv2d', { kernel_size: 5, stride: 3 }]).chain('x', 'c').doc;
    const a = analyze(doc, CATALOG);
    expect(a.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['warning:inexact-division', 'warning:inexact-division']);
    expect(a.diagnostics[0]!.message).toContain('(28+2·0−5)/3+1 = 8.667 is not a whole number; floor gives 8');
    expect(a.nodes.get('c')!.outputs.y!.shape).toEqual(['N', 8, 8, 8]);
  });
  it('integer labels fed to a layer are a dtype error', () => {
    const doc = graph(['data', 'dataset', { dataset: 'iris' }], ['fc', 'linear', { in_features: 1 }]).link('data.labels', 'fc.x').doc;
    expect(codesOn(doc)).toEqual(['dtype-mismatch@fc']);
  });
});

describe('incremental re-analysis', () => {
  it('reuses the results of nodes whose params and inputs did not change', () => {
    const cache = new AnalysisCache();
    const doc = mlp().doc;
    const first = analyze(doc, CATALOG, { cache });
    const edited: GraphDocument = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'fc2' ? { ...n, params: { ...n.params, bias: false } } : n)) };
    const second = analyze(edited, CATALOG, { cache });
    expect(second.nodes.get('fc1')).toBe(first.nodes.get('fc1'));
    expect(second.nodes.get('fc2')).not.toBe(first.nodes.get('fc2'));
    expect(second.nodes.get('fc2')!.params).toBe(16 * 3);
    // Downstream of fc2 the input type is unchanged, so the loss is reused too.
    expect(second.nodes.get('loss')).toBe(first.nodes.get('loss'));
  });
  it('recomputes downstream nodes when an upstream shape changes', () => {
    const cache = new AnalysisCache();
    const doc = mlp().doc;
    analyze(doc, CATALOG, { cache });
    const edited: GraphDocument = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'fc1' ? { ...n, params: { ...n.params, out_features: 8 } } : n)) };
    const a = analyze(edited, CATALOG, { cache });
    expect(a.diagnostics.map((d) => d.code)).toEqual(['features-mismatch']);
    expect(a.diagnostics[0]!.node).toBe('fc2');
  });
});
