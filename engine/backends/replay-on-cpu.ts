/**
 * NaN and ∞ cannot be trusted inside WGSL (a GPU compiler may assume they never occur), so when a step on the GPU
 * comes back with a non-finite loss or gradient norm, the step is replayed on the CPU backend to find the first
 * node whose output went non-finite: a CPU runner of the same program gets the GPU runner's params and buffers
 * (the step guard left them as they were before the bad step) and runs the same feeds with the same seed, so its
 * random ops draw the same masks. The trainer's NaN guard calls this with its diagnosis:
 *
 *   replayOnCpu(runner, { feeds, seed, precision }, (cpu, replay) => diagnoseNonFinite(cpu, firstBackwardValue, replay, lr))
 */
import type { HostTensor, Precision } from './backend.ts';
import { createCpuBackend } from './cpu/cpu-backend.ts';
import type { ProgramRunner } from './executor-api.ts';
import { createRunner } from './executor.ts';

export interface ReplayStep {
  readonly feeds: Readonly<Record<string, HostTensor>>;
  readonly seed: number;
  /** The precision the step ran in (the CPU replays in the same one). */
  readonly precision: Precision;
}

/**
 * Calls `diagnose` with a CPU runner holding `runner`'s state and `replay`, which runs the step there keeping every
 * value (readable with `readValue`); the CPU runner is disposed afterwards.
 */
export async function replayOnCpu<T>(
  runner: ProgramRunner, step: ReplayStep, diagnose: (cpu: ProgramRunner, replay: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const backend = createCpuBackend({ precision: step.precision });
  const cpu = createRunner(backend, runner.program);
  try {
    for (const name of runner.stateNames) cpu.setState(name, await runner.getState(name));
    return await diagnose(cpu, () => cpu.run(step.feeds, { seed: step.seed, keepAll: true }));
  } finally {
    cpu.dispose();
    backend.dispose();
  }
}
