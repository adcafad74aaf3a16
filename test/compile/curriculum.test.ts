/** The course's worked examples (../shared/CURRICULUM.md §2 and §4), computed by the analysis. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/compile/analyze.ts';
import { lowerGraph } from '../../engine/compile/lower-graph.ts';
import { applyEdits } from '../../engine/graph/edit.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

describe('conv output shape and parameters (exercise 7)', () => {
  it('32×32×3 with ten 5×5 filters, s=1, p=2 gives [10,32,32] and 760 parameters', () => {
    const doc = graph(['x', 'input', { shape: ['N', 3, 32, 32] }], ['conv', 'conv2d', { in_channels: 3, out_channels: 10, kernel_size: 5, padding: 2 }])
      .chain('x', 'conv').doc;
    const conv = analyze(doc, CATALOG).nodes.get('conv')!;
    expect(conv.outputs.y!.shape).toEqual(['N', 10, 32, 32]);
    expect(conv.params).toBe(760);
  });
  it.each([3, 5, 7])('"same" padding keeps 28×28 with a %i×%i kernel and pads (F−1)/2', (k) => {
    const doc = graph(['x', 'input', { shape: ['N', 1, 28, 28] }], ['conv', 'conv2d', { kernel_size: k, padding: 'same' }]).chain('x', 'conv').doc;
    const a = analyze(doc, CATALOG);
    expect(a.nodes.get('conv')!.outputs.y!.shape).toEqual(['N', 8, 28, 28]);
    const lowered = lowerGraph(doc, CATALOG);
    if (!lowered.ok) throw new Error('does not lower');
    const conv = lowered.program.ops.find((o) => o.op === 'conv')!;
    expect((conv.attrs as unknown as { padding: number[][] }).padding).toEqual([[(k - 1) / 2, (k - 1) / 2], [(k - 1) / 2, (k - 1) / 2]]);
  });
});

describe('AlexNet pooling (exercise 9)', () => {
  const pool = (k: number) => graph(['x', 'input', { shape: ['N', 256, 13, 13] }], ['pool', 'max_pool2d', { kernel_size: k, stride: 2 }]).chain('x', 'pool').doc;
  it('13×13×256 max-pooled 3/2 gives 6×6×256 exactly', () => {
    const a = analyze(pool(3), CATALOG);
    expect(a.nodes.get('pool')!.outputs.y!.shape).toEqual(['N', 256, 6, 6]);
    expect(a.diagnostics).toEqual([]);
  });
  it('a 2×2/s2 pool also gives 6, with the non-integer warning (6.5 → 6)', () => {
    const a = analyze(pool(2), CATALOG);
    expect(a.nodes.get('pool')!.outputs.y!.shape).toEqual(['N', 256, 6, 6]);
    expect(a.diagnostics.map((d) => `${d.severity}:${d.code}`)).toContain('warning:inexact-division');
    expect(a.diagnostics[0]!.message).toContain('= 6.5 is not a whole number; floor gives 6');
  });
});

describe('receptive field (exercise 11)', () => {
  it('conv11/s4 → pool3/s2 → conv5 gives 11, 19, 51', () => {
    const doc = graph(
      ['x', 'input', { shape: ['N', 3, 227, 227] }],
      ['c1', 'conv2d', { in_channels: 3, out_channels: 4, kernel_size: 11, stride: 4 }],
      ['p1', 'max_pool2d', { kernel_size: 3, stride: 2 }],
      ['c2', 'conv2d', { in_channels: 4, out_channels: 4, kernel_size: 5, padding: 2 }],
    ).chain('x', 'c1', 'p1', 'c2').doc;
    const a = analyze(doc, CATALOG);
    expect(['c1', 'p1', 'c2'].map((id) => a.nodes.get(id)!.receptiveField)).toEqual([[11, 11], [19, 19], [51, 51]]);
  });
  it('three 3×3 convolutions see 7×7; conv3 → pool2/s2 → conv3 sees 8×8', () => {
    const conv = (id: string) => [id, 'conv2d', { in_channels: 1, out_channels: 1, kernel_size: 3, padding: 1 }] as const;
    const three = graph(['x', 'input', { shape: ['N', 1, 32, 32] }], conv('a'), ['r', 'relu'], conv('b'), conv('c')).chain('x', 'a', 'r', 'b', 'c').doc;
    const a = analyze(three, CATALOG);
    expect(['a', 'r', 'b', 'c'].map((id) => a.nodes.get(id)!.receptiveField![0])).toEqual([3, 3, 5, 7]);
    const mixed = graph(['x', 'input', { shape: ['N', 1, 32, 32] }], conv('a'), ['p', 'max_pool2d', { kernel_size: 2, stride: 2 }], conv('b')).chain('x', 'a', 'p', 'b').doc;
    const m = analyze(mixed, CATALOG);
    expect(['a', 'p', 'b'].map((id) => m.nodes.get(id)!.receptiveField![0])).toEqual([3, 4, 8]);
  });
});

describe('depthwise-separable convolution (exercise 12)', () => {
  const input = ['x', 'input', { shape: ['N', 12, 55, 55] }] as const;
  it('standard 12→6 7×7 costs 16,941,456 FLOPs and 3,528 weights', () => {
    const doc = graph(input, ['std', 'conv2d', { in_channels: 12, out_channels: 6, kernel_size: 7, bias: false }]).chain('x', 'std').doc;
    const std = analyze(doc, CATALOG).nodes.get('std')!;
    expect(std.outputs.y!.shape).toEqual(['N', 6, 49, 49]);
    expect(std.flops).toBe(16_941_456);
    expect(std.params).toBe(3528);
  });
  it('depthwise 7×7 + pointwise 1×1 costs 2,823,576 + 345,744 = 3,169,320 FLOPs and 588 + 72 weights', () => {
    const doc = graph(input,
      ['dw', 'conv2d', { in_channels: 12, out_channels: 12, kernel_size: 7, groups: 12, bias: false }],
      ['pw', 'conv2d', { in_channels: 12, out_channels: 6, kernel_size: 1, bias: false }]).chain('x', 'dw', 'pw').doc;
    const a = analyze(doc, CATALOG);
    const dw = a.nodes.get('dw')!, pw = a.nodes.get('pw')!;
    expect(pw.outputs.y!.shape).toEqual(['N', 6, 49, 49]);
    expect([dw.flops, pw.flops, dw.flops + pw.flops]).toEqual([2_823_576, 345_744, 3_169_320]);
    expect([dw.params, pw.params]).toEqual([588, 72]);
    // The ratio is 1/D2 + 1/F² (not the notes' 1/D1 + 1/F²).
    expect((dw.flops + pw.flops) / 16_941_456).toBeCloseTo(1 / 6 + 1 / 49, 6);
  });
});

describe('MLP parameter count (exercise 1)', () => {
  it('1→3→3→1 has 22 parameters', () => {
    const doc = graph(['x', 'input', { shape: ['N', 1] }],
      ['h1', 'linear', { in_features: 1, out_features: 3 }], ['a1', 'tanh'],
      ['h2', 'linear', { in_features: 3, out_features: 3 }], ['a2', 'tanh'],
      ['out', 'linear', { in_features: 3, out_features: 1 }]).chain('x', 'h1', 'a1', 'h2', 'a2', 'out').doc;
    expect(analyze(doc, CATALOG).totals.params).toBe(22);
  });
});

describe('fix the mismatch (exercise 8)', () => {
  it('Conv(3→16, k5) on 28×28 → Flatten → Linear(in=16·26·26) is refused with the fix in_features = 9216', () => {
    const doc = graph(['x', 'input', { shape: ['N', 3, 28, 28] }],
      ['conv', 'conv2d', { in_channels: 3, out_channels: 16, kernel_size: 5 }], ['flat', 'flatten'],
      ['fc', 'linear', { in_features: 16 * 26 * 26, out_features: 10 }]).chain('x', 'conv', 'flat', 'fc').doc;
    const a = analyze(doc, CATALOG);
    expect(a.diagnostics).toHaveLength(1);
    const [d] = a.diagnostics;
    expect(d).toMatchObject({ code: 'features-mismatch', node: 'fc' });
    expect(d!.message).toContain('in_features is 10816 but the input [N,9216] has 9216 features');
    const fixed = analyze(applyEdits(doc, d!.fix!.edits), CATALOG);
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.nodes.get('fc')!.weights[0]!.shape).toEqual([10, 9216]);
  });
});
