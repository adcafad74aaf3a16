/**
 * Bundled for the browser by e2e/webgpu-parity.spec.ts: runs the primitive case table on Chromium's WebGPU
 * (navigator.gpu) against the CPU backend in the same page, with the bar the Node test uses.
 */
import { createWebGpuBackend } from '../../engine/backends/webgpu/create.ts';
import { parityProblem, pathsOf } from '../../test/backends/backend-parity.ts';
import { PRIMITIVE_CASES } from '../../test/backends/primitive-cases.ts';

export interface ParityReport {
  readonly adapter: string;
  readonly checked: number;
  readonly problems: readonly string[];
}

async function runParity(): Promise<ParityReport> {
  const gpu = await createWebGpuBackend();
  const problems: string[] = [];
  let checked = 0;
  try {
    for (const c of PRIMITIVE_CASES) {
      for (const path of pathsOf(c)) {
        checked++;
        const problem = await parityProblem(gpu, c, path).catch((error: unknown) => `threw ${error instanceof Error ? error.message : String(error)}`);
        if (problem) problems.push(`${c.name} (${path}): ${problem}`);
      }
    }
  } finally {
    gpu.dispose();
  }
  return { adapter: gpu.gpu.description, checked, problems };
}

(globalThis as unknown as { runParity: typeof runParity }).runParity = runParity;
