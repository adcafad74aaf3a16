/** Runs IR programs on the float64 CPU backend for gradient checks. */
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import type { HostTensor } from '../../engine/backends/backend.ts';
import type { ProgramRunner } from '../../engine/backends/executor-api.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import type { DType } from '../../engine/ir/ops.ts';
import type { Program } from '../../engine/ir/program.ts';

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: readonly number[];
  readonly dtype: DType;
}

export function hostTensor({ shape, data, dtype }: Tensor): HostTensor {
  return { shape, dtype, data: dtype === 'i32' ? Int32Array.from(data) : Float64Array.from(data) };
}

/** Runs `use` with a runner of `program` on its own float64 CPU backend, then releases both. */
export async function withRunner<T>(program: Program, use: (runner: ProgramRunner) => Promise<T>): Promise<T> {
  const backend = createCpuBackend({ precision: 'f64' });
  const runner = await createRunner(backend, program);
  try {
    return await use(runner);
  } finally {
    runner.dispose();
    backend.dispose();
  }
}

export async function readNumbers(runner: ProgramRunner, output: string): Promise<number[]> {
  return Array.from((await runner.read(output)).data);
}
