/**
 * The gradient programs of the autodiff gradient-check cases (test/autodiff/op-cases.ts: every differentiable
 * primitive, so every backward primitive autodiff emits) on the WebGPU backend against the CPU backend in float32:
 * L = Σ w ⊙ op(x…) is differentiated and every ∂L/∂x compared, within atol = rtol = 1e-3 for the summing ops
 * (matmul, convolutions, reductions) and 1e-5 relative otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differentiate } from '../../engine/autodiff/differentiate.ts';
import type { Backend, HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { createWebGpuBackend } from '../../engine/backends/webgpu/create.ts';
import type { WebGpuBackend } from '../../engine/backends/webgpu/webgpu-backend.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { OpId } from '../../engine/ir/ops.ts';
import type { Program } from '../../engine/ir/program.ts';
import type { GradCheckCase } from '../autodiff/gradcheck.ts';
import { OP_CASES } from '../autodiff/op-cases.ts';
import { sampler, type InputSpec } from '../autodiff/sample-data.ts';
import { firstMismatch, TOLERANCE, type Tolerance } from './run-case.ts';

const SUMMING: Tolerance = { rtol: 1e-3, atol: 1e-3 };
const SUMMING_OPS: ReadonlySet<OpId> = new Set<OpId>([
  'matmul', 'conv', 'convTranspose', 'convGradInput', 'convGradWeight', 'reduceSum', 'reduceMean', 'reduceMax',
]);
const BACKWARD_PRIMITIVES: readonly OpId[] = ['convGradInput', 'convGradWeight', 'poolGrad', 'adaptiveAvgPoolGrad', 'resizeGrad', 'gatherGrad', 'sliceGrad'];

interface GradientProgram {
  readonly program: Program;
  readonly feeds: Record<string, HostTensor>;
  /** Output names of the gradients. */
  readonly gradients: readonly string[];
}

const float32 = (spec: InputSpec): HostTensor =>
  ({ shape: spec.shape, dtype: spec.dtype, data: spec.dtype === 'i32' ? Int32Array.from(spec.data) : Float32Array.from(spec.data) });

/** L = Σ w ⊙ y for the case's y, differentiated with respect to its differentiable operands. */
function gradientProgram(c: GradCheckCase): GradientProgram {
  const b = new Builder();
  const operands = c.inputs.map((spec, i) => b.op('input', [], { name: `x${i}`, shape: spec.shape, dtype: spec.dtype }));
  const y = c.build(b, operands);
  const shape = y.shape as number[];
  const weights = { shape, dtype: 'f32' as const, data: Float32Array.from(sampler(7).numbers(shape.reduce((a, d) => a * d, 1))) };
  const loss = b.sum(b.mul(y, b.op('input', [], { name: 'weights', shape, dtype: 'f32' })), shape.map((_, i) => i));
  b.output('loss', loss);
  const checked = c.inputs.flatMap((spec, i) => (spec.differentiate ? [i] : []));
  const { program, grads } = differentiate(b.program(), loss.id, checked.map((i) => operands[i]!.id));
  const gradients = checked.map((i) => `grad:x${i}`);
  return {
    program: { ...program, outputs: { ...program.outputs, ...Object.fromEntries(checked.map((i, k) => [gradients[k]!, grads.get(operands[i]!.id)!])) } },
    feeds: { ...Object.fromEntries(c.inputs.map((spec, i) => [`x${i}`, float32(spec)])), weights },
    gradients,
  };
}

async function runGradients(backend: Backend, g: GradientProgram): Promise<HostTensor[]> {
  const runner = createRunner(backend, g.program);
  try {
    await runner.run(g.feeds);
    return await Promise.all(g.gradients.map((name) => runner.read(name)));
  } finally {
    runner.dispose();
  }
}

let gpu: WebGpuBackend;
// Without a GPU, Dawn runs on SwiftShader (Chromium's software Vulkan); no adapter at all fails every test below.
beforeAll(async () => {
  gpu = await createWebGpuBackend({ softwareFallback: true });
}, 60_000);
afterAll(() => gpu?.dispose());

describe('gradient programs on WebGPU against the CPU backend, float32', () => {
  it('cover every backward primitive autodiff emits', () => {
    const emitted = new Set(OP_CASES.flatMap((c) => gradientProgram(c).program.ops.map((op) => op.op)));
    expect(BACKWARD_PRIMITIVES.filter((op) => !emitted.has(op))).toEqual([]);
  });

  for (const c of OP_CASES) {
    it(c.name, async () => {
      const g = gradientProgram(c);
      const cpu = createCpuBackend({ precision: 'f32' });
      const expected = await runGradients(cpu, g);
      cpu.dispose();
      const actual = await runGradients(gpu, g);
      const summing = g.program.ops.some((op) => SUMMING_OPS.has(op.op) && op.out > g.program.outputs['loss']!);
      g.gradients.forEach((name, k) => {
        expect(actual[k]!.shape, name).toEqual(expected[k]!.shape);
        expect(firstMismatch(actual[k]!.data, Array.from(expected[k]!.data), summing ? SUMMING : TOLERANCE.f32), name).toBeUndefined();
      });
    });
  }
});
