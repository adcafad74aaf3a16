/**
 * Runs one workload on netloom's CPU backend and on TensorFlow.js's cpu and wasm backends, one engine after the
 * other in this process, and formats the results: a rate per engine (samples/s, GFLOP/s) with netloom's ratio to
 * each tfjs backend, then the step times behind them. An engine that cannot run the workload is reported with
 * its error instead of stopping the benchmark.
 */
import { grouped, table } from '../format.ts';
import { loadTfjs, useTfjsBackend, type Tfjs, type TfjsBackend } from './tfjs-runtime.ts';
import { timeSteps, type Stepper, type StepTiming } from './training-timing.ts';

export const ENGINES = ['netloom cpu', 'tfjs cpu', 'tfjs wasm'] as const;
export type Engine = (typeof ENGINES)[number];

const TFJS_BACKEND: Readonly<Record<Exclude<Engine, 'netloom cpu'>, TfjsBackend>> = { 'tfjs cpu': 'cpu', 'tfjs wasm': 'wasm' };

export interface Workload {
  readonly name: string;
  /** Units of work in one step (samples, floating-point operations), for the rate column. */
  readonly workPerStep: number;
  netloom(): Stepper;
  /** Builds the tfjs side on the backend that is active when it is called. */
  tfjs(tf: Tfjs): Stepper;
}

export type EngineOutcome = { readonly timing: StepTiming } | { readonly error: string };

export interface Comparison {
  readonly workload: Workload;
  readonly outcomes: Readonly<Record<Engine, EngineOutcome>>;
}

export async function compareEngines(workload: Workload): Promise<Comparison> {
  const outcomes: Partial<Record<Engine, EngineOutcome>> = {};
  outcomes['netloom cpu'] = await timed(() => workload.netloom());
  for (const engine of ['tfjs cpu', 'tfjs wasm'] as const) {
    outcomes[engine] = await timed(async () => {
      const tf = await loadTfjs();
      await useTfjsBackend(tf, TFJS_BACKEND[engine]);
      return workload.tfjs(tf);
    });
  }
  return { workload, outcomes: outcomes as Record<Engine, EngineOutcome> };
}

async function timed(create: () => Stepper | Promise<Stepper>): Promise<EngineOutcome> {
  let stepper: Stepper | undefined;
  try {
    stepper = await create();
    return { timing: await timeSteps(stepper) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    stepper?.dispose();
  }
}

/** Rates per engine and netloom's ratios; `unit` names the rate (samples/s, GFLOP/s). */
export function comparisonTable(comparisons: readonly Comparison[], unit: string, rate: (workPerStep: number, msPerStep: number) => number): string {
  const rateOf = (c: Comparison, engine: Engine): number | undefined => {
    const outcome = c.outcomes[engine];
    return 'timing' in outcome ? rate(c.workload.workPerStep, outcome.timing.medianMs) : undefined;
  };
  const rows = comparisons.map((c) => {
    const ours = rateOf(c, 'netloom cpu');
    const ratio = (engine: Engine): string => {
      const theirs = rateOf(c, engine);
      return ours === undefined || theirs === undefined ? '—' : `${significant(ours / theirs)}×`;
    };
    return [c.workload.name, ...ENGINES.map((e) => formatRate(rateOf(c, e))), ratio('tfjs cpu'), ratio('tfjs wasm')];
  });
  return table(['', ...ENGINES.map((e) => `${e} ${unit}`), 'netloom/tfjs-cpu', 'netloom/tfjs-wasm'], rows, [false, true, true, true, true, true]);
}

/** Median, fastest and slowest ms per step of every engine and how they were measured; then why any failed. */
export function stepTimesTable(comparisons: readonly Comparison[]): string {
  const failures: string[] = [];
  const rows = comparisons.flatMap((c) => ENGINES.map((engine) => {
    const outcome = c.outcomes[engine];
    if ('error' in outcome) {
      failures.push(`${engine} failed on ${c.workload.name}: ${outcome.error}`);
      return [c.workload.name, engine, 'failed', '—', '—', '—'];
    }
    const t = outcome.timing;
    return [c.workload.name, engine, significant(t.medianMs), significant(t.minMs), significant(t.maxMs), `${t.stepsPerRepeat} × ${t.repeats}`];
  }));
  const times = table(['', 'engine', 'median ms/step', 'min', 'max', 'steps × repeats'], rows, [false, false, true, true, true, true]);
  return [times, ...failures].join('\n');
}

function formatRate(value: number | undefined): string {
  return value === undefined ? 'failed' : significant(value);
}

/** At least three significant digits, grouped thousands, no exponent notation. */
function significant(value: number): string {
  return value >= 100 ? grouped(value) : value.toPrecision(3);
}
