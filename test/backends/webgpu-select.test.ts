/**
 * Choosing the backend: WebGPU where an adapter exists, else the CPU backend with the reason; the refusals the
 * WebGPU backend makes up front (float64, a tensor larger than one GPU binding).
 */
import { describe, expect, it } from 'vitest';
import { createRunner } from '../../engine/backends/executor.ts';
import { selectBackend, unsupportedPrimitives } from '../../engine/backends/select-backend.ts';
import { createWebGpuBackend } from '../../engine/backends/webgpu/create.ts';
import type { WebGpuBackend } from '../../engine/backends/webgpu/webgpu-backend.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { OpId } from '../../engine/ir/ops.ts';

/** A WebGPU entry point without any adapter, as a browser on a machine with no usable GPU. */
const noAdapter = { requestAdapter: async () => null } as unknown as GPU;

describe('selectBackend', () => {
  it('falls back to the CPU backend and says why when there is no adapter', async () => {
    const selection = await selectBackend({ webgpu: { gpu: noAdapter } });
    expect(selection.backend.name).toBe('cpu');
    expect(selection.backend.precision).toBe('f32');
    expect(selection.fallbackReason).toMatch(/^no adapter/);
    selection.backend.dispose();
  });

  it('falls back when there is no WebGPU at all', async () => {
    const selection = await selectBackend({ webgpu: { gpu: null } });
    expect(selection.backend.name).toBe('cpu');
    expect(selection.fallbackReason).toBe('no WebGPU implementation was given');
  });

  it('runs on the CPU without a reason when the CPU is asked for', async () => {
    const selection = await selectBackend({ prefer: 'cpu' });
    expect(selection.backend.name).toBe('cpu');
    expect(selection.fallbackReason).toBeUndefined();
  });

  it('picks WebGPU where an adapter exists (SwiftShader here), saying what it runs on', async () => {
    const selection = await selectBackend({ webgpu: { softwareFallback: true } });
    expect(selection.fallbackReason).toBeUndefined();
    expect(selection.backend.name).toBe('webgpu');
    const gpu = selection.backend as WebGpuBackend;
    expect(selection.description).toBe(`WebGPU backend on ${gpu.gpu.description}`);
    if (gpu.gpu.isFallbackAdapter) expect(selection.description).toContain('speeds say nothing about a GPU');
    gpu.dispose();
  });

  it('names the primitives of the programs that a backend cannot run', () => {
    const b = new Builder();
    const x = b.op('input', [], { name: 'x', shape: [1, 1, 4], dtype: 'f32' });
    const w = b.op('input', [], { name: 'w', shape: [1, 1, 2], dtype: 'f32' });
    b.output('y', b.unary('relu', b.op('conv', [x, w], { stride: [1], padding: [[0, 0]], dilation: [1], groups: 1 })));
    const lacking = { unsupported: new Set<OpId>(['conv', 'pool']) };
    expect(unsupportedPrimitives(lacking, [b.program()])).toEqual(['conv']);
    expect(unsupportedPrimitives({ unsupported: new Set<OpId>() }, [b.program()])).toEqual([]);
  });
});

describe('the WebGPU backend refuses up front', () => {
  it('float64', async () => {
    await expect(createWebGpuBackend({ precision: 'f64', softwareFallback: true })).rejects.toThrow('computes in float32 only');
  });

  it('a tensor larger than the largest buffer the GPU binds, before anything runs', async () => {
    const gpu = await createWebGpuBackend({ softwareFallback: true });
    const b = new Builder();
    // 2³⁰ floats = 4 GiB: more than any current GPU binds at once (maxStorageBufferBindingSize ≤ 2 GiB here and on most).
    b.output('y', b.op('constant', [], { shape: [32768, 32768], value: 1, dtype: 'f32' }));
    const runner = createRunner(gpu, b.program());
    await expect(runner.run({})).rejects.toThrow(/a tensor of 1073741824 values \(4096\.0 MiB\) is larger than the largest buffer this GPU can bind \(\d+\.\d MiB, maxStorageBufferBindingSize\)/);
    runner.dispose();
    gpu.dispose();
  });
});
