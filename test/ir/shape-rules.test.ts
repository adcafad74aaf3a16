import { describe, expect, it } from 'vitest';
import { Builder } from '../../engine/ir/builder.ts';
import { ShapeError } from '../../engine/ir/errors.ts';
import { broadcastShapes, symbolicSize } from '../../engine/ir/shape.ts';
import { transposedOutputSize, windowDivisionInexact, windowOutputSize } from '../../engine/ir/window.ts';

const input = (b: Builder, shape: (number | string)[], dtype: 'f32' | 'i32' = 'f32') => b.op('input', [], { name: 'x', shape, dtype });

describe('broadcasting', () => {
  it('follows NumPy rules and keeps symbols', () => {
    expect(broadcastShapes(['N', 3, 1], [4])).toEqual(['N', 3, 4]);
    expect(broadcastShapes([2, 1], [1, 5])).toEqual([2, 5]);
    expect(broadcastShapes(['N', 1], ['N', 7])).toEqual(['N', 7]);
  });
  it('refuses incompatible sizes and a symbol against a different number', () => {
    expect(broadcastShapes([3], [4])).toMatch(/3 vs 4/);
    expect(broadcastShapes(['N'], [5])).toMatch(/N vs 5/);
  });
});

describe('window arithmetic (PyTorch formulas)', () => {
  it('computes ⌊(L+2p−d(k−1)−1)/s⌋+1', () => {
    expect(windowOutputSize(32, 5, 1, 4, 1)).toBe(32);
    expect(windowOutputSize(13, 3, 2, 0, 1)).toBe(6);
    expect(windowOutputSize(13, 2, 2, 0, 1)).toBe(6);
    expect(windowOutputSize(55, 7, 1, 0, 1)).toBe(49);
    expect(windowOutputSize(3, 5, 1, 0, 1)).toBe(-1);
    expect(windowOutputSize(10, 3, 1, 0, 2)).toBe(6);
  });
  it('matches PyTorch ceil_mode, including the rule that the last window starts inside the input', () => {
    // nn.MaxPool2d(2, 2, ceil_mode=True) on 5 → 3; on 4 → 2; MaxPool(3, 2, padding=1, ceil_mode=True) on 6 → 4.
    expect(windowOutputSize(5, 2, 2, 0, 1, true)).toBe(3);
    expect(windowOutputSize(4, 2, 2, 0, 1, true)).toBe(2);
    expect(windowOutputSize(6, 3, 2, 2, 1, true)).toBe(4);
  });
  it('flags inexact division', () => {
    expect(windowDivisionInexact(13, 2, 2, 0, 1)).toBe(true);
    expect(windowDivisionInexact(13, 3, 2, 0, 1)).toBe(false);
  });
  it('computes the transposed-convolution size (H−1)s−2p+d(k−1)+op+1', () => {
    expect(transposedOutputSize(7, 4, 2, 1, 0, 1)).toBe(14);
    expect(transposedOutputSize(1, 4, 1, 0, 0, 1)).toBe(4);
  });
});

describe('primitive shape rules through the builder', () => {
  it('matmul broadcasts batch dims and checks inner sizes', () => {
    const b = new Builder();
    const x = input(b, ['N', 'T', 64]);
    const w = b.op('param', [], { name: 'w', shape: [64, 32], init: { dist: 'constant', value: 0 } });
    expect(b.matmul(x, w).shape).toEqual(['N', 'T', 32]);
    const bad = b.op('param', [], { name: 'v', shape: [63, 32], init: { dist: 'constant', value: 0 } });
    expect(() => b.matmul(x, bad)).toThrow(/64 ≠ 63/);
  });
  it('conv applies per-side padding, stride, dilation and groups', () => {
    const b = new Builder();
    const x = input(b, ['N', 12, 55, 55]);
    const dw = b.op('param', [], { name: 'w', shape: [12, 1, 7, 7], init: { dist: 'constant', value: 0 } });
    const y = b.op('conv', [x, dw], { stride: [1, 1], padding: [[0, 0], [0, 0]], dilation: [1, 1], groups: 12 });
    expect(y.shape).toEqual(['N', 12, 49, 49]);
    const w = b.op('param', [], { name: 'w2', shape: [4, 12, 4, 4], init: { dist: 'constant', value: 0 } });
    const same = b.op('conv', [x, w], { stride: [1, 1], padding: [[1, 2], [1, 2]], dilation: [1, 1], groups: 1 });
    expect(same.shape).toEqual(['N', 4, 55, 55]);
    expect(() => b.op('conv', [x, w], { stride: [1, 1], padding: [[0, 0], [0, 0]], dilation: [1, 1], groups: 2 })).toThrow(ShapeError);
  });
  it('conv keeps a symbolic length only when the window preserves it', () => {
    const b = new Builder();
    const x = input(b, ['N', 4, 'T']);
    const w = b.op('param', [], { name: 'w', shape: [8, 4, 3], init: { dist: 'constant', value: 0 } });
    expect(b.op('conv', [x, w], { stride: [1], padding: [[1, 1]], dilation: [1], groups: 1 }).shape).toEqual(['N', 8, 'T']);
    expect(() => b.op('conv', [x, w], { stride: [2], padding: [[1, 1]], dilation: [1], groups: 1 })).toThrow(/symbolic/);
  });
  it('reshape keeps symbols, infers one -1 and counts elements', () => {
    const b = new Builder();
    const x = input(b, ['N', 16, 5, 5]);
    expect(b.reshape(x, ['N', -1]).shape).toEqual(['N', 400]);
    expect(b.reshape(x, ['N', 400]).shape).toEqual(['N', 400]);
    expect(() => b.reshape(x, ['N', 401])).toThrow(/400 elements vs 401/);
    expect(() => b.reshape(x, [400])).toThrow(/symbolic/);
    expect(symbolicSize(['N', 16, 'T', 2])).toEqual({ known: 32, symbols: ['N', 'T'] });
  });
  it('concat sums the axis and names the first differing dim', () => {
    const b = new Builder();
    const a = input(b, ['N', 3, 8, 8]);
    const c = input(b, ['N', 5, 8, 8]);
    expect(b.op('concat', [a, c], { axis: 1 }).shape).toEqual(['N', 8, 8, 8]);
    const d = input(b, ['N', 5, 8, 9]);
    expect(() => b.op('concat', [a, d], { axis: 1 })).toThrow(/dim 3/);
  });
  it('reductions, gather and one-hot', () => {
    const b = new Builder();
    const x = input(b, ['N', 10]);
    expect(b.sum(x, [1]).shape).toEqual(['N']);
    expect(b.mean(x, [0, 1]).shape).toEqual([]);
    expect(b.max(x, [-1], true).shape).toEqual(['N', 1]);
    const idx = input(b, ['N', 'T'], 'i32');
    const table = b.op('param', [], { name: 'e', shape: [100, 16], init: { dist: 'constant', value: 0 } });
    expect(b.op('gather', [table, idx], {}).shape).toEqual(['N', 'T', 16]);
    expect(() => b.op('gather', [table, x], {})).toThrow(/integers/);
    expect(b.op('oneHot', [input(b, ['N'], 'i32')], { depth: 3 })).toMatchObject({ shape: ['N', 3], dtype: 'f32' });
  });
  it('float-only functions refuse integer tensors', () => {
    const b = new Builder();
    expect(() => b.unary('exp', input(b, ['N'], 'i32'))).toThrow(/float/);
  });
});
