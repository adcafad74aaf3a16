/**
 * The training worker's logic, apart from the worker itself so it runs and is tested in Node: takes the page's
 * messages (protocol.ts), owns one TrainingSession at a time and posts back events, probe results and weights.
 */
import type { Backend } from '../../engine/backends/backend.ts';
import { selectBackend, type BackendSelection, type SelectBackendOptions } from '../../engine/backends/select-backend.ts';
import type { ReadDatasetFile } from '../../engine/data/loaded-dataset.ts';
import { readSafetensors, writeSafetensors } from '../../engine/io/safetensors.ts';
import { loadGraphData, type GraphSourceData } from '../../engine/train/load-graph-data.ts';
import { sampleCount } from '../../engine/train/rows.ts';
import { Trainer, type StepReport } from '../../engine/train/trainer.ts';
import { TrainingSession, type Progress, type SessionEvent } from '../../engine/train/training-session.ts';
import { CATALOG } from '../../nodes/index.ts';
import type { BackendInfo, DataSummary, FromWorker, ProbeRequest, RunConfig, ToWorker } from './protocol.ts';
import { STEP_FLUSH_MS } from './protocol.ts';
import { runProbe } from './run-probe.ts';

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

export interface HostDependencies {
  readonly readFile: ReadDatasetFile;
  /** Chooses the backend (tests pass one that always gives the CPU). */
  readonly selectBackend?: (options: SelectBackendOptions) => Promise<BackendSelection>;
}

interface Run {
  readonly session: TrainingSession;
  readonly backend: Backend;
}

export class TrainingHost {
  private run: Run | undefined;
  /** Configure requests in order: a later one replaces the run an earlier one builds. */
  private configuring: Promise<void> = Promise.resolve();
  private pendingSteps: StepReport[] = [];
  private pendingProgress: Progress | undefined;
  private lastFlush = 0;
  /** The probes recorded at every epoch's end (protocol 'record'); kept for the sessions configured later. */
  private recording: readonly ProbeRequest[] = [];

  constructor(private readonly post: Post, private readonly deps: HostDependencies) {}

  handle(message: ToWorker): Promise<void> {
    switch (message.type) {
      case 'configure':
        this.configuring = this.configuring.then(() => this.configure(message.config));
        return this.configuring;
      case 'command':
        return this.command(message.command);
      case 'probe':
        return this.request(message.id, async (session) => {
          const result = await session.exclusive((trainer) => runProbe(trainer, message.request));
          this.post({ type: 'probe-result', id: message.id, result });
        });
      case 'record':
        this.recording = message.requests;
        this.run?.session.atEpochEnd(this.epochRecorder());
        return Promise.resolve();
      case 'save-weights':
        return this.request(message.id, async (session) => {
          const tensors = await session.exclusive((trainer) => trainer.stateDict());
          const bytes = writeSafetensors(tensors, [['format', 'pt']]);
          this.post({ type: 'weights', id: message.id, bytes }, [bytes.buffer]);
        });
      case 'load-weights':
        return this.request(message.id, async (session) => {
          const result = await session.exclusive(async (trainer) => {
            const tensors = readSafetensors(message.bytes, 'the weights file').tensors;
            const problems = trainer.loadStateDict(tensors);
            return { ok: problems.length === 0, problems, loaded: problems.length === 0 ? tensors.size : 0 };
          });
          this.post({ type: 'weights-loaded', id: message.id, result });
        });
    }
  }

  dispose(): void {
    this.disposeRun();
  }

  private disposeRun(): void {
    this.run?.session.dispose();
    this.run?.backend.dispose();
    this.run = undefined;
    this.pendingSteps = [];
  }

  private async configure(config: RunConfig): Promise<void> {
    if (this.run) {
      await this.run.session.pause();
      this.disposeRun();
    }
    let backend: Backend | undefined;
    try {
      const data = await loadGraphData(config.doc, CATALOG, { seed: config.settings.seed, readFile: this.deps.readFile, local: config.localData });
      const selection = await (this.deps.selectBackend ?? selectBackend)({ prefer: config.backend === 'cpu' ? 'cpu' : 'webgpu' });
      backend = selection.backend;
      const create = () => Trainer.create(config.doc, CATALOG, { backend: backend!, settings: config.settings, data });
      // The first trainer is built now, so a graph that cannot train fails at configure time with its reason.
      let first: Trainer | undefined = create();
      const summary = summarise(first, data);
      const session = new TrainingSession(async () => {
        const trainer = first ?? create();
        first = undefined;
        return trainer;
      }, config.settings.epochs, (event) => this.emit(event));
      session.atEpochEnd(this.epochRecorder());
      this.run = { session, backend };
      const sums = Object.fromEntries(first.compiled.steps.filter((s) => s.terms.length > 0).map((s) => [s.optimizer.node, s.terms]));
      this.post({ type: 'configured', backend: backendInfo(selection, config), data: summary, sums });
    } catch (error) {
      backend?.dispose();
      const message = error instanceof Error ? error.message : String(error);
      this.post({ type: 'configure-failed', message, ...nodeNamedIn(message, config) });
    }
  }

  /** What the session runs at each epoch's end: the recorded probes, their answers posted at once. */
  private epochRecorder(): ((trainer: Trainer) => Promise<void>) | undefined {
    const requests = this.recording;
    if (requests.length === 0) return undefined;
    return async (trainer) => {
      this.flushSteps();
      try {
        const results = [];
        for (const request of requests) results.push(await runProbe(trainer, request));
        this.post({ type: 'recorded', results });
      } catch (error) {
        this.run?.session.atEpochEnd(undefined);
        this.post({ type: 'record-failed', message: error instanceof Error ? error.message : String(error) });
      }
    };
  }

  private async command(command: 'start' | 'pause' | 'step' | 'stop' | 'reset'): Promise<void> {
    await this.configuring;
    const session = this.run?.session;
    if (!session) return;
    await session[command]();
    this.flushSteps();
  }

  private async request(id: number, work: (session: TrainingSession) => Promise<void>): Promise<void> {
    await this.configuring;
    const session = this.run?.session;
    try {
      if (!session) throw new Error('no training run is set up: the graph has not been sent to the worker');
      await work(session);
    } catch (error) {
      this.post({ type: 'request-failed', id, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private emit(event: SessionEvent): void {
    if (event.type === 'step') {
      this.pendingSteps.push(event.report);
      this.pendingProgress = event.progress;
      if (performance.now() - this.lastFlush >= STEP_FLUSH_MS) this.flushSteps();
      return;
    }
    // Steps before this event reach the page first, so charts and progress stay in order.
    this.flushSteps();
    this.post({ type: 'session', event });
  }

  private flushSteps(): void {
    this.lastFlush = performance.now();
    if (this.pendingSteps.length === 0 || !this.pendingProgress) return;
    this.post({ type: 'steps', reports: this.pendingSteps, progress: this.pendingProgress });
    this.pendingSteps = [];
  }
}

function backendInfo(selection: BackendSelection, config: RunConfig): BackendInfo {
  const asked = config.backend;
  // 'auto' falling back is expected where WebGPU is missing; it still gets the reason, shown less loudly by the page.
  return {
    name: selection.backend.name,
    description: selection.description,
    ...(selection.fallbackReason && asked !== 'cpu' ? { fallbackReason: selection.fallbackReason } : {}),
  };
}

function summarise(trainer: Trainer, data: Readonly<Record<string, GraphSourceData>>): DataSummary {
  const node = trainer.compiled.plan.datasets[0]!.node;
  const source = data[node]!;
  const train = trainer.rowsOf('train')!;
  const featureShape = train.features.shape.slice(1);
  const info = source.info;
  const classes = info?.labels.classes ?? source.classNames?.length;
  const image = featureShape.length === 3 ? (featureShape as [number, number, number]) : info?.image;
  return {
    node,
    trainSamples: sampleCount(train.features),
    validationSamples: trainer.rowsOf('validation') ? sampleCount(trainer.rowsOf('validation')!.features) : 0,
    testSamples: trainer.rowsOf('test') ? sampleCount(trainer.rowsOf('test')!.features) : 0,
    featureShape,
    ...(classes !== undefined ? { classes } : {}),
    ...(source.classNames ? { classNames: source.classNames } : {}),
    ...(image ? { image } : {}),
  };
}

/** Engine messages name a node as `node <id>` or `<id>:` at a line's start; the page pins the message there. */
function nodeNamedIn(message: string, config: RunConfig): { node?: string } {
  const ids = new Set(config.doc.nodes.map((n) => n.id));
  for (const match of message.matchAll(/(?:node |^\s*)([\w.-]+)(?=[:\s])/gm)) {
    if (ids.has(match[1]!)) return { node: match[1]! };
  }
  return {};
}
