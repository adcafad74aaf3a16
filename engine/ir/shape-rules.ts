/**
 * Shape and dtype rule of every primitive: the single source of truth for tensor shapes. The editor's shapes come
 * from running node lowerings through the builder, which applies these rules, so no shape rule exists twice.
 */
import { ShapeError } from './errors.ts';
import { BINARY_OPS, UNARY_OPS, sameForEach, type DType, type OpAttrs, type OpId } from './ops.ts';
import {
  broadcastShapes, formatShape, isSymbol, normAxis, sameShape, symbolicSize, type Dim, type Shape,
} from './shape.ts';
import { symbolicWindowPreserves, transposedOutputSize, windowOutputSize } from './window.ts';

export interface TensorType {
  readonly shape: Shape;
  readonly dtype: DType;
}

export type ShapeRule<K extends OpId> = (inputs: readonly TensorType[], attrs: OpAttrs[K]) => TensorType;

function fail(message: string): never {
  throw new ShapeError(message);
}

const source = (shape: Shape, dtype: DType): TensorType => {
  for (const d of shape) if (!isSymbol(d) && (!Number.isInteger(d) || d < 1)) fail(`size ${d} in ${formatShape(shape)} is not a positive integer`);
  return { shape: [...shape], dtype };
};

function requireFloat(op: string, t: TensorType): void {
  if (t.dtype !== 'f32') fail(`${op} needs a float tensor but got integer ${formatShape(t.shape)}`);
}

const unary = ([x]: readonly TensorType[]): TensorType => {
  requireFloat('this operation', x!);
  return x!;
};

const binary = ([a, b]: readonly TensorType[]): TensorType => {
  if (a!.dtype !== b!.dtype) fail(`cannot combine ${a!.dtype} ${formatShape(a!.shape)} with ${b!.dtype} ${formatShape(b!.shape)}`);
  const shape = broadcastShapes(a!.shape, b!.shape);
  if (typeof shape === 'string') fail(`shapes ${formatShape(a!.shape)} and ${formatShape(b!.shape)} do not broadcast (${shape})`);
  return { shape: shape as Dim[], dtype: a!.dtype };
};

function reduceRule<K extends 'reduceSum' | 'reduceMean' | 'reduceMax'>(kind: string): ShapeRule<K> {
  return ([x], { axes, keepDims }) => {
    const rank = x!.shape.length;
    const norm = axes.map((a) => normAxis(a, rank));
    if (norm.some((a) => a < 0)) fail(`${kind} axes ${JSON.stringify(axes)} are out of range for rank ${rank}`);
    const shape: Dim[] = [];
    x!.shape.forEach((d, i) => {
      if (!norm.includes(i)) shape.push(d);
      else if (keepDims) shape.push(1);
    });
    return { shape, dtype: x!.dtype };
  };
}

function spatialCheck(op: string, x: TensorType, spatialRank: number): void {
  if (x.shape.length !== spatialRank + 2) {
    const layout = spatialRank === 1 ? '[N,C,L]' : spatialRank === 2 ? '[N,C,H,W]' : `[N,C,+${spatialRank} spatial]`;
    fail(`${op} needs a rank-${spatialRank + 2} input ${layout} but got ${formatShape(x.shape)}`);
  }
}

/** Output length of one spatial axis; symbols survive only length-preserving windows. */
function windowDim(axisName: string, length: Dim, k: number, s: number, padTotal: number, d: number, ceil = false): Dim {
  if (isSymbol(length)) {
    if (symbolicWindowPreserves(k, s, padTotal, d)) return length;
    return fail(`the ${axisName} size ${length} is symbolic; only a length-preserving window (stride 1, padding d·(k−1)) keeps it`);
  }
  const out = windowOutputSize(length, k, s, padTotal, d, ceil);
  if (out < 1) fail(`the ${axisName} output ⌊(${length}+${padTotal}−${d}·(${k}−1)−1)/${s}⌋+1 = ${out} is not positive`);
  return out;
}

const AXIS_NAMES = ['first spatial', 'second spatial', 'third spatial'];
const axisName = (i: number, rank: number): string => (rank === 1 ? 'length' : rank === 2 ? (i === 0 ? 'height' : 'width') : AXIS_NAMES[i] ?? `axis ${i}`);

export const SHAPE_RULES: { readonly [K in OpId]: ShapeRule<K> } = {
  ...sameForEach(UNARY_OPS, unary),
  ...sameForEach(BINARY_OPS, binary),
  // Integer labels may be compared and negated, but the float-only functions above reject them.
  neg: ([x]) => x!,
  abs: ([x]) => x!,
  sign: ([x]) => x!,
  greater: (inputs) => ({ ...binary(inputs), dtype: 'f32' }),
  equal: (inputs) => ({ ...binary(inputs), dtype: 'f32' }),

  input: (_, a) => source(a.shape, a.dtype),
  param: (_, a) => source(a.shape, 'f32'),
  buffer: (_, a) => source(a.shape, 'f32'),
  constant: (_, a) => {
    const t = source(a.shape, a.dtype);
    if (a.data && a.data.length !== symbolicSize(a.shape).known) fail(`constant data has ${a.data.length} values for shape ${formatShape(a.shape)}`);
    return t;
  },
  randomNormal: (_, a) => source(a.shape, 'f32'),
  randomUniform: (_, a) => source(a.shape, 'f32'),
  randomBernoulli: (_, a) => {
    if (!(a.p >= 0 && a.p <= 1)) fail(`Bernoulli probability ${a.p} is outside [0, 1]`);
    return source(a.shape, 'f32');
  },

  where: ([c, a, b]) => {
    const ab = binary([a!, b!]);
    const shape = broadcastShapes(c!.shape, ab.shape);
    if (typeof shape === 'string') fail(`condition ${formatShape(c!.shape)} does not broadcast with ${formatShape(ab.shape)}`);
    return { shape: shape as Dim[], dtype: ab.dtype };
  },
  cast: ([x], a) => ({ shape: x!.shape, dtype: a.dtype }),

  matmul: ([a, b]) => {
    requireFloat('matmul', a!);
    requireFloat('matmul', b!);
    const ra = a!.shape.length, rb = b!.shape.length;
    if (ra < 2 || rb < 2) fail(`matmul needs operands of rank ≥ 2, got ${formatShape(a!.shape)} and ${formatShape(b!.shape)}`);
    const k1 = a!.shape[ra - 1]!, k2 = b!.shape[rb - 2]!;
    if (k1 !== k2) fail(`inner dimensions differ: ${formatShape(a!.shape)} × ${formatShape(b!.shape)} (${k1} ≠ ${k2})`);
    const batch = broadcastShapes(a!.shape.slice(0, -2), b!.shape.slice(0, -2));
    if (typeof batch === 'string') fail(`matmul batch dimensions do not broadcast (${batch})`);
    return { shape: [...(batch as Dim[]), a!.shape[ra - 2]!, b!.shape[rb - 1]!], dtype: 'f32' };
  },
  transpose: ([x], { perm }) => {
    const rank = x!.shape.length;
    const sorted = [...perm].sort((p, q) => p - q);
    if (perm.length !== rank || sorted.some((p, i) => p !== i)) fail(`permutation ${JSON.stringify(perm)} does not fit rank ${rank}`);
    return { shape: perm.map((p) => x!.shape[p]!), dtype: x!.dtype };
  },
  reshape: ([x], { shape }) => {
    const from = symbolicSize(x!.shape);
    const holes = shape.filter((d) => d === -1).length;
    if (holes > 1) fail(`reshape target ${formatShape(shape)} has more than one -1`);
    for (const d of shape) if (!isSymbol(d) && d !== -1 && (!Number.isInteger(d) || d < 1)) fail(`reshape size ${d} is not a positive integer`);
    const to = symbolicSize(shape.filter((d) => d !== -1));
    if (from.symbols.join() !== to.symbols.join()) {
      fail(`reshape from ${formatShape(x!.shape)} to ${formatShape(shape)} must keep the symbolic dimensions (${from.symbols.join(',') || 'none'})`);
    }
    if (holes === 1) {
      if (from.known % to.known !== 0) fail(`cannot reshape ${formatShape(x!.shape)} (${from.known} per ${from.symbols.join('·') || 'tensor'}) to ${formatShape(shape)}: ${from.known} is not divisible by ${to.known}`);
      return { shape: shape.map((d) => (d === -1 ? from.known / to.known : d)), dtype: x!.dtype };
    }
    if (from.known !== to.known) fail(`cannot reshape ${formatShape(x!.shape)} to ${formatShape(shape)}: ${from.known} elements vs ${to.known}`);
    return { shape: [...shape], dtype: x!.dtype };
  },
  expand: ([x], { shape }) => {
    const out = broadcastShapes(x!.shape, shape);
    if (typeof out === 'string' || !sameShape(out, shape)) fail(`cannot expand ${formatShape(x!.shape)} to ${formatShape(shape)}`);
    return { shape: [...shape], dtype: x!.dtype };
  },

  reduceSum: reduceRule('sum'),
  reduceMean: reduceRule('mean'),
  reduceMax: reduceRule('max'),

  concat: (inputs, { axis }) => {
    if (inputs.length === 0) fail('concat needs at least one input');
    const first = inputs[0]!;
    const ax = normAxis(axis, first.shape.length);
    if (ax < 0) fail(`concat axis ${axis} is out of range for ${formatShape(first.shape)}`);
    let total: Dim = 0;
    for (const [i, t] of inputs.entries()) {
      if (t.dtype !== first.dtype) fail(`input ${i + 1} is ${t.dtype} but input 1 is ${first.dtype}`);
      if (t.shape.length !== first.shape.length) fail(`input ${i + 1} ${formatShape(t.shape)} has rank ${t.shape.length}, input 1 ${formatShape(first.shape)} has ${first.shape.length}`);
      t.shape.forEach((d, j) => {
        if (j !== ax && d !== first.shape[j]) fail(`input ${i + 1} ${formatShape(t.shape)} differs from input 1 ${formatShape(first.shape)} at dim ${j} (only the concat dim ${ax} may differ)`);
      });
      const d = t.shape[ax]!;
      if (isSymbol(d) || isSymbol(total)) fail(`cannot concatenate along symbolic dimension ${isSymbol(d) ? d : total}`);
      total = (total as number) + (d as number);
    }
    return { shape: first.shape.map((d, j) => (j === ax ? total : d)), dtype: first.dtype };
  },
  slice: ([x], { axis, start, end, step }) => {
    const ax = normAxis(axis, x!.shape.length);
    if (ax < 0) fail(`slice axis ${axis} is out of range for ${formatShape(x!.shape)}`);
    const len = x!.shape[ax]!;
    if (isSymbol(len)) fail(`cannot slice along symbolic dimension ${len}`);
    if (!(step >= 1)) fail(`slice step ${step} must be ≥ 1`);
    if (!(start >= 0 && end <= (len as number) && start < end)) fail(`slice [${start}:${end}] is empty or outside 0..${len}`);
    return { shape: x!.shape.map((d, j) => (j === ax ? Math.ceil((end - start) / step) : d)), dtype: x!.dtype };
  },
  gather: ([table, idx]) => {
    if (idx!.dtype !== 'i32') fail(`indices must be integers but got float ${formatShape(idx!.shape)}`);
    if (table!.shape.length < 1) fail('gather needs a table of rank ≥ 1');
    return { shape: [...idx!.shape, ...table!.shape.slice(1)], dtype: table!.dtype };
  },
  oneHot: ([x], { depth }) => {
    if (x!.dtype !== 'i32') fail(`one-hot needs integer class indices but got float ${formatShape(x!.shape)}`);
    if (!Number.isInteger(depth) || depth < 1) fail(`one-hot depth ${depth} is not a positive integer`);
    return { shape: [...x!.shape, depth], dtype: 'f32' };
  },

  conv: ([x, w], a) => {
    const sr = a.stride.length;
    requireFloat('convolution', x!);
    spatialCheck('convolution', x!, sr);
    if (w!.shape.length !== sr + 2) fail(`convolution weight ${formatShape(w!.shape)} must have rank ${sr + 2}`);
    const cin = x!.shape[1]!, cout = w!.shape[0] as number, wcin = w!.shape[1] as number;
    if (isSymbol(cin)) fail(`the channel dimension ${cin} must be a number`);
    if (cin % a.groups !== 0 || cout % a.groups !== 0) fail(`channels in ${cin} and out ${cout} must both be divisible by groups ${a.groups}`);
    if (cin / a.groups !== wcin) fail(`input has ${cin} channels but the weight expects ${wcin * a.groups} (${wcin} per group × ${a.groups} groups)`);
    const spatial = x!.shape.slice(2).map((len, i) => {
      const [pb, pa] = a.padding[i]!;
      return windowDim(axisName(i, sr), len, w!.shape[i + 2] as number, a.stride[i]!, pb + pa, a.dilation[i]!);
    });
    return { shape: [x!.shape[0]!, cout, ...spatial], dtype: 'f32' };
  },
  convTranspose: ([x, w], a) => {
    const sr = a.stride.length;
    requireFloat('transposed convolution', x!);
    spatialCheck('transposed convolution', x!, sr);
    const cin = x!.shape[1]!;
    if (cin !== w!.shape[0]) fail(`input has ${cin} channels but the weight expects ${w!.shape[0]}`);
    const spatial = x!.shape.slice(2).map((len, i) => {
      const k = w!.shape[i + 2] as number;
      if (isSymbol(len)) return fail(`the ${axisName(i, sr)} size ${len} must be a number for a transposed convolution`);
      if (a.outputPadding[i]! >= Math.max(a.stride[i]!, a.dilation[i]!)) fail(`output_padding ${a.outputPadding[i]} must be smaller than stride or dilation`);
      const out = transposedOutputSize(len, k, a.stride[i]!, a.padding[i]!, a.outputPadding[i]!, a.dilation[i]!);
      if (out < 1) fail(`the ${axisName(i, sr)} output (${len}−1)·${a.stride[i]}−2·${a.padding[i]}+${a.dilation[i]}·(${k}−1)+${a.outputPadding[i]}+1 = ${out} is not positive`);
      return out;
    });
    return { shape: [x!.shape[0]!, (w!.shape[1] as number) * a.groups, ...spatial], dtype: 'f32' };
  },
  pool: ([x], a) => {
    const sr = a.kernel.length;
    requireFloat('pooling', x!);
    spatialCheck('pooling', x!, sr);
    a.padding.forEach((p, i) => {
      if (p * 2 > a.kernel[i]!) fail(`padding ${p} must be at most half the kernel size ${a.kernel[i]}`);
    });
    const spatial = x!.shape.slice(2).map((len, i) =>
      windowDim(axisName(i, sr), len, a.kernel[i]!, a.stride[i]!, 2 * a.padding[i]!, a.dilation[i]!, a.ceilMode));
    return { shape: [x!.shape[0]!, x!.shape[1]!, ...spatial], dtype: 'f32' };
  },
  adaptiveAvgPool: ([x], { outputSize }) => {
    requireFloat('pooling', x!);
    spatialCheck('adaptive pooling', x!, outputSize.length);
    for (const [i, o] of outputSize.entries()) if (!Number.isInteger(o) || o < 1) fail(`output size ${o} on axis ${i} is not a positive integer`);
    return { shape: [x!.shape[0]!, x!.shape[1]!, ...outputSize], dtype: 'f32' };
  },
  resize: ([x], { size }) => {
    requireFloat('resize', x!);
    spatialCheck('resize', x!, size.length);
    for (const o of size) if (!Number.isInteger(o) || o < 1) fail(`resize size ${o} is not a positive integer`);
    return { shape: [x!.shape[0]!, x!.shape[1]!, ...size], dtype: 'f32' };
  },
  convGradInput: ([dy, w], a) => {
    spatialCheck('convolution gradient', dy!, a.stride.length);
    return { shape: [dy!.shape[0]!, (w!.shape[1] as number) * a.groups, ...a.inputSpatial], dtype: 'f32' };
  },
  convGradWeight: ([x, dy], a) => {
    spatialCheck('convolution gradient', x!, a.stride.length);
    const cin = x!.shape[1]!;
    if (isSymbol(cin)) fail(`the channel dimension ${cin} must be a number`);
    return { shape: [dy!.shape[1]!, cin / a.groups, ...a.kernel], dtype: 'f32' };
  },
  poolGrad: ([x]) => x!,
  adaptiveAvgPoolGrad: ([dy], a) => ({ shape: [dy!.shape[0]!, dy!.shape[1]!, ...a.inputSize], dtype: 'f32' }),
  resizeGrad: ([dy], a) => ({ shape: [dy!.shape[0]!, dy!.shape[1]!, ...a.inputSize], dtype: 'f32' }),
  gatherGrad: ([idx, dy], a) => ({ shape: [a.rows, ...dy!.shape.slice(idx!.shape.length)], dtype: 'f32' }),
  sliceGrad: ([dy], a) => {
    const ax = normAxis(a.axis, dy!.shape.length);
    return { shape: dy!.shape.map((d, j) => (j === ax ? a.length : d)), dtype: dy!.dtype };
  },
};
