/** `netloom bench`: runs the benchmarks and prints medians (speed lives here, never in timed unit tests). */
import { CATALOG } from '../../nodes/index.ts';
import { analysisBenchmarks } from './bench/analysis.ts';
import { table } from './format.ts';

export async function benchCommand(runs: number, io: { out: (t: string) => void }): Promise<number> {
  io.out(`netloom bench — ${runs} timed runs each after 5 warm-up runs; node ${process.version}\n`);
  const results = analysisBenchmarks(CATALOG, runs);
  io.out(table(['Benchmark', 'median ms', 'min ms', 'p90 ms'],
    results.map((r) => [r.name, r.medianMs.toFixed(3), r.minMs.toFixed(3), r.p90Ms.toFixed(3)]), [false, true, true, true]));
  return 0;
}
