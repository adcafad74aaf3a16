/**
 * Every case of the primitive table on the WebGPU backend, dispatched directly and run as a program, against the
 * CPU backend in float32: matrix products, convolutions and reductions (which sum in a different order, in float32)
 * within atol = rtol = 1e-3, everything else within 1e-5 relative; random primitives against their counter-based
 * definition; error cases must fail with the CPU's message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGpuBackend } from '../../engine/backends/webgpu/create.ts';
import type { WebGpuBackend } from '../../engine/backends/webgpu/webgpu-backend.ts';
import { parityProblem, pathsOf } from './backend-parity.ts';
import { PRIMITIVE_CASES, type PrimitiveCase, type TensorSpec } from './primitive-cases.ts';

let gpu: WebGpuBackend;
// Without a GPU, Dawn runs on SwiftShader (Chromium's software Vulkan); no adapter at all fails every test below.
beforeAll(async () => {
  gpu = await createWebGpuBackend({ softwareFallback: true });
}, 60_000);
afterAll(() => gpu?.dispose());

const ramp = (shape: readonly number[], seed: number): TensorSpec => ({ shape, dtype: 'f32', fill: { kind: 'ramp', seed, low: -1, high: 1 } });
const sum = (axes: number[]) => ({ axes, keepDims: false });

/**
 * Shapes that take the kernels' other paths, beyond the case table's small ones: products split along a long K,
 * large 128×128 tiles, reductions long enough for the workgroup tree, and more elements than one row of workgroups.
 */
const PATH_CASES: readonly PrimitiveCase[] = [
  { name: 'matmul split along a long inner dimension', op: 'matmul', attrs: {}, inputs: [ramp([5, 700], 1), ramp([700, 7], 2)], expect: { kind: 'pytorch' } },
  { name: 'matmul in large tiles', op: 'matmul', attrs: {}, inputs: [ramp([128, 130, 9], 3), ramp([9, 129], 4)], expect: { kind: 'pytorch' } },
  { name: 'reduceSum as a workgroup tree', op: 'reduceSum', attrs: sum([1, 3]), inputs: [ramp([3, 40, 2, 30], 5)], expect: { kind: 'pytorch' } },
  { name: 'reduceMean as a workgroup tree', op: 'reduceMean', attrs: sum([0]), inputs: [ramp([1000, 3], 6)], expect: { kind: 'pytorch' } },
  {
    name: 'reduceMax as a workgroup tree propagates NaN', op: 'reduceMax', attrs: sum([1]),
    inputs: [{ shape: [2, 300], dtype: 'f32', fill: { kind: 'values', values: Array.from({ length: 600 }, (_, i) => (i === 450 ? 'nan' : (i * 7) % 601)) } }],
    expect: { kind: 'pytorch' },
  },
  { name: 'reduceSum i32 as a workgroup tree', op: 'reduceSum', attrs: sum([0]), inputs: [{ shape: [500, 2], dtype: 'i32', fill: { kind: 'ints', seed: 7, low: -9, high: 9 } }], expect: { kind: 'pytorch' } },
  { name: 'constant over more elements than one row of workgroups', op: 'constant', attrs: { shape: [65536, 257], value: -0.75, dtype: 'f32' }, inputs: [], expect: { kind: 'pytorch' } },
];

describe('WebGPU backend against the CPU backend, float32', () => {
  it('runs on a WebGPU adapter (the reason is the failure when there is none)', () => {
    expect(gpu.name).toBe('webgpu');
    expect(gpu.precision).toBe('f32');
    expect(gpu.unsupported.size).toBe(0);
  });

  for (const c of [...PRIMITIVE_CASES, ...PATH_CASES]) {
    for (const path of pathsOf(c)) {
      it(`${c.name} (${path})`, async () => {
        expect(await parityProblem(gpu, c, path)).toBeUndefined();
      });
    }
  }
});
