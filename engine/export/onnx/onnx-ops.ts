/**
 * One ONNX lowering per IR primitive (opset 17), keyed by op: a mapped type over OpId, so a new primitive without
 * its entry does not compile. The exporter lowers the graph in eval mode, so the gradient primitives (emitted only
 * by autodiff for training) never reach it and are marked as such. Semantics follow the CPU backend (PyTorch's):
 * comparisons give 0/1 floats, `where` takes any non-zero condition, one-hot gives zeros for an out-of-range index.
 */
import type { HostTensor } from '../../backends/backend.ts';
import { BINARY_OPS, UNARY_OPS, type BinaryOp, type OpAttrs, type OpId, type UnaryOp } from '../../ir/ops.ts';
import type { Value } from '../../ir/program.ts';
import { isSymbol, numElements } from '../../ir/shape.ts';
import { ExportError } from '../export-error.ts';
import { ELEMENT_TYPE, tensorProto, type OnnxGraph } from './onnx-graph.ts';
import { DATA_TYPE } from './onnx-proto.ts';

export interface OnnxContext<K extends OpId> {
  readonly g: OnnxGraph;
  /** Tensor names of the operands. */
  readonly inputs: readonly string[];
  readonly operands: readonly Value[];
  readonly attrs: OpAttrs[K];
  readonly value: Value;
  /** A weight or buffer by state_dict name. */
  weight(name: string): HostTensor | undefined;
}

/** Emits the nodes computing one primitive; returns the tensor name that holds its result. */
export type OnnxLowering<K extends OpId> = (ctx: OnnxContext<K>) => string;

const UNARY_ONNX: Readonly<Record<Exclude<UnaryOp, 'step'>, string>> = {
  neg: 'Neg', exp: 'Exp', log: 'Log', sqrt: 'Sqrt', abs: 'Abs', sign: 'Sign', tanh: 'Tanh', sigmoid: 'Sigmoid', erf: 'Erf', atan: 'Atan', relu: 'Relu',
};
const BINARY_ONNX: Readonly<Record<Exclude<BinaryOp, 'greater' | 'equal'>, string>> = {
  add: 'Add', sub: 'Sub', mul: 'Mul', div: 'Div', maximum: 'Max', minimum: 'Min', pow: 'Pow',
};

const asFloat = (g: OnnxGraph, boolean: string): string => g.node('Cast', [boolean], { to: DATA_TYPE.FLOAT });

function unaryLowering(op: UnaryOp): OnnxLowering<UnaryOp> {
  if (op === 'step') return ({ g, inputs }) => asFloat(g, g.node('Greater', [inputs[0]!, g.constant([0], [], 'f32')]));
  return ({ g, inputs }) => g.node(UNARY_ONNX[op], inputs);
}

function binaryLowering(op: BinaryOp): OnnxLowering<BinaryOp> {
  if (op === 'greater') return ({ g, inputs }) => asFloat(g, g.node('Greater', inputs));
  if (op === 'equal') return ({ g, inputs }) => asFloat(g, g.node('Equal', inputs));
  return ({ g, inputs }) => g.node(BINARY_ONNX[op], inputs);
}

/** A tensor filled with `value`: a plain constant when its shape is known, else ConstantOfShape at run time. */
function filled(g: OnnxGraph, shape: Value['shape'], value: number, dtype: Value['dtype']): string {
  const kind = dtype === 'f32' ? 'f32' : 'i32';
  if (!shape.some(isSymbol)) return g.constant(new Array<number>(numElements(shape)).fill(value), shape as number[], kind);
  return g.node('ConstantOfShape', [g.shapeTensor(shape)], { value: { tensor: tensorProto([value], [1], kind) } });
}

function state({ g, attrs, value, weight }: OnnxContext<'param'> | OnnxContext<'buffer'>): string {
  const tensor = weight(attrs.name);
  if (!tensor) throw new ExportError(`no value for the weight ${attrs.name}`);
  g.initializer(tensorProto(Array.from(tensor.data), tensor.shape, value.dtype === 'f32' ? 'f32' : 'i32', attrs.name));
  return attrs.name;
}

/** Average over windows [⌊i·L/out⌋, ⌈(i+1)·L/out⌉) along one axis: slices, means and a concat (PyTorch's rule). */
function adaptiveAxis(g: OnnxGraph, x: string, axis: number, length: number, out: number): string {
  const pieces = Array.from({ length: out }, (_, i) => {
    const start = Math.floor((i * length) / out), end = Math.ceil(((i + 1) * length) / out);
    const piece = g.node('Slice', [x, g.ints([start]), g.ints([end]), g.ints([axis])]);
    return g.node('ReduceMean', [piece], { axes: [axis], keepdims: 1 });
  });
  return g.node('Concat', pieces, { axis });
}

const training = 'training-only' as const;

export const ONNX_OPS: { readonly [K in OpId]: OnnxLowering<K> | typeof training } = {
  ...Object.fromEntries(UNARY_OPS.map((op) => [op, unaryLowering(op)])) as { [K in UnaryOp]: OnnxLowering<K> },
  ...Object.fromEntries(BINARY_OPS.map((op) => [op, binaryLowering(op)])) as { [K in BinaryOp]: OnnxLowering<K> },
  input: ({ attrs }) => attrs.name,
  param: state,
  buffer: state,
  constant: ({ g, attrs, value }) => {
    if (attrs.data) return g.constant(attrs.data, attrs.shape as number[], value.dtype === 'f32' ? 'f32' : 'i32');
    return filled(g, attrs.shape, attrs.value, value.dtype);
  },
  randomNormal: ({ g, attrs }) => g.node('RandomNormalLike', [filled(g, attrs.shape, 0, 'f32')], { mean: { float: attrs.mean }, scale: { float: attrs.std } }),
  randomUniform: ({ g, attrs }) => g.node('RandomUniformLike', [filled(g, attrs.shape, 0, 'f32')], { low: { float: attrs.low }, high: { float: attrs.high } }),
  randomBernoulli: ({ g, attrs }) => g.node('Bernoulli', [filled(g, attrs.shape, attrs.p, 'f32')]),
  where: ({ g, inputs }) => g.node('Where', [g.node('Cast', [inputs[0]!], { to: DATA_TYPE.BOOL }), inputs[1]!, inputs[2]!]),
  cast: ({ g, inputs, attrs }) => g.node('Cast', inputs, { to: ELEMENT_TYPE[attrs.dtype] }),
  matmul: ({ g, inputs }) => g.node('MatMul', inputs),
  transpose: ({ g, inputs, attrs }) => g.node('Transpose', inputs, { perm: attrs.perm }),
  reshape: ({ g, inputs, attrs }) => g.node('Reshape', [inputs[0]!, g.shapeTensor(attrs.shape)]),
  expand: ({ g, inputs, attrs }) => g.node('Expand', [inputs[0]!, g.shapeTensor(attrs.shape)]),
  // Reducing over no axes leaves the tensor as it is (ONNX would reduce over all of them).
  reduceSum: ({ g, inputs, attrs }) => (attrs.axes.length === 0 ? inputs[0]! : g.node('ReduceSum', [inputs[0]!, g.ints(attrs.axes)], { keepdims: attrs.keepDims ? 1 : 0 })),
  reduceMean: ({ g, inputs, attrs }) => (attrs.axes.length === 0 ? inputs[0]! : g.node('ReduceMean', inputs, { axes: attrs.axes, keepdims: attrs.keepDims ? 1 : 0 })),
  reduceMax: ({ g, inputs, attrs }) => (attrs.axes.length === 0 ? inputs[0]! : g.node('ReduceMax', inputs, { axes: attrs.axes, keepdims: attrs.keepDims ? 1 : 0 })),
  concat: ({ g, inputs, attrs }) => g.node('Concat', inputs, { axis: attrs.axis }),
  slice: ({ g, inputs, attrs }) => g.node('Slice', [inputs[0]!, g.ints([attrs.start]), g.ints([attrs.end]), g.ints([attrs.axis]), g.ints([attrs.step])]),
  gather: ({ g, inputs }) => g.node('Gather', inputs, { axis: 0 }),
  oneHot: ({ g, inputs, attrs }) => {
    const classes = g.constant(Array.from({ length: attrs.depth }, (_, i) => i), [attrs.depth], 'i32');
    return asFloat(g, g.node('Equal', [g.node('Unsqueeze', [inputs[0]!, g.ints([-1])]), classes]));
  },
  conv: ({ g, inputs, attrs }) => g.node('Conv', inputs, {
    strides: attrs.stride,
    pads: [...attrs.padding.map(([before]) => before), ...attrs.padding.map(([, after]) => after)],
    dilations: attrs.dilation,
    group: attrs.groups,
  }),
  convTranspose: ({ g, inputs, attrs }) => g.node('ConvTranspose', inputs, {
    strides: attrs.stride,
    pads: [...attrs.padding, ...attrs.padding],
    output_padding: attrs.outputPadding,
    dilations: attrs.dilation,
    group: attrs.groups,
  }),
  pool: ({ g, inputs, attrs }) => (attrs.mode === 'max'
    ? g.node('MaxPool', inputs, {
      kernel_shape: attrs.kernel, strides: attrs.stride, pads: [...attrs.padding, ...attrs.padding], dilations: attrs.dilation, ceil_mode: attrs.ceilMode ? 1 : 0,
    })
    : g.node('AveragePool', inputs, {
      kernel_shape: attrs.kernel, strides: attrs.stride, pads: [...attrs.padding, ...attrs.padding], ceil_mode: attrs.ceilMode ? 1 : 0,
      count_include_pad: attrs.countIncludePad ? 1 : 0,
    })),
  adaptiveAvgPool: ({ g, inputs, attrs, operands }) => {
    const lengths = operands[0]!.shape.slice(2) as number[];
    if (lengths.every((length, i) => length % attrs.outputSize[i]! === 0)) {
      const kernel = lengths.map((length, i) => length / attrs.outputSize[i]!);
      return g.node('AveragePool', inputs, { kernel_shape: kernel, strides: kernel });
    }
    return lengths.reduce((x, length, i) => adaptiveAxis(g, x, i + 2, length, attrs.outputSize[i]!), inputs[0]!);
  },
  resize: ({ g, inputs, attrs, operands }) => {
    const lengths = operands[0]!.shape.slice(2) as number[];
    const scales = g.constant([1, 1, ...attrs.size.map((size, i) => size / lengths[i]!)], [attrs.size.length + 2], 'f32');
    return g.node('Resize', [inputs[0]!, '', scales], attrs.mode === 'nearest'
      ? { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' }
      : { mode: 'linear', coordinate_transformation_mode: attrs.alignCorners ? 'align_corners' : 'pytorch_half_pixel' });
  },
  convGradInput: training,
  convGradWeight: training,
  poolGrad: training,
  adaptiveAvgPoolGrad: training,
  resizeGrad: training,
  gatherGrad: training,
  sliceGrad: training,
};
