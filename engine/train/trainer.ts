/**
 * A training run: compiled step programs on a backend, the data streams, and the loop — steps, epochs, evaluation,
 * early stopping and the NaN guard. The command line and the browser's training worker both drive this class.
 */
import type { Backend, HostTensor } from '../backends/backend.ts';
import { createRunner } from '../backends/executor.ts';
import type { ProgramRunner } from '../backends/executor-api.ts';
import { initialState } from '../backends/init-state.ts';
import { replayOnCpu } from '../backends/replay-on-cpu.ts';
import type { Catalog } from '../compile/node-kind.ts';
import type { GraphDocument } from '../graph/types.ts';
import { checkWeights } from './check-weights.ts';
import { compileTraining, gradientNormOutput, STEP_GRAD_NORM, STEP_LOSS, stepTermOutput, type CompiledTraining, type StepProgram } from './compile-training.ts';
import { BatchStream, splitValidation, type DataSplit, type SourceData, type SourceSplits } from './data-streams.ts';
import { MetricAccumulator, metricTaskOf, type Metrics } from './metrics.ts';
import { diagnoseNonFinite, NonFiniteError } from './nan-guard.ts';
import { sampleCount, takeRows } from './rows.ts';
import { learningRateOf } from './optimizers/build-step.ts';
import { SeededRandom } from './seeded-random.ts';
import type { ResolvedTrainingSettings } from './settings.ts';

export interface StepReport {
  readonly epoch: number;
  /** 1-based iteration within the epoch, and how many the epoch has. */
  readonly iteration: number;
  readonly iterations: number;
  /** Loss of each optimizer's last update, by optimizer node id. */
  readonly losses: Readonly<Record<string, number>>;
  /**
   * By loss node id, the value of each loss node that an optimizer's loss adds up with others (a VAE's
   * reconstruction and KL), at that optimizer's last update of the iteration; absent when every optimizer minimises
   * a single loss node, whose value `losses` already is.
   */
  readonly terms?: Readonly<Record<string, number>>;
  readonly gradNorms: Readonly<Record<string, number>>;
  readonly samples: number;
}

export interface LossEvaluation {
  readonly loss: number;
  readonly metrics?: Metrics;
}

/** Per loss node: its mean value and metrics over a split. */
export type Evaluation = Readonly<Record<string, LossEvaluation>>;

export interface EpochReport {
  readonly epoch: number;
  /** Mean training loss of each optimizer's updates over the epoch. */
  readonly trainLoss: Readonly<Record<string, number>>;
  readonly learningRates: Readonly<Record<string, number>>;
  readonly train: Evaluation;
  readonly validation?: Evaluation;
  readonly test?: Evaluation;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

export interface FitCallbacks {
  onStep?(report: StepReport): void | Promise<void>;
  onEpoch?(report: EpochReport): void | Promise<void>;
  /** Asked after every step (and between epochs); true stops the run there — a later call continues. */
  shouldStop?(): boolean;
}

export interface FitResult {
  readonly epochs: readonly EpochReport[];
  readonly stopReason: 'completed' | 'early-stopping' | 'stopped';
}

export interface TrainerOptions {
  readonly backend: Backend;
  readonly settings: ResolvedTrainingSettings;
  /** Data of each Dataset node, by node id. */
  readonly data: Readonly<Record<string, SourceData>>;
  /** Dropout and batch norm while training: 'train' (default) or frozen 'eval' (see compile-training.ts). */
  readonly mode?: 'train' | 'eval';
}

/** What an epoch's updates add up to (before evaluation). */
export interface EpochTotals {
  readonly trainLoss: Readonly<Record<string, number>>;
  readonly learningRates: Readonly<Record<string, number>>;
  readonly samples: number;
  /** Time spent training, paused time excluded. */
  readonly seconds: number;
  /** shouldStop said yes after the epoch's last step: the caller should stop once it has dealt with the epoch. */
  readonly stopRequested: boolean;
}

interface EpochInProgress {
  iteration: number;
  samples: number;
  activeMs: number;
  readonly sums: number[];
  readonly counts: number[];
  readonly learningRates: Record<string, number>;
}

const EVAL_BATCH = 512;

export class Trainer {
  private readonly runners: ProgramRunner[] = [];
  private readonly evaluator: ProgramRunner;
  private readonly splits = new Map<string, SourceSplits>();
  private readonly epochStreams = new Map<string, BatchStream>();
  private readonly extraStreams = new Map<string, BatchStream>();
  private readonly updatesDone: number[];
  private readonly dropoutSeeds: SeededRandom;
  private epochsDone = 0;
  private inspector: ProgramRunner | undefined;
  /** The epoch under way, when a run stopped in the middle of one. */
  private current: EpochInProgress | undefined;
  private readonly history: EpochReport[] = [];
  private bestValidation = Infinity;
  private epochsSinceBest = 0;

  private constructor(readonly compiled: CompiledTraining, private readonly options: TrainerOptions) {
    const { settings, backend } = options;
    const splitRandom = new SeededRandom(settings.seed, 'validation split');
    const shuffle = new SeededRandom(settings.seed, 'shuffle');
    const extra = new SeededRandom(settings.seed, 'extra batches');
    for (const source of compiled.plan.datasets) {
      const data = options.data[source.node];
      if (!data) throw new Error(`no data was loaded for Dataset node ${source.node}`);
      const splits = splitValidation(data, settings.validationSplit, splitRandom);
      this.splits.set(source.node, splits);
      this.epochStreams.set(source.node, new BatchStream(splits.train, shuffle));
      this.extraStreams.set(source.node, new BatchStream(splits.train, extra));
    }
    this.dropoutSeeds = new SeededRandom(settings.seed, 'random ops');
    for (const step of compiled.steps) {
      this.runners.push(createRunner(backend, step.program, this.runners[0] ? { shareStateWith: this.runners[0] } : {}));
    }
    this.evaluator = createRunner(backend, compiled.evaluation, { shareStateWith: this.runners[0]! });
    this.updatesDone = compiled.steps.map(() => 0);
    this.initialiseWeights();
  }

  static create(doc: GraphDocument, catalog: Catalog, options: TrainerOptions): Trainer {
    const result = compileTraining(doc, catalog, options.mode ? { mode: options.mode } : {});
    if (!result.ok) throw new Error(result.message);
    if (result.training.plan.inputs.length > 0) {
      throw new Error(`training reads its data from Dataset nodes, but ${result.training.plan.inputs.join(', ')} ${result.training.plan.inputs.length === 1 ? 'is an Input node' : 'are Input nodes'}; replace with a Dataset node (Input nodes are for \`netloom run\`)`);
    }
    if (result.training.plan.datasets.length === 0) throw new Error('the graph has no Dataset node to train on');
    return new Trainer(result.training, options);
  }

  /** (Re-)initialises every weight and buffer from the run's seed, as a fresh model in PyTorch would be. */
  initialiseWeights(): void {
    const seen = new Set<string>();
    for (const runner of [...this.runners, this.evaluator]) {
      for (const [name, tensor] of initialState(runner.program, this.options.settings.seed)) {
        if (!seen.has(name)) runner.setState(name, tensor);
        seen.add(name);
      }
    }
  }

  get epoch(): number {
    return this.epochsDone;
  }

  /** The primary source's training rows (after the validation split): what probes plot the model against. */
  get trainingData(): DataSplit {
    return this.splits.get(this.primary)!.train;
  }

  /** One split of the primary source (undefined where it has none: no validation fraction, no test set). */
  rowsOf(split: 'train' | 'validation' | 'test'): DataSplit | undefined {
    return this.splits.get(this.primary)![split];
  }

  /** The 2-norm of each weight's gradient at its optimizer's latest update (before clipping), by weight name. */
  async gradientNorms(): Promise<Record<string, number>> {
    const norms: Record<string, number> = {};
    for (const [i, step] of this.compiled.steps.entries()) {
      if (this.updatesDone[i] === 0) continue;
      for (const name of step.updates) norms[name] = (await this.runners[i]!.read(gradientNormOutput(name))).data[0]!;
    }
    return norms;
  }

  /**
   * Every node's every output (`node:port`) for some rows of the primary source, in eval mode with the current
   * weights: activations, feature maps, predictions. Rows without labels get zero labels (only losses read them).
   */
  async inspect(rows: { readonly features: HostTensor; readonly labels?: HostTensor }): Promise<Map<string, HostTensor>> {
    this.inspector ??= createRunner(this.options.backend, this.compiled.inspection, { shareStateWith: this.runners[0]! });
    const n = sampleCount(rows.features);
    const labels = rows.labels ?? zeroRows(this.trainingData.labels, n);
    await this.inspector.run(this.feedsFor(this.batchWith({ features: rows.features, labels })), { seed: 0 });
    const out = new Map<string, HostTensor>();
    for (const name of Object.keys(this.compiled.inspection.outputs)) out.set(name, await this.inspector.read(name));
    return out;
  }

  /** How many updates each optimizer has made, by optimizer node id. */
  updateCounts(): Record<string, number> {
    return Object.fromEntries(this.compiled.steps.map((s, i) => [s.optimizer.node, this.updatesDone[i]!]));
  }

  private get primary(): string {
    return this.compiled.plan.datasets[0]!.node;
  }

  /** Batches per epoch of the primary source. */
  get iterationsPerEpoch(): number {
    return Math.ceil(this.epochStreams.get(this.primary)!.size / this.options.settings.batchSize);
  }

  private feedsFor(batch: ReadonlyMap<string, DataSplit>): Record<string, HostTensor> {
    const feeds: Record<string, HostTensor> = {};
    for (const source of this.compiled.plan.datasets) {
      const rows = batch.get(source.node)!;
      feeds[source.featuresInput] = rows.features;
      feeds[source.labelsInput] = rows.labels;
    }
    return feeds;
  }

  /** One batch per source: the primary's from `primaryRows`, the others' from their endless streams. */
  private batchWith(primaryRows: DataSplit): Map<string, DataSplit> {
    const n = sampleCount(primaryRows.features);
    const batch = new Map<string, DataSplit>([[this.primary, primaryRows]]);
    for (const source of this.compiled.plan.datasets.slice(1)) batch.set(source.node, this.extraStreams.get(source.node)!.nextExactly(n));
    return batch;
  }

  learningRate(index: number): number {
    const { kind, params } = this.compiled.steps[index]!.optimizer;
    return learningRateOf(kind, params, this.options.settings.learningRate, this.epochsDone, this.updatesDone[index]!);
  }

  private scalar(x: number): HostTensor {
    return { shape: [], dtype: 'f32', data: this.options.backend.precision === 'f64' ? Float64Array.of(x) : Float32Array.of(x) };
  }

  /** One update of optimizer `index` on `batch`; throws NonFiniteError (weights untouched) on a NaN/∞ loss or gradient. */
  private async update(index: number, batch: ReadonlyMap<string, DataSplit>): Promise<{ loss: number; gradNorm: number; terms: Record<string, number> }> {
    const step: StepProgram = this.compiled.steps[index]!;
    const runner = this.runners[index]!;
    const lr = this.learningRate(index);
    const feeds = { ...this.feedsFor(batch), [step.lrInput]: this.scalar(lr), [step.stepInput]: this.scalar(this.updatesDone[index]! + 1) };
    const seed = this.dropoutSeeds.nextSeed();
    await runner.run(feeds, { seed });
    const loss = (await runner.read(STEP_LOSS)).data[0]!;
    const gradNorm = (await runner.read(STEP_GRAD_NORM)).data[0]!;
    if (!Number.isFinite(loss) || !Number.isFinite(gradNorm)) {
      // Replayed on the CPU backend whatever ran the step: a GPU's shader compiler may assume NaN never occurs.
      const report = await replayOnCpu(runner, { feeds, seed, precision: this.options.backend.precision },
        (cpu, replay) => diagnoseNonFinite(cpu, step.firstBackwardValue, replay, lr));
      const what = !Number.isFinite(loss) ? `the loss became ${loss}` : `the gradient norm became ${gradNorm}`;
      const where = report
        ? `: the first non-finite value (${report.value}) is the output of ${report.node ? `node ${report.node}` : 'an internal value'} (${report.op}, ${report.pass} pass) — likely cause: ${report.cause}`
        : '';
      throw new NonFiniteError(`training stopped at epoch ${this.epochsDone + 1}, update ${this.updatesDone[index]! + 1} of optimizer ${step.optimizer.node}: ${what}${where}. The weights are those before this step.`, report);
    }
    // Each term is one more readback (a GPU→CPU copy and a wait on WebGPU), so only optimizers whose loss adds up
    // several loss nodes have any (step.terms is empty otherwise).
    const terms: Record<string, number> = {};
    for (const node of step.terms) terms[node] = (await runner.read(stepTermOutput(node))).data[0]!;
    this.updatesDone[index]!++;
    return { loss, gradNorm, terms };
  }

  /**
   * Trains until the end of the current epoch, or until `shouldStop` says so after a step; the next call then
   * continues the same epoch where it stopped (same order, same running sums), so a paused run resumes exactly.
   */
  async runEpoch(callbacks: FitCallbacks = {}): Promise<EpochTotals | undefined> {
    const { batchSize } = this.options.settings;
    const stream = this.epochStreams.get(this.primary)!;
    if (!this.current) {
      stream.reshuffle();
      this.current = {
        iteration: 0, samples: 0, activeMs: 0,
        sums: this.compiled.steps.map(() => 0), counts: this.compiled.steps.map(() => 0),
        learningRates: Object.fromEntries(this.compiled.steps.map((s, i) => [s.optimizer.node, this.learningRate(i)])),
      };
    }
    const epoch = this.current;
    const iterations = this.iterationsPerEpoch;
    let stopRequested = false;
    while (epoch.iteration < iterations) {
      const started = performance.now();
      const primaryRows = stream.next(batchSize);
      const batch = this.batchWith(primaryRows);
      const losses: Record<string, number> = {}, gradNorms: Record<string, number> = {}, terms: Record<string, number> = {};
      for (const [i, step] of this.compiled.steps.entries()) {
        for (let k = 0; k < step.optimizer.steps; k++) {
          // The iteration's batch feeds each optimizer's first update; extra updates (k > 1) draw fresh batches.
          const rows = k === 0 ? batch : this.batchWith(this.extraStreams.get(this.primary)!.nextExactly(sampleCount(primaryRows.features)));
          const r = await this.update(i, rows);
          epoch.sums[i]! += r.loss;
          epoch.counts[i]!++;
          losses[step.optimizer.node] = r.loss;
          gradNorms[step.optimizer.node] = r.gradNorm;
          Object.assign(terms, r.terms);
        }
      }
      epoch.iteration++;
      epoch.samples += sampleCount(primaryRows.features);
      epoch.activeMs += performance.now() - started;
      const hasTerms = Object.keys(terms).length > 0;
      await callbacks.onStep?.({ epoch: this.epochsDone + 1, iteration: epoch.iteration, iterations, losses, ...(hasTerms ? { terms } : {}), gradNorms, samples: epoch.samples });
      if (callbacks.shouldStop?.()) {
        if (epoch.iteration < iterations) return undefined;
        stopRequested = true;
      }
    }
    this.epochsDone++;
    this.current = undefined;
    return {
      trainLoss: meanLosses(this.compiled, epoch.sums, epoch.counts),
      learningRates: epoch.learningRates,
      samples: epoch.samples,
      seconds: epoch.activeMs / 1000,
      stopRequested,
    };
  }

  /** Loss and metrics of every loss node over one split of the primary source, in eval mode. */
  async evaluate(split: 'train' | 'validation' | 'test'): Promise<Evaluation | undefined> {
    const rows = this.rowsOf(split);
    if (!rows) return undefined;
    const total = sampleCount(rows.features);
    const sums = new Map<string, number>();
    const accumulators = new Map<string, MetricAccumulator>();
    for (const loss of this.compiled.plan.losses) {
      const prediction = this.compiled.evaluation.values[this.compiled.evaluation.outputs[loss.prediction]!]!;
      const task = metricTaskOf(loss.reads, prediction.shape);
      if (task) accumulators.set(loss.node, new MetricAccumulator(task));
      sums.set(loss.node, 0);
    }
    const all = Int32Array.from({ length: total }, (_, i) => i);
    for (let from = 0; from < total; from += EVAL_BATCH) {
      const to = Math.min(total, from + EVAL_BATCH);
      const batch = this.batchWith({ features: takeRows(rows.features, all, from, to), labels: takeRows(rows.labels, all, from, to) });
      await this.evaluator.run(this.feedsFor(batch), { seed: 0 });
      for (const loss of this.compiled.plan.losses) {
        const value = (await this.evaluator.read(loss.loss)).data[0]!;
        // Mean-reduced losses are averaged over samples, so weight each batch by its size.
        sums.set(loss.node, sums.get(loss.node)! + value * (to - from));
        const acc = accumulators.get(loss.node);
        if (acc) acc.add(await this.evaluator.read(loss.prediction), await this.evaluator.read(loss.target));
      }
    }
    const out: Record<string, LossEvaluation> = {};
    for (const loss of this.compiled.plan.losses) {
      const metrics = accumulators.get(loss.node)?.result();
      out[loss.node] = { loss: sums.get(loss.node)! / total, ...(metrics ? { metrics } : {}) };
    }
    return out;
  }

  /**
   * Trains for the configured epochs, with early stopping on the validation loss when a validation split exists.
   * Stopped by `shouldStop`, it returns 'stopped'; calling it again continues where it stopped.
   */
  async fit(callbacks: FitCallbacks = {}): Promise<FitResult> {
    const { epochs, earlyStoppingPatience } = this.options.settings;
    const monitored = this.compiled.plan.losses.find((l) => l.loss === this.compiled.steps[0]!.optimizer.loss)?.node ?? this.compiled.plan.losses[0]?.node;
    while (this.epochsDone < epochs) {
      const totals = await this.runEpoch(callbacks);
      if (!totals) return { epochs: this.history, stopReason: 'stopped' };
      const train = (await this.evaluate('train'))!;
      const validation = await this.evaluate('validation');
      const test = await this.evaluate('test');
      const report: EpochReport = {
        epoch: this.epochsDone, trainLoss: totals.trainLoss, learningRates: totals.learningRates, train,
        seconds: totals.seconds, samplesPerSecond: totals.samples / totals.seconds,
        ...(validation ? { validation } : {}), ...(test ? { test } : {}),
      };
      this.history.push(report);
      await callbacks.onEpoch?.(report);
      if (validation && monitored && earlyStoppingPatience > 0) {
        const value = validation[monitored]!.loss;
        if (value < this.bestValidation) {
          this.bestValidation = value;
          this.epochsSinceBest = 0;
        } else if (++this.epochsSinceBest >= earlyStoppingPatience) {
          return { epochs: this.history, stopReason: 'early-stopping' };
        }
      }
      if (totals.stopRequested && this.epochsDone < epochs) return { epochs: this.history, stopReason: 'stopped' };
    }
    return { epochs: this.history, stopReason: 'completed' };
  }

  /**
   * Sets every weight and buffer from `tensors` (a state_dict). All or nothing: when a name is missing or unknown
   * or a shape differs, nothing changes and the problems are returned, one line each.
   */
  loadStateDict(tensors: ReadonlyMap<string, HostTensor>): string[] {
    const runners = [this.evaluator, ...this.runners];
    const problems = checkWeights(runners.map((r) => r.program), tensors);
    if (problems.length > 0) return problems;
    for (const runner of runners) {
      for (const name of runner.stateNames) {
        const tensor = tensors.get(name);
        if (tensor) runner.setState(name, tensor);
      }
    }
    return [];
  }

  /** Every weight and buffer by its PyTorch state_dict name. */
  async stateDict(): Promise<Map<string, HostTensor>> {
    const out = new Map<string, HostTensor>();
    for (const runner of [this.evaluator, ...this.runners]) {
      // Optimizer moments are training state, not part of the model.
      for (const name of runner.stateNames) if (!name.startsWith('optim.') && !out.has(name)) out.set(name, await runner.getState(name));
    }
    return out;
  }

  dispose(): void {
    for (const r of this.runners) r.dispose();
    this.evaluator.dispose();
    this.inspector?.dispose();
  }
}

/** `n` rows of zeros shaped like the rows of `like`. */
function zeroRows(like: HostTensor, n: number): HostTensor {
  const shape = [n, ...like.shape.slice(1)];
  const size = shape.reduce((a, d) => a * d, 1);
  return { shape, dtype: like.dtype, data: like.dtype === 'i32' ? new Int32Array(size) : new (like.data.constructor as Float32ArrayConstructor)(size) };
}

function meanLosses(compiled: CompiledTraining, sums: readonly number[], counts: readonly number[]): Record<string, number> {
  return Object.fromEntries(compiled.steps.map((s, i) => [s.optimizer.node, sums[i]! / Math.max(1, counts[i]!)]));
}
