/**
 * `netloom train <graph.json> [--epochs N] [--batch-size B] [--lr X] [--seed S] [--validation-split F]
 * [--backend cpu|webgpu] [--save weights.safetensors] [--json]`.
 * Exit codes: 0 trained, 1 training failed (a non-finite loss or gradient), 2 bad input (file, graph, data, flags).
 */
import type { Catalog } from '../compile/node-kind.ts';
import type { Backend } from '../backends/backend.ts';
import { selectBackend } from '../backends/select-backend.ts';
import { nodeFileReader } from '../data/node-files.ts';
import { NonFiniteError } from '../train/nan-guard.ts';
import { resolveTrainingSettings, type TrainingOverrides } from '../train/settings.ts';
import { Trainer, type EpochReport, type Evaluation, type StepReport } from '../train/trainer.ts';
import { loadGraphData } from '../train/load-graph-data.ts';
import type { ParsedArgs } from './args.ts';
import { invalid } from './check.ts';
import { fileErrorReason, readGraphFile } from './read-graph-file.ts';
import { saveTensors } from './tensor-files.ts';

export interface TrainIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Rewrites the progress line on a terminal; absent when stderr is not a TTY. */
  readonly progress?: (text: string) => void;
}

export const TRAIN_VALUED_FLAGS = ['epochs', 'batch-size', 'lr', 'seed', 'validation-split', 'backend', 'save'] as const;

type FlagResult = { ok: true; overrides: TrainingOverrides } | { ok: false; message: string };

function numberFlag(args: ParsedArgs, flag: string, check: (x: number) => boolean, what: string): number | undefined | string {
  const raw = args.flags.get(flag);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw === true || !Number.isFinite(value) || !check(value)) return `--${flag} must be ${what}, got ${raw === true ? 'nothing' : JSON.stringify(raw)}`;
  return value;
}

function readOverrides(args: ParsedArgs): FlagResult {
  const whole = (min: number) => (x: number) => Number.isInteger(x) && x >= min;
  const fields = {
    epochs: numberFlag(args, 'epochs', whole(1), 'a whole number ≥ 1'),
    batchSize: numberFlag(args, 'batch-size', whole(1), 'a whole number ≥ 1'),
    learningRate: numberFlag(args, 'lr', (x) => x > 0, 'a positive number'),
    seed: numberFlag(args, 'seed', (x) => whole(0)(x) && x < 2 ** 32, 'a whole number in [0, 2³²)'),
    validationSplit: numberFlag(args, 'validation-split', (x) => x >= 0 && x <= 0.9, 'a fraction in [0, 0.9]'),
  };
  const problem = Object.values(fields).find((v): v is string => typeof v === 'string');
  if (problem) return { ok: false, message: problem };
  const overrides = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as TrainingOverrides;
  return { ok: true, overrides };
}

const percent = (x: number | undefined): string => (x === undefined ? '' : `${(100 * x).toFixed(1)}%`);

/** `loss 0.41 acc 91.2%` for the first loss node of an evaluation, with a prefix such as `val_`. */
function describe(evaluation: Evaluation | undefined, prefix: string): string {
  if (!evaluation) return '';
  const [first] = Object.values(evaluation);
  if (!first) return '';
  const m = first.metrics;
  const parts = [`${prefix}loss ${first.loss.toFixed(4)}`];
  if (m?.accuracy !== undefined) parts.push(`${prefix}acc ${percent(m.accuracy)}`);
  if (m?.mse !== undefined) parts.push(`${prefix}mse ${m.mse.toPrecision(4)}`, `${prefix}mae ${m.mae!.toPrecision(4)}`);
  return parts.join('  ');
}

function epochLine(r: EpochReport, epochs: number): string {
  return [
    `epoch ${r.epoch}/${epochs}`,
    describe(r.train, ''),
    describe(r.validation, 'val_'),
    describe(r.test, 'test_'),
    `${Math.round(r.samplesPerSecond)} samples/s`,
    `${r.seconds.toFixed(1)} s`,
  ].filter(Boolean).join('   ');
}

function progressBar(s: StepReport, epochs: number): string {
  const width = 24;
  const filled = Math.round((width * s.iteration) / s.iterations);
  const loss = Object.values(s.losses)[0];
  // A loss that adds up several loss nodes shows each: "loss 0.7312 (recon 0.6901, kl 0.0411)".
  const terms = s.terms ? ` (${Object.entries(s.terms).map(([node, value]) => `${node} ${value.toFixed(4)}`).join(', ')})` : '';
  return `epoch ${s.epoch}/${epochs} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${s.iteration}/${s.iterations}  loss ${loss?.toFixed(4) ?? '?'}${terms}`;
}

export async function trainCommand(path: string, args: ParsedArgs, catalog: Catalog, io: TrainIo): Promise<number> {
  const json = args.flags.has('json');
  const fail = (message: string): number => {
    if (json) io.out(JSON.stringify({ ok: false, error: message }));
    else io.err(`netloom train: ${message}`);
    return 2;
  };
  const backendName = args.flags.get('backend') ?? 'cpu';
  if (backendName !== 'cpu' && backendName !== 'webgpu') return fail(`--backend must be cpu or webgpu, got ${JSON.stringify(backendName)}`);
  const flags = readOverrides(args);
  if (!flags.ok) return fail(flags.message);
  const save = args.flags.get('save');
  if (save === true) return fail('--save needs a file name, e.g. --save weights.safetensors');

  const parsed = await readGraphFile(path);
  if (!parsed.ok) return invalid(io, json, path, parsed.errors);
  const settings = resolveTrainingSettings(parsed.graph.training, flags.overrides);

  let trainer: Trainer;
  let backend: Backend | undefined;
  try {
    const data = await loadGraphData(parsed.graph, catalog, { seed: settings.seed, readFile: nodeFileReader() });
    // Without a GPU driver, WebGPU may still run on SwiftShader (Chromium's software Vulkan), slowly: say which.
    const selection = await selectBackend({ prefer: backendName, webgpu: { softwareFallback: true } });
    backend = selection.backend;
    if (selection.fallbackReason) io.err(`netloom train: WebGPU is not available (${selection.fallbackReason}); training on the CPU backend`);
    else if (backendName === 'webgpu') io.err(`netloom train: ${selection.description}`);
    trainer = Trainer.create(parsed.graph, catalog, { backend, settings, data });
  } catch (error) {
    backend?.dispose();
    return fail(error instanceof Error ? error.message : String(error));
  }

  const started = performance.now();
  try {
    const result = await trainer.fit({
      onStep: (s) => io.progress?.(progressBar(s, settings.epochs)),
      onEpoch: (r) => {
        io.progress?.('');
        io.out(json ? JSON.stringify({ ...r, type: 'epoch' }) : epochLine(r, settings.epochs));
      },
    });
    const last = result.epochs[result.epochs.length - 1];
    if (save) {
      try {
        await saveTensors(save, await trainer.stateDict());
      } catch (error) {
        return fail(`cannot save the weights to ${save}: ${fileErrorReason(error)}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    if (json) io.out(JSON.stringify({ type: 'final', ok: true, stopReason: result.stopReason, epochs: result.epochs.length, seconds, final: last, ...(save ? { saved: save } : {}) }));
    else {
      io.out(`trained ${result.epochs.length} epoch${result.epochs.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s${result.stopReason === 'early-stopping' ? ' (early stopping: no better validation loss)' : ''}`);
      if (last) io.out(`final: ${[describe(last.train, 'train_'), describe(last.validation, 'val_'), describe(last.test, 'test_')].filter(Boolean).join('   ')}`);
      if (save) io.out(`weights saved to ${save}`);
    }
    return 0;
  } catch (error) {
    io.progress?.('');
    if (error instanceof NonFiniteError) {
      if (json) io.out(JSON.stringify({ type: 'final', ok: false, error: error.message, node: error.report?.node ?? null, cause: error.report?.cause ?? null }));
      else io.err(`netloom train: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    trainer.dispose();
    backend.dispose();
  }
}
