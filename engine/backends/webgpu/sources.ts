/**
 * Ops without tensor operands: constants and the random draws. Element i of a random tensor is a pure function of
 * (seed, i), computed by the WGSL port of random.ts, so the GPU draws the same numbers (dropout masks bit for bit)
 * as the CPU for the same step seed. Constants with data are uploaded once, with the plan, and copied per dispatch.
 */
import { formatShape } from '../../ir/shape.ts';
import type { DType } from '../../ir/ops.ts';
import { bind, elementCount, OUTPUT, perElementStep, SEED, TABLE, wgslType, type KernelBuilder, type KernelLimits, type KernelSpec } from './kernel-spec.ts';
import { f32Literal, i32Literal, u32Literal, wgslMath, type MathName } from './wgsl-math.ts';

type SourceOp = 'constant' | 'randomNormal' | 'randomUniform' | 'randomBernoulli';

function fill(value: string, dtype: DType, count: number, limits: KernelLimits): KernelSpec {
  return { steps: [perElementStep([bind(OUTPUT, 'y', wgslType(dtype))], '', count, `  y[i] = ${value};`, limits)] };
}

/** A seeded per-element draw: `value` is a WGSL expression of `seed.value` and the element index `i`. */
function draw(value: string, count: number, limits: KernelLimits, ...math: MathName[]): KernelSpec {
  return { steps: [perElementStep([bind(SEED, 'seed'), bind(OUTPUT, 'y')], wgslMath(math), count, `  y[i] = ${value};`, limits)] };
}

export const SOURCE_KERNELS: { readonly [K in SourceOp]: KernelBuilder<K> } = {
  constant: ({ value, data, dtype }, { output }, limits) => {
    const count = elementCount(output.shape);
    if (data === undefined) return fill(dtype === 'i32' ? i32Literal(value) : f32Literal(value), dtype, count, limits);
    if (data.length !== count) throw new Error(`constant has ${data.length} values but its bound shape ${formatShape(output.shape)} holds ${count}`);
    return { steps: [{ kind: 'copy', from: TABLE }], table: dtype === 'i32' ? Int32Array.from(data) : Float32Array.from(data) };
  },
  randomNormal: ({ mean, std }, { output }, limits) =>
    draw(`${f32Literal(mean)} + ${f32Literal(std)} * counter_normal(seed.value, i)`, elementCount(output.shape), limits, 'counter_normal'),
  randomUniform: ({ low, high }, { output }, limits) =>
    draw(`${f32Literal(low)} + ${f32Literal(high - low)} * counter_uniform(seed.value, i)`, elementCount(output.shape), limits, 'counter_uniform'),
  // u < p on the 24-bit grid of u is the integer comparison u·2²⁴ < ⌈p·2²⁴⌉, exact for any double p.
  randomBernoulli: ({ p }, { output }, limits) =>
    draw(`select(0.0, 1.0, (hash32(seed.value ^ hash32(i)) >> 8u) < ${u32Literal(Math.ceil(p * 16777216))})`, elementCount(output.shape), limits, 'hash32'),
};
