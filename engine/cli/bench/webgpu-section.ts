/**
 * `netloom bench --backend webgpu`: the WebGPU backend beside the CPU backend in one run — matrix products of three
 * sizes (GFLOP/s), a convolution's forward and backward passes (ms), and training throughput of the benchmark MLP
 * and CNN (samples/s). On a software adapter (SwiftShader) the WebGPU figures only show that it runs.
 */
import type { Backend } from '../../backends/backend.ts';
import { createCpuBackend } from '../../backends/cpu/cpu-backend.ts';
import { createWebGpuBackend } from '../../backends/webgpu/create.ts';
import type { WebGpuBackend } from '../../backends/webgpu/webgpu-backend.ts';
import type { Catalog } from '../../compile/node-kind.ts';
import { table } from '../format.ts';
import { gflopsPerSecond } from './matmul.ts';
import { randomTrainingRows } from './training-data.ts';
import { BATCH, TRAINING_MODELS } from './training-models.ts';
import { timeSteps, type Stepper } from './training-timing.ts';
import { samplesPerSecond } from './training-workloads.ts';
import { BENCH_CONV, convOutputShape, convStepper, matmulStepper } from './webgpu-kernels.ts';
import { trainerOn } from './training-on-backend.ts';

export const MATMUL_SIZES = [512, 1024, 2048] as const;

interface Row {
  readonly name: string;
  readonly unit: string;
  /** The figure from ms per step (higher is better for rates, lower for times). */
  readonly figure: (msPerStep: number) => number;
  readonly stepper: (backend: Backend) => Stepper;
}

interface Io {
  out: (t: string) => void;
  err: (t: string) => void;
}

function rows(catalog: Catalog): Row[] {
  const conv = BENCH_CONV;
  return [
    ...MATMUL_SIZES.map((n): Row => ({
      name: `matmul ${n}×${n}×${n}`, unit: 'GFLOP/s', figure: (ms) => gflopsPerSecond(2 * n ** 3, ms), stepper: (b) => matmulStepper(b, n),
    })),
    {
      name: `conv [${conv.input.join(',')}] ⊛ [${conv.weight.join(',')}] → [${convOutputShape(conv).join(',')}], forward + both gradients`,
      unit: 'ms', figure: (ms) => ms, stepper: (b) => convStepper(b, conv),
    },
    ...TRAINING_MODELS.map((model): Row => {
      const data = randomTrainingRows(model.layout);
      return { name: `training ${model.name}, batch ${BATCH}`, unit: 'samples/s', figure: (ms) => samplesPerSecond(BATCH, ms), stepper: (b) => trainerOn(b, catalog, model, data) };
    }),
  ];
}

async function measure(row: Row, backend: Backend): Promise<string> {
  let stepper: Stepper | undefined;
  try {
    stepper = row.stepper(backend);
    const { medianMs } = await timeSteps(stepper);
    const value = row.figure(medianMs);
    return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    stepper?.dispose();
  }
}

export async function webgpuSection(catalog: Catalog, io: Io): Promise<void> {
  let gpu: WebGpuBackend;
  try {
    gpu = await createWebGpuBackend({ softwareFallback: true });
  } catch (error) {
    io.out(`WebGPU: not measured — ${error instanceof Error ? error.message : String(error)}\n`);
    return;
  }
  const cpu = createCpuBackend({ precision: 'f32' });
  io.out(`WebGPU backend beside the CPU backend (float32; operands on the device, each step waits for the device)`);
  io.out(`GPU: ${gpu.gpu.description}`);
  if (gpu.gpu.isFallbackAdapter) {
    io.out('SwiftShader emulates a GPU on the CPU: its WebGPU figures only prove that the backend runs, not how fast a GPU is.');
  }
  const results: string[][] = [];
  try {
    for (const row of rows(catalog)) {
      io.err(`  measuring ${row.name} …`);
      results.push([row.name, row.unit, await measure(row, cpu), await measure(row, gpu)]);
    }
  } finally {
    cpu.dispose();
    gpu.dispose();
  }
  io.out(table(['Benchmark', 'unit', 'cpu', 'webgpu'], results, [false, false, true, true]));
  io.out('');
}
