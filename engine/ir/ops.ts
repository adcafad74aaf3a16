/**
 * The primitive operations of netloom's IR.
 *
 * Node kinds (nodes/) lower into these; only primitives carry shape rules (shape-rules.ts), costs (cost.ts),
 * gradients and kernels. Every table keyed by op is a mapped type over `OpId`, so adding a primitive without its
 * shape rule or cost is a compile error rather than a runtime surprise.
 */
import type { Shape } from './shape.ts';

export type DType = 'f32' | 'i32';

/** How a weight or buffer is initialised; resolved to concrete numbers at lowering time (fan-in is known then). */
export type Init =
  | { readonly dist: 'uniform'; readonly low: number; readonly high: number }
  | { readonly dist: 'normal'; readonly mean: number; readonly std: number }
  | { readonly dist: 'constant'; readonly value: number };

type NoAttrs = Record<string, never>;

export const UNARY_OPS = ['neg', 'exp', 'log', 'sqrt', 'abs', 'sign', 'tanh', 'sigmoid', 'erf', 'atan', 'relu', 'step'] as const;
export const BINARY_OPS = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'pow', 'greater', 'equal'] as const;
export type UnaryOp = (typeof UNARY_OPS)[number];
export type BinaryOp = (typeof BINARY_OPS)[number];

type UnaryAttrs = { readonly [K in UnaryOp]: NoAttrs };
type BinaryAttrs = { readonly [K in BinaryOp]: NoAttrs };

/** Attributes of every primitive, by op id. */
export interface OpAttrs extends UnaryAttrs, BinaryAttrs {
  /** Data fed from outside (a graph Input or Dataset port). Symbols in `shape` are bound when data arrives. */
  input: { readonly name: string; readonly shape: Shape; readonly dtype: DType };
  /** A trainable weight, named like the PyTorch state_dict key it exports to (`conv1.weight`). */
  param: { readonly name: string; readonly shape: readonly number[]; readonly init: Init };
  /** Non-trainable state that persists across steps (`bn1.running_mean`). */
  buffer: { readonly name: string; readonly shape: readonly number[]; readonly init: Init };
  /** A tensor filled with one value, or with `data` in row-major order. */
  constant: { readonly shape: Shape; readonly value: number; readonly dtype: DType; readonly data?: readonly number[] };
  randomNormal: { readonly shape: Shape; readonly mean: number; readonly std: number };
  randomUniform: { readonly shape: Shape; readonly low: number; readonly high: number };
  /** 1 with probability `p`, else 0. */
  randomBernoulli: { readonly shape: Shape; readonly p: number };

  /** where(cond, a, b): a where cond ≠ 0, else b; the three operands broadcast. */
  where: NoAttrs;
  cast: { readonly dtype: DType };

  /** Batched matrix product [..., M, K] × [..., K, P] → [..., M, P]; batch dimensions broadcast. */
  matmul: NoAttrs;
  transpose: { readonly perm: readonly number[] };
  /** Same elements, new shape; may contain symbols (kept as they are) and one -1 (inferred). */
  reshape: { readonly shape: Shape };
  /** Broadcast to a larger shape (PyTorch `expand`). */
  expand: { readonly shape: Shape };

  reduceSum: { readonly axes: readonly number[]; readonly keepDims: boolean };
  reduceMean: { readonly axes: readonly number[]; readonly keepDims: boolean };
  reduceMax: { readonly axes: readonly number[]; readonly keepDims: boolean };

  concat: { readonly axis: number };
  slice: { readonly axis: number; readonly start: number; readonly end: number; readonly step: number };
  /** Rows of a table: table [V, ...rest] indexed by integer indices [...] → [..., ...rest]. */
  gather: NoAttrs;
  /** Integer class indices [...] → one-hot float [..., depth]. */
  oneHot: { readonly depth: number };

  /**
   * N-d cross-correlation (PyTorch ConvNd): x [N, C_in, ...spatial], w [C_out, C_in/groups, ...kernel].
   * `padding` holds (before, after) per spatial axis, so 'same' with an even kernel pads asymmetrically like PyTorch.
   */
  conv: {
    readonly stride: readonly number[];
    readonly padding: readonly (readonly [number, number])[];
    readonly dilation: readonly number[];
    readonly groups: number;
  };
  /** Transposed convolution (PyTorch ConvTransposeNd): w [C_in, C_out/groups, ...kernel]. */
  convTranspose: {
    readonly stride: readonly number[];
    readonly padding: readonly number[];
    readonly outputPadding: readonly number[];
    readonly dilation: readonly number[];
    readonly groups: number;
  };
  /** Sliding-window max or average over the spatial axes of [N, C, ...spatial]. */
  pool: {
    readonly mode: 'max' | 'avg';
    readonly kernel: readonly number[];
    readonly stride: readonly number[];
    readonly padding: readonly number[];
    readonly dilation: readonly number[];
    readonly ceilMode: boolean;
    readonly countIncludePad: boolean;
  };
  /** PyTorch AdaptiveAvgPoolNd: window i spans [⌊i·L/out⌋, ⌈(i+1)·L/out⌉). */
  adaptiveAvgPool: { readonly outputSize: readonly number[] };
  /** Spatial resize of [N, C, ...spatial] to `size` (PyTorch Upsample / interpolate). */
  resize: { readonly mode: 'nearest' | 'linear'; readonly size: readonly number[]; readonly alignCorners: boolean };

  // Gradient primitives: emitted only by autodiff (engine/autodiff), each the vector-Jacobian product of a forward
  // primitive that has no cheap expression in the ops above. Backends implement them like any other primitive.

  /** ∂L/∂x of `conv`: dy [N, C_out, ...out] and w → [N, C_in, ...inputSpatial]. */
  convGradInput: OpAttrs['conv'] & { readonly inputSpatial: Shape };
  /** ∂L/∂w of `conv`: x [N, C_in, ...] and dy [N, C_out, ...out] → [C_out, C_in/groups, ...kernel]. */
  convGradWeight: OpAttrs['conv'] & { readonly kernel: readonly number[] };
  /** ∂L/∂x of `pool`: x and dy → x's shape (max: to the first maximum of each window; avg: spread evenly). */
  poolGrad: OpAttrs['pool'];
  /** ∂L/∂x of `adaptiveAvgPool`: dy → [N, C, ...inputSize]. */
  adaptiveAvgPoolGrad: { readonly inputSize: Shape };
  /** ∂L/∂x of `resize`: dy → [N, C, ...inputSize]. */
  resizeGrad: { readonly mode: 'nearest' | 'linear'; readonly alignCorners: boolean; readonly inputSize: Shape };
  /** ∂L/∂table of `gather`: indices [...] and dy [..., ...rest] → [rows, ...rest], rows hit twice summed. */
  gatherGrad: { readonly rows: number };
  /** ∂L/∂x of `slice`: dy placed at start, start+step, … of a zero tensor whose `axis` has `length` elements. */
  sliceGrad: { readonly axis: number; readonly start: number; readonly step: number; readonly length: number };
}

export type OpId = keyof OpAttrs;

/** Number of tensor operands each primitive takes. */
export const OP_ARITY: { readonly [K in OpId]: number } = {
  neg: 1, exp: 1, log: 1, sqrt: 1, abs: 1, sign: 1, tanh: 1, sigmoid: 1, erf: 1, atan: 1, relu: 1, step: 1,
  add: 2, sub: 2, mul: 2, div: 2, maximum: 2, minimum: 2, pow: 2, greater: 2, equal: 2,
  input: 0, param: 0, buffer: 0, constant: 0, randomNormal: 0, randomUniform: 0, randomBernoulli: 0,
  where: 3, cast: 1,
  matmul: 2, transpose: 1, reshape: 1, expand: 1,
  reduceSum: 1, reduceMean: 1, reduceMax: 1,
  concat: -1, slice: 1, gather: 2, oneHot: 1,
  conv: 2, convTranspose: 2, pool: 1, adaptiveAvgPool: 1, resize: 1,
  convGradInput: 2, convGradWeight: 2, poolGrad: 2, adaptiveAvgPoolGrad: 1, resizeGrad: 1, gatherGrad: 2, sliceGrad: 1,
};

export const isUnaryOp = (op: OpId): op is UnaryOp => (UNARY_OPS as readonly string[]).includes(op);
export const isBinaryOp = (op: OpId): op is BinaryOp => (BINARY_OPS as readonly string[]).includes(op);

/** One table entry shared by a family of ops (all unary ops have the same shape rule, for instance). */
export function sameForEach<K extends string, V>(ops: readonly K[], value: V): { [P in K]: V } {
  return Object.fromEntries(ops.map((op) => [op, value])) as { [P in K]: V };
}
