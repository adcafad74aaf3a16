/**
 * The primitive case table: every IR primitive with realistic attributes and its edge cases, run on every backend.
 * Inputs are not stored: each comes from a fill formula that TypeScript and Python evaluate to the same doubles
 * (integer arithmetic and one division). Reference outputs come from PyTorch: make_primitive_reference.py reads
 * this table (through print-primitive-cases.ts), computes each case with the PyTorch function the primitive
 * mirrors and writes test/fixtures/pytorch/primitive-reference.json.
 */
import type { DType, OpAttrs, OpId } from '../../engine/ir/ops.ts';
import { UNARY_OPS } from '../../engine/ir/ops.ts';
import { SHAPE_RULES } from '../../engine/ir/shape-rules.ts';

/** A number as JSON can carry it: non-finite values are spelled out. */
export type JsonNumber = number | 'nan' | 'inf' | '-inf';

export type Fill =
  /** low + (high − low)·((37i + 17·seed) mod 101)/100: 101 distinct levels, exactly representable steps apart. */
  | { readonly kind: 'ramp'; readonly seed: number; readonly low: number; readonly high: number }
  /** low + (7i + 3·seed) mod (high − low + 1): integers (as floats too, for ties and equality). */
  | { readonly kind: 'ints'; readonly seed: number; readonly low: number; readonly high: number }
  | { readonly kind: 'values'; readonly values: readonly JsonNumber[] };

export interface TensorSpec {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly fill: Fill;
}

/**
 * pytorch: compare with the fixture. counter: a random primitive, compared with its definition in random.ts.
 * error: dispatching must throw an Error whose message contains the text.
 */
export type Expectation = { readonly kind: 'pytorch' } | { readonly kind: 'counter' } | { readonly kind: 'error'; readonly message: string };

interface CaseOf<K extends OpId> {
  readonly name: string;
  readonly op: K;
  readonly attrs: OpAttrs[K];
  /** Operands in order; for `input` the fed tensor, for `param`/`buffer` the state that is set before the run. */
  readonly inputs: readonly TensorSpec[];
  readonly expect: Expectation;
}
export type PrimitiveCase = { [K in OpId]: CaseOf<K> }[OpId];

export function decodeNumber(v: JsonNumber): number {
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v;
}

export function fillValues(fill: Fill, count: number): number[] {
  switch (fill.kind) {
    case 'ramp':
      return Array.from({ length: count }, (_, i) => fill.low + (fill.high - fill.low) * (((37 * i + 17 * fill.seed) % 101) / 100));
    case 'ints':
      return Array.from({ length: count }, (_, i) => fill.low + ((7 * i + 3 * fill.seed) % (fill.high - fill.low + 1)));
    case 'values':
      if (fill.values.length !== count) throw new Error(`${fill.values.length} values listed for ${count} elements`);
      return fill.values.map(decodeNumber);
  }
}

const ramp = (seed: number, low = -1, high = 1): Fill => ({ kind: 'ramp', seed, low, high });
const ints = (seed: number, low: number, high: number): Fill => ({ kind: 'ints', seed, low, high });
const values = (...v: JsonNumber[]): Fill => ({ kind: 'values', values: v });
const f32 = (shape: readonly number[], fill: Fill = ramp(shape.length)): TensorSpec => ({ shape, dtype: 'f32', fill });
const i32 = (shape: readonly number[], fill: Fill): TensorSpec => ({ shape, dtype: 'i32', fill });

const PYTORCH: Expectation = { kind: 'pytorch' };
function c<K extends OpId>(name: string, op: K, attrs: OpAttrs[K], inputs: readonly TensorSpec[], expect = PYTORCH): PrimitiveCase {
  return { name, op, attrs, inputs, expect } as CaseOf<K> as PrimitiveCase;
}
const none = {};
const SPECIAL = values('nan', 'inf', '-inf', 0, -1.5, 2);

/** Input ranges inside each unary function's domain, covering its interesting region (0 included where it matters). */
const UNARY_RANGE: { readonly [K in (typeof UNARY_OPS)[number]]: readonly [number, number] } = {
  neg: [-2, 2], exp: [-3, 3], log: [0.05, 5], sqrt: [0, 4], abs: [-2, 2], sign: [-1, 1], tanh: [-3, 3],
  sigmoid: [-8, 8], erf: [-5, 5], atan: [-4, 4], relu: [-1, 1], step: [-1, 1],
};

const unaryCases = UNARY_OPS.flatMap((op) => [
  c(`${op}`, op, none, [f32([2, 3, 4], ramp(1, ...UNARY_RANGE[op]))]),
  c(`${op} of NaN, ±∞, 0`, op, none, [f32([6], SPECIAL)]),
]);

const conv2dBasic: OpAttrs['conv'] = { stride: [1, 1], padding: [[1, 1], [1, 1]], dilation: [1, 1], groups: 1 };
const conv2dMixed: OpAttrs['conv'] = { stride: [2, 1], padding: [[1, 0], [0, 1]], dilation: [1, 2], groups: 2 };
const conv1d: OpAttrs['conv'] = { stride: [2], padding: [[2, 1]], dilation: [1], groups: 1 };
const conv3d: OpAttrs['conv'] = { stride: [1, 2, 1], padding: [[0, 1], [1, 0], [1, 1]], dilation: [1, 1, 2], groups: 2 };
const depthwise: OpAttrs['conv'] = { stride: [1, 1], padding: [[1, 1], [1, 1]], dilation: [1, 1], groups: 3 };
/** Stride 2 over length 6 with kernel 3 leaves the last input column unread: its gradient must be 0. */
const convSkips: OpAttrs['conv'] = { stride: [2, 2], padding: [[0, 0], [0, 0]], dilation: [1, 1], groups: 1 };

/** (name, attrs, x shape, w shape) of the convolution cases, shared by conv and its two gradients. */
const CONVS: readonly [string, OpAttrs['conv'], readonly number[], readonly number[]][] = [
  ['2d', conv2dBasic, [2, 3, 5, 5], [4, 3, 3, 3]],
  ['2d stride, dilation, asymmetric padding, groups', conv2dMixed, [1, 4, 7, 6], [6, 2, 3, 2]],
  ['1d asymmetric padding', conv1d, [2, 2, 9], [3, 2, 4]],
  ['3d', conv3d, [1, 2, 4, 4, 3], [2, 1, 2, 2, 2]],
  ['depthwise', depthwise, [1, 3, 5, 5], [3, 1, 3, 3]],
  ['with an unread input column', convSkips, [1, 1, 6, 6], [2, 1, 3, 3]],
];

const pool = (mode: 'max' | 'avg', kernel: number[], rest: Partial<Omit<OpAttrs['pool'], 'mode' | 'kernel'>> = {}): OpAttrs['pool'] => ({
  mode, kernel, stride: rest.stride ?? kernel, padding: rest.padding ?? kernel.map(() => 0), dilation: rest.dilation ?? kernel.map(() => 1),
  ceilMode: rest.ceilMode ?? false, countIncludePad: rest.countIncludePad ?? true,
});

/** (name, attrs, input shape, input fill) of the pooling cases, shared by pool and poolGrad. */
const POOLS: readonly [string, OpAttrs['pool'], readonly number[], Fill][] = [
  ['max 2×2', pool('max', [2, 2]), [2, 3, 5, 5], ramp(2)],
  ['max with ties', pool('max', [2, 2], { stride: [1, 1] }), [1, 2, 4, 4], ints(1, 0, 2)],
  ['max ceil mode, padding', pool('max', [3, 3], { stride: [2, 2], padding: [1, 1], ceilMode: true }), [1, 2, 6, 6], ramp(3)],
  ['max ceil mode drops a window starting in the right padding', pool('max', [2, 2], { padding: [1, 1], ceilMode: true }), [1, 1, 5, 5], ramp(4)],
  ['max dilated', pool('max', [3, 2], { stride: [2, 1], padding: [1, 1], dilation: [2, 3] }), [1, 2, 7, 7], ramp(5)],
  ['max 1d', pool('max', [3], { stride: [2], padding: [1] }), [2, 2, 9], ramp(6)],
  ['max 3d', pool('max', [2, 2, 2], { stride: [1, 2, 2] }), [1, 2, 3, 4, 4], ramp(7)],
  ['avg padding counted', pool('avg', [3, 3], { stride: [2, 2], padding: [1, 1] }), [1, 2, 5, 6], ramp(8)],
  ['avg padding not counted', pool('avg', [3, 3], { stride: [2, 2], padding: [1, 1], countIncludePad: false }), [1, 2, 5, 6], ramp(9)],
  ['avg ceil mode, padding counted', pool('avg', [3, 3], { stride: [2, 2], padding: [1, 1], ceilMode: true }), [1, 2, 6, 6], ramp(10)],
  ['avg ceil mode, padding not counted', pool('avg', [2, 3], { stride: [2, 2], padding: [1, 1], ceilMode: true, countIncludePad: false }), [1, 1, 6, 7], ramp(11)],
  ['avg 1d', pool('avg', [4], { stride: [3], padding: [2] }), [2, 2, 10], ramp(12)],
  ['avg 3d', pool('avg', [2, 2, 2], { padding: [1, 0, 1] }), [1, 1, 3, 4, 4], ramp(13)],
];

/** (name, mode, alignCorners, input shape, output size) of the resize cases, shared by resize and resizeGrad. */
const RESIZES: readonly [string, OpAttrs['resize']['mode'], boolean, readonly number[], readonly number[]][] = [
  ['nearest up', 'nearest', false, [1, 2, 3, 4], [5, 7]],
  ['nearest down', 'nearest', false, [1, 1, 6, 5], [4, 3]],
  ['nearest ×2', 'nearest', false, [2, 1, 3, 2], [6, 4]],
  ['nearest 1d', 'nearest', false, [1, 2, 5], [8]],
  ['nearest 3d', 'nearest', false, [1, 1, 2, 3, 2], [3, 4, 4]],
  ['bilinear', 'linear', false, [1, 2, 3, 4], [5, 7]],
  ['bilinear align corners', 'linear', true, [1, 2, 3, 4], [5, 7]],
  ['bilinear down', 'linear', false, [1, 1, 6, 5], [4, 3]],
  ['bilinear align corners to one row', 'linear', true, [1, 1, 4, 4], [1, 3]],
  ['linear 1d', 'linear', false, [2, 1, 4], [9]],
  ['linear 1d align corners', 'linear', true, [2, 1, 4], [9]],
  ['trilinear', 'linear', false, [1, 1, 2, 3, 2], [3, 4, 5]],
];

const sliceAttrs = (axis: number, start: number, end: number, step: number): OpAttrs['slice'] => ({ axis, start, end, step });

export const PRIMITIVE_CASES: readonly PrimitiveCase[] = [
  ...unaryCases,
  c('neg i32', 'neg', none, [i32([5], ints(0, -3, 3))]),
  c('abs i32', 'abs', none, [i32([7], ints(0, -3, 3))]),
  c('sign i32', 'sign', none, [i32([7], ints(0, -3, 3))]),

  c('add broadcast', 'add', none, [f32([2, 3, 4], ramp(1)), f32([3, 1], ramp(2))]),
  c('add i32', 'add', none, [i32([2, 3], ints(1, -5, 5)), i32([3], ints(2, -5, 5))]),
  c('sub broadcast both ways', 'sub', none, [f32([2, 1, 4], ramp(3)), f32([3, 1], ramp(4))]),
  c('sub i32', 'sub', none, [i32([4], ints(1, -5, 5)), i32([2, 4], ints(2, -5, 5))]),
  c('mul by scalar', 'mul', none, [f32([2, 3, 4], ramp(5)), f32([], values(-2.5))]),
  c('mul i32', 'mul', none, [i32([2, 3], ints(3, -4, 4)), i32([2, 1], ints(4, -4, 4))]),
  c('div', 'div', none, [f32([2, 3], ramp(6)), f32([2, 3], ramp(7, 0.5, 2))]),
  c('div by zero', 'div', none, [f32([4], values(1, -1, 0, 'nan')), f32([4], values(0, 0, 0, 1))]),
  c('maximum broadcast', 'maximum', none, [f32([3, 4], ramp(8)), f32([4], ramp(9))]),
  c('maximum propagates NaN', 'maximum', none, [f32([4], values('nan', 1, 2, 'nan')), f32([4], values(0, 'nan', 3, -1))]),
  c('maximum i32', 'maximum', none, [i32([2, 3], ints(5, -3, 3)), i32([3], ints(6, -3, 3))]),
  c('minimum broadcast', 'minimum', none, [f32([2, 1, 3], ramp(10)), f32([4, 1], ramp(11))]),
  c('minimum propagates NaN', 'minimum', none, [f32([4], values('nan', 1, 2, 'nan')), f32([4], values(0, 'nan', 3, -1))]),
  c('minimum i32', 'minimum', none, [i32([4], ints(7, -3, 3)), i32([4], ints(8, -3, 3))]),
  c('pow', 'pow', none, [f32([2, 3], ramp(12, 0.1, 3)), f32([3], ramp(13, -2, 2))]),
  c('pow edge cases', 'pow', none, [f32([7], values(-2, -1.5, 0, 0, 1, -1, 'nan')), f32([7], values(3, 2, 0.5, 0, 'nan', 'inf', 0))]),
  c('pow i32', 'pow', none, [i32([5], ints(9, -3, 3)), i32([5], ints(10, 0, 3))]),
  c('greater', 'greater', none, [f32([2, 3], ints(11, -2, 2)), f32([3], ints(12, -2, 2))]),
  c('greater i32', 'greater', none, [i32([6], ints(13, -2, 2)), i32([6], ints(14, -2, 2))]),
  c('greater with NaN', 'greater', none, [f32([3], values('nan', 1, 'inf')), f32([3], values(0, 'nan', 1))]),
  c('equal', 'equal', none, [f32([2, 4], ints(15, -1, 1)), f32([4], ints(16, -1, 1))]),
  c('equal i32', 'equal', none, [i32([6], ints(17, 0, 2)), i32([6], ints(18, 0, 2))]),

  c('input', 'input', { name: 'x', shape: [2, 3], dtype: 'f32' }, [f32([2, 3], ramp(19))]),
  c('input i32', 'input', { name: 'labels', shape: [4], dtype: 'i32' }, [i32([4], ints(20, 0, 9))]),
  c('param', 'param', { name: 'fc.weight', shape: [3, 2], init: { dist: 'normal', mean: 0, std: 1 } }, [f32([3, 2], ramp(21))]),
  c('buffer', 'buffer', { name: 'bn.running_mean', shape: [4], init: { dist: 'constant', value: 0 } }, [f32([4], ramp(22))]),
  c('constant filled', 'constant', { shape: [2, 3], value: 2.5, dtype: 'f32' }, []),
  c('constant scalar i32', 'constant', { shape: [], value: 7, dtype: 'i32' }, []),
  c('constant from data', 'constant', { shape: [2, 2], value: 0, dtype: 'f32', data: [1, -2, 3.5, 0.25] }, []),
  c('randomNormal', 'randomNormal', { shape: [4, 50], mean: 1, std: 2 }, [], { kind: 'counter' }),
  c('randomUniform', 'randomUniform', { shape: [4, 50], low: -3, high: 5 }, [], { kind: 'counter' }),
  c('randomBernoulli', 'randomBernoulli', { shape: [4, 50], p: 0.3 }, [], { kind: 'counter' }),

  c('where broadcast', 'where', none, [f32([2, 1, 4], ints(23, 0, 1)), f32([3, 1], ramp(24)), f32([2, 3, 4], ramp(25))]),
  c('where NaN condition', 'where', none, [f32([3], values('nan', 0, 2)), f32([3], values(1, 1, 1)), f32([3], values(-1, -1, -1))]),
  c('where i32', 'where', none, [i32([4], ints(26, 0, 2)), i32([4], ints(27, -9, 9)), i32([1], ints(28, -9, 9))]),
  c('cast to i32 truncates', 'cast', { dtype: 'i32' }, [f32([2, 5], ramp(29, -3, 3))]),
  c('cast to f32', 'cast', { dtype: 'f32' }, [i32([6], ints(30, -5, 5))]),

  c('matmul', 'matmul', none, [f32([3, 4], ramp(31)), f32([4, 5], ramp(32))]),
  c('matmul odd sizes', 'matmul', none, [f32([5, 9], ramp(33)), f32([9, 6], ramp(34))]),
  c('matmul batch broadcast', 'matmul', none, [f32([2, 1, 3, 4], ramp(35)), f32([3, 4, 2], ramp(36))]),
  c('matmul vector-like', 'matmul', none, [f32([1, 7], ramp(37)), f32([2, 7, 1], ramp(38))]),

  c('transpose 3d', 'transpose', { perm: [2, 0, 1] }, [f32([2, 3, 4])]),
  c('transpose NCHW to NHWC', 'transpose', { perm: [0, 2, 3, 1] }, [f32([2, 3, 2, 4])]),
  c('transpose i32', 'transpose', { perm: [1, 0] }, [i32([2, 3], ints(39, 0, 9))]),
  c('reshape', 'reshape', { shape: [4, -1] }, [f32([2, 3, 4])]),
  c('reshape i32', 'reshape', { shape: [3, 2] }, [i32([6], ints(40, 0, 9))]),
  c('expand', 'expand', { shape: [2, 3, 4] }, [f32([3, 1])]),
  c('expand scalar', 'expand', { shape: [5] }, [f32([], values(1.25))]),

  c('reduceSum one axis', 'reduceSum', { axes: [1], keepDims: false }, [f32([2, 3, 4])]),
  c('reduceSum two axes, kept', 'reduceSum', { axes: [0, 2], keepDims: true }, [f32([2, 3, 4])]),
  c('reduceSum all', 'reduceSum', { axes: [0, 1, 2], keepDims: false }, [f32([2, 3, 4])]),
  c('reduceSum negative axis i32', 'reduceSum', { axes: [-1], keepDims: false }, [i32([3, 4], ints(41, -5, 5))]),
  c('reduceMean last axis', 'reduceMean', { axes: [-1], keepDims: true }, [f32([2, 3, 4])]),
  c('reduceMean outer axes', 'reduceMean', { axes: [0, 2], keepDims: false }, [f32([2, 3, 4, 2])]),
  c('reduceMax with ties', 'reduceMax', { axes: [1], keepDims: false }, [f32([2, 5, 3], ints(42, 0, 2))]),
  c('reduceMax propagates NaN', 'reduceMax', { axes: [1], keepDims: true }, [f32([2, 3], values(1, 'nan', 3, -2, -1, '-inf'))]),
  c('reduceMax i32', 'reduceMax', { axes: [0], keepDims: false }, [i32([3, 2], ints(43, -9, 9))]),

  c('concat middle axis', 'concat', { axis: 1 }, [f32([2, 1, 3], ramp(44)), f32([2, 2, 3], ramp(45)), f32([2, 3, 3], ramp(46))]),
  c('concat last axis', 'concat', { axis: -1 }, [f32([2, 2], ramp(47)), f32([2, 3], ramp(48))]),
  c('concat i32', 'concat', { axis: 0 }, [i32([2], ints(49, 0, 9)), i32([3], ints(50, 0, 9))]),
  c('slice with step', 'slice', sliceAttrs(1, 1, 6, 2), [f32([5, 6])]),
  c('slice first axis', 'slice', sliceAttrs(0, 0, 5, 3), [f32([5, 2, 3])]),
  c('slice negative axis', 'slice', sliceAttrs(-1, 2, 4, 1), [i32([2, 5], ints(51, 0, 9))]),

  c('gather rows', 'gather', none, [f32([5, 3], ramp(52)), i32([2, 3], ints(53, 0, 4))]),
  c('gather from a vector', 'gather', none, [f32([4], ramp(54)), i32([5], ints(55, 0, 3))]),
  c('gather i32 table', 'gather', none, [i32([3, 2], ints(56, -9, 9)), i32([2], ints(57, 0, 2))]),
  c('gather index too large', 'gather', none, [f32([5, 2], ramp(58)), i32([2, 2], values(1, 0, 7, 4))],
    { kind: 'error', message: 'gather: row 7 at position [1, 0] of the indices is out of range; valid row indices are 0 to 4' }),
  c('gather negative index', 'gather', none, [f32([5, 2], ramp(58)), i32([3], values(0, -1, 2))],
    { kind: 'error', message: 'gather: row -1 at position [1] of the indices is out of range; valid row indices are 0 to 4' }),
  c('oneHot', 'oneHot', { depth: 4 }, [i32([2, 3], ints(59, 0, 3))]),
  c('oneHot class too large', 'oneHot', { depth: 3 }, [i32([4], values(0, 2, 3, 1))],
    { kind: 'error', message: 'oneHot: class 3 at position [2] of the indices is out of range; valid class indices are 0 to 2' }),

  ...CONVS.map(([name, attrs, x, w], i) => c(`conv ${name}`, 'conv', attrs, [f32(x, ramp(60 + 2 * i)), f32(w, ramp(61 + 2 * i))])),
  c('convTranspose 2d', 'convTranspose', { stride: [2, 2], padding: [1, 1], outputPadding: [1, 1], dilation: [1, 1], groups: 1 },
    [f32([1, 4, 3, 3], ramp(70)), f32([4, 2, 3, 3], ramp(71))]),
  c('convTranspose groups, dilation', 'convTranspose', { stride: [1, 2], padding: [0, 1], outputPadding: [1, 1], dilation: [2, 1], groups: 2 },
    [f32([2, 4, 3, 4], ramp(72)), f32([4, 3, 2, 3], ramp(73))]),
  c('convTranspose 1d', 'convTranspose', { stride: [3], padding: [1], outputPadding: [2], dilation: [1], groups: 1 },
    [f32([2, 3, 4], ramp(74)), f32([3, 2, 3], ramp(75))]),

  ...POOLS.map(([name, attrs, shape, fill]) => c(`pool ${name}`, 'pool', attrs, [f32(shape, fill)])),
  c('adaptiveAvgPool 2d', 'adaptiveAvgPool', { outputSize: [3, 2] }, [f32([2, 3, 7, 5], ramp(76))]),
  c('adaptiveAvgPool 1d', 'adaptiveAvgPool', { outputSize: [4] }, [f32([1, 2, 10], ramp(77))]),
  c('adaptiveAvgPool 3d', 'adaptiveAvgPool', { outputSize: [2, 3, 2] }, [f32([1, 1, 5, 4, 3], ramp(78))]),
  c('adaptiveAvgPool upsampling', 'adaptiveAvgPool', { outputSize: [5, 4] }, [f32([1, 2, 3, 3], ramp(79))]),
  ...RESIZES.map(([name, mode, alignCorners, shape, size]) => c(`resize ${name}`, 'resize', { mode, alignCorners, size }, [f32(shape, ramp(80))])),

  ...CONVS.map(([name, attrs, x, w], i) =>
    c(`convGradInput ${name}`, 'convGradInput', { ...attrs, inputSpatial: x.slice(2) }, [f32(convolvedShape(attrs, x, w), ramp(81 + 2 * i)), f32(w, ramp(82 + 2 * i))])),
  ...CONVS.map(([name, attrs, x, w], i) =>
    c(`convGradWeight ${name}`, 'convGradWeight', { ...attrs, kernel: w.slice(2) }, [f32(x, ramp(91 + 2 * i)), f32(convolvedShape(attrs, x, w), ramp(92 + 2 * i))])),
  ...POOLS.map(([name, attrs, shape, fill]) => c(`poolGrad ${name}`, 'poolGrad', attrs, [f32(shape, fill), f32(pooledShape(attrs, shape), ramp(101))])),
  c('adaptiveAvgPoolGrad 2d', 'adaptiveAvgPoolGrad', { inputSize: [7, 5] }, [f32([2, 3, 3, 2], ramp(102))]),
  c('adaptiveAvgPoolGrad 1d', 'adaptiveAvgPoolGrad', { inputSize: [10] }, [f32([1, 2, 4], ramp(103))]),
  c('adaptiveAvgPoolGrad upsampling', 'adaptiveAvgPoolGrad', { inputSize: [3, 3] }, [f32([1, 2, 5, 4], ramp(104))]),
  ...RESIZES.map(([name, mode, alignCorners, shape, size]) =>
    c(`resizeGrad ${name}`, 'resizeGrad', { mode, alignCorners, inputSize: shape.slice(2) }, [f32([...shape.slice(0, 2), ...size], ramp(105))])),
  c('gatherGrad repeated rows', 'gatherGrad', { rows: 5 }, [i32([2, 3], values(1, 3, 1, 0, 3, 3)), f32([2, 3, 2], ramp(106))]),
  c('gatherGrad from a vector table', 'gatherGrad', { rows: 4 }, [i32([5], ints(107, 0, 3)), f32([5], ramp(108))]),
  c('gatherGrad index too large', 'gatherGrad', { rows: 3 }, [i32([2], values(0, 3)), f32([2, 2], ramp(109))],
    { kind: 'error', message: 'gatherGrad: row 3 at position [1] of the indices is out of range; valid row indices are 0 to 2' }),
  c('sliceGrad with step', 'sliceGrad', { axis: 1, start: 1, step: 2, length: 6 }, [f32([5, 3], ramp(110))]),
  c('sliceGrad first axis', 'sliceGrad', { axis: 0, start: 0, step: 3, length: 5 }, [f32([2, 2, 3], ramp(111))]),
  c('sliceGrad negative axis', 'sliceGrad', { axis: -1, start: 2, step: 1, length: 5 }, [f32([2, 2], ramp(112))]),
];

/** Output shapes of the forward ops, for the gradients' dy: from the shape rules, the single source of shapes. */
function pooledShape(attrs: OpAttrs['pool'], x: readonly number[]): readonly number[] {
  return SHAPE_RULES.pool([{ shape: x, dtype: 'f32' }], attrs).shape as number[];
}
function convolvedShape(attrs: OpAttrs['conv'], x: readonly number[], w: readonly number[]): readonly number[] {
  return SHAPE_RULES.conv([{ shape: x, dtype: 'f32' }, { shape: w, dtype: 'f32' }], attrs).shape as number[];
}
