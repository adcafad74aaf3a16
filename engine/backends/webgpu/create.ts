/**
 * `createWebGpuBackend(options?)`: the WebGPU backend on this environment's GPU — `navigator.gpu` in a browser or a
 * worker, the `webgpu` package (Dawn) in Node. Throws WebGpuUnavailableError, with the reason, where there is no
 * WebGPU, no adapter or no device; select-backend.ts turns that into a CPU fallback.
 */
import type { Precision } from '../backend.ts';
import { isNode, requestNodeAdapter } from './node-gpu.ts';
import { createWebGpuBackendOnDevice, REQUIRED_LIMITS, type GpuDescription, type WebGpuBackend } from './webgpu-backend.ts';

export interface WebGpuBackendOptions {
  /** Only 'f32': WebGPU computes in float32 (float64 gradient checks run on the CPU backend). */
  readonly precision?: Precision;
  /**
   * The WebGPU entry point to use instead of the environment's (navigator.gpu or Dawn); `null` means none. Tests
   * pass one whose requestAdapter finds nothing to check the fallback.
   */
  readonly gpu?: GPU | null;
  /** Node only: when the machine's Vulkan drivers give no adapter, retry on SwiftShader if it is installed. */
  readonly softwareFallback?: boolean;
  readonly powerPreference?: GPUPowerPreference;
}

/** WebGPU cannot run here; `reason` says why, for the user. */
export class WebGpuUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`WebGPU is not available: ${reason}`);
    this.name = 'WebGpuUnavailableError';
  }
}

async function findAdapter(options: WebGpuBackendOptions): Promise<{ adapter: GPUAdapter; note: string }> {
  const preference = options.powerPreference ? { powerPreference: options.powerPreference } : undefined;
  let adapter: GPUAdapter | null;
  let note: string;
  if (options.gpu !== undefined || (typeof navigator !== 'undefined' && navigator.gpu)) {
    const gpu = options.gpu === undefined ? navigator.gpu : options.gpu;
    if (!gpu) throw new WebGpuUnavailableError('no WebGPU implementation was given');
    adapter = await gpu.requestAdapter(preference);
    // 'system driver' is the note describe() leaves out: the browser found an adapter the ordinary way.
    note = adapter ? 'system driver' : 'no adapter: the browser offers WebGPU but no GPU (in Chromium without a GPU, start it with --enable-unsafe-webgpu)';
  } else if (isNode()) {
    ({ adapter, note } = await requestNodeAdapter({ softwareFallback: options.softwareFallback ?? false, ...(preference ?? {}) }));
  } else {
    throw new WebGpuUnavailableError('this environment has no navigator.gpu (a browser without WebGPU, or WebGPU switched off)');
  }
  if (!adapter) throw new WebGpuUnavailableError(note);
  return { adapter, note };
}

function describe(adapter: GPUAdapter, note: string): GpuDescription {
  const info = adapter.info;
  const name = info.description || [info.vendor, info.architecture, info.device].filter(Boolean).join(' ') || 'an unnamed GPU';
  const isFallbackAdapter = info.isFallbackAdapter === true;
  return {
    description: `${name}${isFallbackAdapter ? ' — a software fallback adapter: results are right, speeds say nothing about a GPU' : ''}${note === 'system driver' ? '' : ` (${note})`}`,
    isFallbackAdapter,
  };
}

export async function createWebGpuBackend(options: WebGpuBackendOptions = {}): Promise<WebGpuBackend> {
  if ((options.precision ?? 'f32') !== 'f32') {
    throw new Error('the WebGPU backend computes in float32 only; run float64 (gradient checks) on the CPU backend');
  }
  const { adapter, note } = await findAdapter(options);
  for (const [name, needed] of Object.entries(REQUIRED_LIMITS)) {
    const has = adapter.limits[name as keyof typeof REQUIRED_LIMITS];
    if (has < needed) throw new WebGpuUnavailableError(`the adapter's ${name} is ${has}; the WebGPU backend's kernels need ${needed}`);
  }
  let device: GPUDevice;
  try {
    // The adapter's own limits, not the defaults: the largest buffer decides the largest tensor.
    device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
  } catch (error) {
    throw new WebGpuUnavailableError(`the adapter refused to create a device: ${error instanceof Error ? error.message : String(error)}`);
  }
  return createWebGpuBackendOnDevice(device, describe(adapter, note));
}
