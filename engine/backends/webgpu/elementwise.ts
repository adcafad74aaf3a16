/**
 * Elementwise kernels from one template: the unary and binary math functions, `where` and `cast`. Each op is an
 * expression over its operands' values; the template binds the operands, computes their broadcast offsets
 * (strided-index.ts) and stores the expression for every output element. Integer tensors get integer expressions
 * with the CPU backend's results (wrapping arithmetic, truncating division, 0 for a zero divisor).
 */
import { BINARY_OPS, UNARY_OPS, type BinaryOp, type DType, type UnaryOp } from '../../ir/ops.ts';
import {
  bind, elementCount, input, OUTPUT, perElementStep, wgslType, type KernelBuilder, type KernelLimits, type KernelOperands, type KernelSpec,
} from './kernel-spec.ts';
import { offsetStatements } from './strided-index.ts';
import { wgslMath, type MathName } from './wgsl-math.ts';
import { broadcastStrides } from '../strides.ts';

/** An op's WGSL expression over its operand values, and the helper functions it calls. */
interface Expression {
  readonly of: (values: readonly string[]) => string;
  readonly math: readonly MathName[];
}

const call = (fn: MathName): Expression => ({ of: (v) => `${fn}(${v.join(', ')})`, math: [fn] });
const infix = (operator: string): Expression => ({ of: ([a, b]) => `(${a} ${operator} ${b})`, math: [] });
const plain = (of: Expression['of'], ...math: MathName[]): Expression => ({ of, math });

const UNARY_FLOAT: { readonly [K in UnaryOp]: Expression } = {
  neg: plain(([x]) => `-${x}`),
  exp: call('exp_f'),
  log: call('log_f'),
  sqrt: call('sqrt_f'),
  abs: call('abs_f'),
  sign: call('sign_f'),
  tanh: call('tanh_f'),
  sigmoid: call('sigmoid_f'),
  erf: call('erf_f'),
  atan: call('atan_f'),
  relu: call('relu_f'),
  // Heaviside with step(0) = 0 and step(NaN) = 0
  step: plain(([x]) => `select(0.0, 1.0, ${x} > 0.0 && !is_nan(${x}))`, 'is_nan'),
};

/** The unary ops the shape rules allow on integer tensors. */
const UNARY_INTEGER: { readonly [K in 'neg' | 'abs' | 'sign']: Expression } = {
  neg: plain(([x]) => `-${x}`),
  abs: plain(([x]) => `abs(${x})`),
  sign: plain(([x]) => `sign(${x})`),
};

const BINARY_FLOAT: { readonly [K in BinaryOp]: Expression } = {
  add: infix('+'),
  sub: infix('-'),
  mul: infix('*'),
  div: call('div_f'),
  maximum: call('max_f'),
  minimum: call('min_f'),
  pow: call('pow_f'),
  greater: plain(([a, b]) => `select(0.0, 1.0, ${a} > ${b} && !is_nan(${a}) && !is_nan(${b}))`, 'is_nan'),
  equal: plain(([a, b]) => `select(0.0, 1.0, ${a} == ${b} && !is_nan(${a}))`, 'is_nan'),
};

const BINARY_INTEGER: { readonly [K in BinaryOp]: Expression } = {
  add: infix('+'),
  sub: infix('-'),
  mul: infix('*'),
  // The CPU stores a/b truncated, and ±∞ or NaN (a zero divisor) as 0.
  div: plain(([a, b]) => `select(0i, ${a} / ${b}, ${b} != 0i)`),
  maximum: plain(([a, b]) => `max(${a}, ${b})`),
  minimum: plain(([a, b]) => `min(${a}, ${b})`),
  pow: call('pow_i'),
  greater: plain(([a, b]) => `select(0.0, 1.0, ${a} > ${b})`),
  equal: plain(([a, b]) => `select(0.0, 1.0, ${a} == ${b})`),
};

/** `where`'s condition is true when non-zero; a float NaN counts as true (NaN ≠ 0), −0 as false. */
const truthy = (dtype: DType, c: string): string => (dtype === 'i32' ? `${c} != 0i` : `(bitcast<u32>(${c}) & 0x7fffffffu) != 0u`);

/** The kernel storing `expression` of the (broadcast) operands into every output element. */
function elementwiseSpec({ inputs, output }: KernelOperands, expression: Expression, limits: KernelLimits): KernelSpec {
  const count = elementCount(output.shape);
  const bindings = [...inputs.map((t, k) => bind(input(k), `x${k}`, wgslType(t.dtype))), bind(OUTPUT, 'y', wgslType(output.dtype))];
  const offsets = offsetStatements('i', output.shape, inputs.map((t, k) => ({ name: `o${k}`, strides: broadcastStrides(t.shape, output.shape) })));
  const values = inputs.map((_, k) => `x${k}[o${k}]`);
  const body = `${offsets}\n  y[i] = ${expression.of(values)};`;
  return { steps: count === 0 ? [] : [perElementStep(bindings, wgslMath(expression.math), count, body, limits)] };
}

function unaryBuilder(op: UnaryOp): KernelBuilder<UnaryOp> {
  return (_, operands, limits) => {
    const dtype = operands.inputs[0]!.dtype;
    const expression = dtype === 'f32' ? UNARY_FLOAT[op] : (UNARY_INTEGER as Partial<Record<UnaryOp, Expression>>)[op];
    if (!expression) throw new Error(`${op} needs a float tensor but got an integer one`);
    return elementwiseSpec(operands, expression, limits);
  };
}

function binaryBuilder(op: BinaryOp): KernelBuilder<BinaryOp> {
  return (_, operands, limits) => elementwiseSpec(operands, (operands.inputs[0]!.dtype === 'i32' ? BINARY_INTEGER : BINARY_FLOAT)[op], limits);
}

const buildersFor = <K extends string, B>(ops: readonly K[], make: (op: K) => B): { [P in K]: B } =>
  Object.fromEntries(ops.map((op) => [op, make(op)])) as { [P in K]: B };

export const ELEMENTWISE_KERNELS: { readonly [K in UnaryOp | BinaryOp | 'where' | 'cast']: KernelBuilder<K> } = {
  ...buildersFor(UNARY_OPS, unaryBuilder),
  ...buildersFor(BINARY_OPS, binaryBuilder),
  where: (_, operands, limits) => {
    const conditionType = operands.inputs[0]!.dtype;
    return elementwiseSpec(operands, plain(([c, a, b]) => `select(${b}, ${a}, ${truthy(conditionType, c!)})`), limits);
  },
  cast: ({ dtype }, operands, limits) => {
    const from = operands.inputs[0]!.dtype;
    if (from === dtype) return { steps: [{ kind: 'copy', from: input(0) }] };
    return elementwiseSpec(operands, dtype === 'i32' ? call('to_i32') : plain(([x]) => `f32(${x})`), limits);
  },
};
