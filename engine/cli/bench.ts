/** `netloom bench`: runs the benchmarks and prints medians (speed lives here, never in timed unit tests). */
import { CATALOG } from '../../nodes/index.ts';
import { analysisBenchmarks } from './bench/analysis.ts';
import { gflopsPerSecond, matmulWorkload } from './bench/matmul.ts';
import { compareEngines, comparisonTable, stepTimesTable, type Comparison, type Workload } from './bench/tfjs-comparison.ts';
import { BATCH, LEARNING_RATE } from './bench/training-models.ts';
import { samplesPerSecond, trainingWorkloads } from './bench/training-workloads.ts';
import { webgpuSection } from './bench/webgpu-section.ts';
import { table } from './format.ts';

export const BENCH_SECTIONS = ['analysis', 'training', 'matmul', 'webgpu'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];
/** The WebGPU section runs only when asked for (`--only webgpu` or `--backend webgpu`): it needs a WebGPU adapter. */
const DEFAULT_SECTIONS: readonly BenchSection[] = ['analysis', 'training', 'matmul'];

interface Io {
  out: (t: string) => void;
  err: (t: string) => void;
}

/**
 * `only` limits the run to one section (`--only training`); the default sections run otherwise. `backend` 'webgpu'
 * (`--backend webgpu`) runs the WebGPU section, which measures the CPU backend beside it.
 */
export async function benchCommand(runs: number, io: Io, only?: string, backend?: string): Promise<number> {
  if (only !== undefined && !(BENCH_SECTIONS as readonly string[]).includes(only)) {
    io.err(`netloom bench: --only takes one of ${BENCH_SECTIONS.join(', ')}, not ${JSON.stringify(only)}`);
    return 2;
  }
  if (backend !== undefined && backend !== 'cpu' && backend !== 'webgpu') {
    io.err(`netloom bench: --backend must be cpu or webgpu, got ${JSON.stringify(backend)}`);
    return 2;
  }
  const requested = only ?? (backend === 'webgpu' ? 'webgpu' : undefined);
  const wanted = (section: BenchSection): boolean => (requested === undefined ? DEFAULT_SECTIONS.includes(section) : requested === section);
  io.out(`netloom bench — node ${process.version}\n`);
  if (wanted('analysis')) {
    io.out(`Graph analysis (${runs} timed runs each after 5 warm-up runs)`);
    const results = analysisBenchmarks(CATALOG, runs);
    io.out(table(['Benchmark', 'median ms', 'min ms', 'p90 ms'],
      results.map((r) => [r.name, r.medianMs.toFixed(3), r.minMs.toFixed(3), r.p90Ms.toFixed(3)]), [false, true, true, true]));
    io.out('');
  }
  if (wanted('training')) {
    const comparisons = await compareAll(trainingWorkloads(CATALOG), io);
    io.out(`Training throughput: batch ${BATCH}, random data, cross-entropy, SGD lr ${LEARNING_RATE}, float32`);
    io.out(comparisonTable(comparisons, 'samples/s', samplesPerSecond));
    io.out(stepTimesTable(comparisons));
    io.out('');
  }
  if (wanted('matmul')) {
    const comparisons = await compareAll([matmulWorkload()], io);
    io.out('Matrix multiply, product read back every step');
    io.out(comparisonTable(comparisons, 'GFLOP/s', gflopsPerSecond));
    io.out(stepTimesTable(comparisons));
  }
  if (wanted('webgpu')) await webgpuSection(CATALOG, io);
  return 0;
}

/** One workload at a time, saying which, since the slow tfjs cases take tens of seconds. */
async function compareAll(workloads: readonly Workload[], io: Io): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  for (const workload of workloads) {
    io.err(`  measuring ${workload.name} …`);
    comparisons.push(await compareEngines(workload));
  }
  return comparisons;
}
