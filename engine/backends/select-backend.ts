/**
 * Picks the backend a run uses: WebGPU where it works, else the CPU backend, with the reason for falling back in
 * words the user can act on — no navigator.gpu, no adapter, no device, or a primitive of the programs that the
 * WebGPU backend cannot run (its `unsupported` list, empty today).
 */
import type { OpId } from '../ir/ops.ts';
import type { Program } from '../ir/program.ts';
import type { Backend } from './backend.ts';
import { createCpuBackend } from './cpu/cpu-backend.ts';
import { createWebGpuBackend, WebGpuUnavailableError, type WebGpuBackendOptions } from './webgpu/create.ts';

export type BackendName = Backend['name'];

export interface BackendSelection {
  readonly backend: Backend;
  /** One line for the user: which backend, on what. */
  readonly description: string;
  /** Why the CPU backend runs although WebGPU was preferred; absent when the preferred backend runs. */
  readonly fallbackReason?: string;
}

export interface SelectBackendOptions {
  /** 'webgpu' (default): WebGPU when available, else the CPU; 'cpu': the CPU backend. */
  readonly prefer?: BackendName;
  /** The programs that will run: a primitive the WebGPU backend lacks sends them to the CPU. */
  readonly programs?: readonly Program[];
  readonly webgpu?: WebGpuBackendOptions;
}

/** The primitives of `programs` that `backend` cannot run, each once, in first-use order. */
export function unsupportedPrimitives(backend: Pick<Backend, 'unsupported'>, programs: readonly Program[]): OpId[] {
  const ops = new Set(programs.flatMap((p) => p.ops.map((op) => op.op)));
  return [...ops].filter((op) => backend.unsupported.has(op));
}

function onCpu(fallbackReason?: string): BackendSelection {
  const backend = createCpuBackend({ precision: 'f32' });
  return { backend, description: 'CPU backend (float32)', ...(fallbackReason ? { fallbackReason } : {}) };
}

export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendSelection> {
  if ((options.prefer ?? 'webgpu') === 'cpu') return onCpu();
  let gpu;
  try {
    gpu = await createWebGpuBackend(options.webgpu);
  } catch (error) {
    if (error instanceof WebGpuUnavailableError) return onCpu(error.reason);
    throw error;
  }
  const missing = unsupportedPrimitives(gpu, options.programs ?? []);
  if (missing.length > 0) {
    gpu.dispose();
    return onCpu(`the WebGPU backend cannot run ${missing.join(', ')}`);
  }
  return { backend: gpu, description: `WebGPU backend on ${gpu.gpu.description}` };
}
