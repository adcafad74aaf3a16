/**
 * Timing for step-based benchmarks (training steps, repeated kernels): warm-up steps, then the median time per
 * step over several timed repetitions of a fixed number of steps. A repetition has at most MAX_STEPS steps, fewer
 * when a step is slow, so the slowest peers (tfjs-cpu convolutions take seconds per step) still fit the run.
 */

/** Something that advances in whole steps and has their results on the host when `run` resolves. */
export interface Stepper {
  run(steps: number): Promise<void>;
  dispose(): void;
}

export interface StepTiming {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly stepsPerRepeat: number;
  readonly repeats: number;
}

const WARMUP_STEPS = 3;
const MAX_STEPS = 20;
const REPEATS = 5;
/** Each repetition aims at about this long; a step slower than this makes a repetition of one step. */
const REPEAT_BUDGET_MS = 2000;
/** Steps slower than the whole budget get fewer repetitions (and fewer warm-up steps) to keep the run short. */
const SLOW_REPEATS = 3;

export async function timeSteps(stepper: Stepper): Promise<StepTiming> {
  let lastMs = Infinity;
  for (let i = 0; i < WARMUP_STEPS; i++) {
    lastMs = await elapsedMs(() => stepper.run(1));
    if (lastMs > REPEAT_BUDGET_MS) break;
  }
  const stepsPerRepeat = Math.max(1, Math.min(MAX_STEPS, Math.floor(REPEAT_BUDGET_MS / lastMs)));
  const repeats = lastMs > REPEAT_BUDGET_MS ? SLOW_REPEATS : REPEATS;
  const perStep: number[] = [];
  for (let r = 0; r < repeats; r++) perStep.push((await elapsedMs(() => stepper.run(stepsPerRepeat))) / stepsPerRepeat);
  perStep.sort((a, b) => a - b);
  return { medianMs: perStep[Math.floor(perStep.length / 2)]!, minMs: perStep[0]!, maxMs: perStep[perStep.length - 1]!, stepsPerRepeat, repeats };
}

async function elapsedMs(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
