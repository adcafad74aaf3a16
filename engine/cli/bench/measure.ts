/** Timing for benchmarks: untimed setup per run, a few warm-up runs, then the median of the timed runs. */

export interface BenchResult {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly p90Ms: number;
}

const WARMUP = 5;

export function measure<T>(name: string, runs: number, setup: () => T, run: (input: T) => void): BenchResult {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const input = setup();
    const start = performance.now();
    run(input);
    const elapsed = performance.now() - start;
    if (i >= WARMUP) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, runs, medianMs: at(0.5), minMs: times[0]!, p90Ms: at(0.9) };
}
