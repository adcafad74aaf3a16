/**
 * Reductions over any set of axes. Short reductions (up to SHORT elements per output) run one thread per output
 * element with nested loops over the reduced axes; longer ones run one workgroup per output element: each thread
 * accumulates a strided share, then the workgroup combines the partial results as a tree in workgroup memory.
 * Max propagates NaN (torch.amax); integer means truncate like the CPU's stored result.
 */
import { normAxis } from '../../ir/shape.ts';
import {
  bind, computeStep, elementCount, grid, input, OUTPUT, perElementStep, wgslType, WORKGROUP, type KernelBuilder, type KernelOperands, type KernelSpec,
} from './kernel-spec.ts';
import { offsetStatements } from './strided-index.ts';
import { f32Literal, u32Literal, wgslMath, type MathName } from './wgsl-math.ts';
import { collapseAxes, rowMajorStrides } from '../strides.ts';

type ReduceOp = 'reduceSum' | 'reduceMean' | 'reduceMax';

/** Longest reduction done by a single thread per output. */
const SHORT = 64;

interface Reduction {
  readonly initial: string;
  readonly combine: (acc: string, value: string) => string;
  readonly finish: (acc: string, count: number) => string;
  readonly math: readonly MathName[];
}

function reduction(op: ReduceOp, dtype: 'f32' | 'i32'): Reduction {
  const sum = { initial: dtype === 'i32' ? '0i' : '0.0', combine: (a: string, v: string) => `${a} + ${v}`, math: [] };
  switch (op) {
    case 'reduceSum':
      return { ...sum, finish: (a) => a };
    case 'reduceMean':
      return { ...sum, finish: (a, n) => (dtype === 'i32' ? `${a} / ${n}i` : `${a} * ${f32Literal(1 / n)}`) };
    case 'reduceMax':
      return dtype === 'i32'
        ? { initial: 'i32(-2147483647 - 1)', combine: (a, v) => `max(${a}, ${v})`, finish: (a) => a, math: [] }
        : { initial: '-inf_f()', combine: (a, v) => `max_f(${a}, ${v})`, finish: (a) => a, math: ['max_f', 'inf_f'] };
  }
}

/** The kept and reduced axes of `shape` as (collapsed) iteration shapes with their strides into the input. */
function splitAxes(shape: readonly number[], axes: readonly number[]) {
  const reducedAxes = new Set(axes.map((a) => normAxis(a, shape.length)));
  const strides = rowMajorStrides(shape);
  const pick = (reduced: boolean) => {
    const ids = shape.map((_, i) => i).filter((i) => reducedAxes.has(i) === reduced);
    return collapseAxes(ids.map((i) => shape[i]!), [ids.map((i) => strides[i]!)]);
  };
  const kept = pick(false), reduced = pick(true);
  return { kept: { shape: kept.shape, strides: kept.strides[0]! }, reduced: { shape: reduced.shape, strides: reduced.strides[0]! } };
}

function reduceSpec(op: ReduceOp, axes: readonly number[], { inputs: [x], output }: KernelOperands, limits: Parameters<KernelBuilder<ReduceOp>>[2]): KernelSpec {
  const type = wgslType(x!.dtype);
  const r = reduction(op, type);
  const { kept, reduced } = splitAxes(x!.shape, axes);
  const outputs = elementCount(output.shape), count = elementCount(reduced.shape);
  const bindings = [bind(input(0), 'x', type), bind(OUTPUT, 'y', type)];
  const helpers = wgslMath(r.math);

  if (count <= SHORT) {
    // Nested loops over the reduced axes, outermost first: the CPU's order of summation.
    const loops = reduced.shape.map((d, a) => `for (var r${a} = 0u; r${a} < ${u32Literal(d)}; r${a}++) {`).join(' ');
    const offset = ['base', ...reduced.strides.map((s, a) => `r${a} * ${u32Literal(s)}`)].join(' + ');
    const body = `${offsetStatements('i', kept.shape, [{ name: 'base', strides: kept.strides }])}
  var acc: ${type} = ${r.initial};
  ${loops} acc = ${r.combine('acc', `x[${offset}]`)}; ${reduced.shape.map(() => '}').join(' ')}
  y[i] = ${r.finish('acc', count)};`;
    return { steps: [perElementStep(bindings, helpers, outputs, body, limits)] };
  }

  const groups = grid(outputs * WORKGROUP, limits);
  const source = `${helpers}
var<workgroup> partial: array<${type}, ${WORKGROUP}>;
@compute @workgroup_size(${WORKGROUP})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let o = wid.x + wid.y * ${groups.workgroups[0]}u;
  if (o >= ${outputs}u) { return; }
${offsetStatements('o', kept.shape, [{ name: 'base', strides: kept.strides }], 'k')}
  var acc: ${type} = ${r.initial};
  for (var r = lid; r < ${count}u; r += ${WORKGROUP}u) {
  ${offsetStatements('r', reduced.shape, [{ name: 'offset', strides: reduced.strides }], 'q')}
    acc = ${r.combine('acc', 'x[base + offset]')};
  }
  partial[lid] = acc;
  workgroupBarrier();
  for (var half = ${WORKGROUP / 2}u; half > 0u; half = half >> 1u) {
    if (lid < half) { partial[lid] = ${r.combine('partial[lid]', 'partial[lid + half]')}; }
    workgroupBarrier();
  }
  if (lid == 0u) { y[o] = ${r.finish('partial[0]', count)}; }
}`;
  return { steps: [computeStep(bindings, source, groups.workgroups)] };
}

export const REDUCE_KERNELS: { readonly [K in ReduceOp]: KernelBuilder<K> } = {
  reduceSum: ({ axes }, operands, limits) => reduceSpec('reduceSum', axes, operands, limits),
  reduceMean: ({ axes }, operands, limits) => reduceSpec('reduceMean', axes, operands, limits),
  reduceMax: ({ axes }, operands, limits) => reduceSpec('reduceMax', axes, operands, limits),
};
