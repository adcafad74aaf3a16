/**
 * The page's side of training: one zustand store over the training worker. It sends the graph and settings,
 * forwards the run panel's commands, keeps every run's curves (for comparison, until cleared) and answers the views'
 * probe requests through the worker. Not document state: nothing here is undone or autosaved, except the settings,
 * which live in the document (`doc.training`, and the optimizers' `lr`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { resolveTrainingSettings, type ResolvedTrainingSettings } from '../../engine/train/settings.ts';
import type { EpochReport } from '../../engine/train/trainer.ts';
import type { Progress, SessionStatus } from '../../engine/train/training-session.ts';
import type { GraphSourceData } from '../../engine/train/load-graph-data.ts';
import type { BackendChoice, BackendInfo, DataSummary, FromWorker, LoadWeightsResult, ProbeRequest, ProbeResult, ToWorker } from './protocol.ts';
import { optimizerLearningRates } from './learning-rates.ts';
import { trainingKey } from './training-key.ts';

/** The worker as the store sees it (a real Worker in the page; tests may pass a TrainingHost behind a channel). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  terminate(): void;
}

/** One run's curves: every step's loss of each optimizer, and every epoch's report (every loss node's evaluation). */
export interface RunRecord {
  readonly id: number;
  /** "Run 3 · lr 0.01 · batch 32 · seed 0": what differs between runs is usually one of these. */
  readonly label: string;
  readonly steps: {
    /** Step numbers 1, 2, …: the step chart's x axis, and how many steps the run has taken. */
    readonly x: number[];
    /**
     * Per optimizer node id, the loss its update minimised at each step, aligned with `x`. Keyed by optimizer, not
     * by loss node, because that is what a step reports (StepReport.losses): an optimizer may minimise a sum of
     * loss nodes (a VAE's reconstruction + KL), whose terms are kept apart in `terms`.
     */
    readonly losses: Record<string, number[]>;
    /**
     * Per loss node id, its value at each step where an optimizer's loss adds it up with other loss nodes
     * (StepReport.terms), aligned with `x` as `losses` is; empty when every optimizer minimises one loss node.
     */
    readonly terms: Record<string, number[]>;
  };
  /** Per optimizer whose loss adds up several loss nodes, those nodes: which `terms` make up which of `losses`. */
  readonly sums: Readonly<Record<string, readonly string[]>>;
  readonly epochs: EpochReport[];
}

export interface RunError {
  readonly message: string;
  /** The node the message is about (the NaN guard's, or a configure failure's), pinned there on the canvas. */
  readonly node?: string;
  readonly cause?: string;
}

export type TrainingStatus = SessionStatus | 'idle' | 'configuring';

export interface TrainingState {
  readonly status: TrainingStatus;
  readonly backend: BackendInfo | undefined;
  readonly data: DataSummary | undefined;
  readonly progress: Progress | undefined;
  readonly error: RunError | undefined;
  readonly runs: readonly RunRecord[];
  /** Bumped after every epoch and every status change: views that probe the model refresh on it. */
  readonly revision: number;
  /** The settings of the run under way (or the last one). */
  readonly settings: ResolvedTrainingSettings | undefined;
  /**
   * The training key (training-key.ts) of the document the worker's session was built from; undefined before the
   * first one. Differs from the current document's after an edit: the views still show the model as trained.
   */
  readonly sessionKey: string | undefined;

  start(): Promise<void>;
  pause(): void;
  step(): Promise<void>;
  stop(): void;
  /** Re-initialises the weights from the seed (a new run on the chart). */
  reset(): Promise<void>;
  clearRuns(): void;
  probe(request: ProbeRequest): Promise<ProbeResult>;
  /** Has the worker run these probes at every epoch's end from now on (empty: stop); answers go to `onRecorded`. */
  record(requests: readonly ProbeRequest[]): void;
  /** Calls `listener` with each epoch's recorded answers (or a failure), and the run they belong to; returns an unsubscribe. */
  onRecorded(listener: RecordedListener): () => void;
  saveWeights(): Promise<Uint8Array>;
  loadWeights(bytes: Uint8Array): Promise<LoadWeightsResult>;
  dispose(): void;
}

export type TrainingStore = StoreApi<TrainingState>;

export type RecordedListener = (answer: { readonly results: readonly ProbeResult[] } | { readonly error: string }, run: number | undefined) => void;

export interface TrainingStoreOptions {
  /** The document to train, read when a run starts. */
  readonly document: () => GraphDocument;
  /**
   * Data the user loaded in the page, for the document's local-data nodes; rejects (with a `node` field where one
   * node is to blame) when a node's data is missing or no longer fits it.
   */
  readonly localData: (doc: GraphDocument) => Promise<Readonly<Record<string, GraphSourceData>>>;
  readonly createWorker: () => WorkerLike;
}

export function createTrainingStore(options: TrainingStoreOptions): TrainingStore {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: never): void; reject(error: Error): void }>();
  let configured: Promise<boolean> | undefined;
  let resolveConfigured: ((ok: boolean) => void) | undefined;
  let runCount = 0;
  /** The configured session's (protocol 'configured'), for the runs it trains. */
  let sums: Readonly<Record<string, readonly string[]>> = {};
  const recordedListeners = new Set<RecordedListener>();

  const store = createStore<TrainingState>()((set, get) => {
    const ensureWorker = (): WorkerLike => {
      if (worker) return worker;
      worker = options.createWorker();
      worker.addEventListener('message', (event) => receive(event.data));
      return worker;
    };

    const send = (message: ToWorker, transfer?: Transferable[]): void => ensureWorker().postMessage(message, transfer);

    const request = <T>(message: (id: number) => ToWorker, transfer?: Transferable[]): Promise<T> => {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: never) => void, reject });
        send(message(id), transfer);
      });
    };

    const updateRun = (update: (run: RunRecord) => RunRecord): void => {
      const runs = get().runs;
      const last = runs[runs.length - 1];
      if (last) set({ runs: [...runs.slice(0, -1), update(last)] });
    };

    const newRun = (settings: ResolvedTrainingSettings, doc: GraphDocument): void => {
      runCount++;
      const lr = settings.learningRate ?? optimizerLearningRates(doc)[0]?.lr;
      const label = [`Run ${runCount}`, lr !== undefined ? `lr ${lr}` : '', `batch ${settings.batchSize}`, `seed ${settings.seed}`].filter(Boolean).join(' · ');
      set({ runs: [...get().runs, { id: runCount, label, steps: { x: [], losses: {}, terms: {} }, sums, epochs: [] }] });
    };

    const receive = (message: FromWorker): void => {
      switch (message.type) {
        case 'configured':
          sums = message.sums;
          set({ backend: message.backend, data: message.data, status: 'ready', error: undefined, revision: get().revision + 1 });
          resolveConfigured?.(true);
          return;
        case 'configure-failed':
          set({ sessionKey: undefined, status: 'idle', error: { message: message.message, ...(message.node ? { node: message.node } : {}) } });
          resolveConfigured?.(false);
          return;
        case 'steps': {
          updateRun((run) => {
            // Arrays are appended in place and the record replaced, so charts see a new object but no copy is made.
            const { x, losses, terms } = run.steps;
            // A series starts at its first reported step, NaN (not drawn) before it, so it stays aligned with x.
            const append = (series: Record<string, number[]>, key: string, value: number, step: number): void => {
              (series[key] ??= new Array<number>(step - 1).fill(NaN)).push(value);
            };
            for (const report of message.reports) {
              const step = x.push(x.length + 1);
              for (const [optimizer, loss] of Object.entries(report.losses)) append(losses, optimizer, loss, step);
              for (const [node, value] of Object.entries(report.terms ?? {})) append(terms, node, value, step);
            }
            return { ...run };
          });
          set({ progress: message.progress });
          return;
        }
        case 'session': {
          const event = message.event;
          if (event.type === 'status') set({ status: event.status, revision: get().revision + 1 });
          else if (event.type === 'epoch') {
            updateRun((run) => ({ ...run, epochs: [...run.epochs, event.report] }));
            set({ progress: event.progress, revision: get().revision + 1 });
          } else if (event.type === 'failed') {
            set({ error: { message: event.message, ...(event.report?.node ? { node: event.report.node } : {}), ...(event.report ? { cause: event.report.cause } : {}) } });
          }
          return;
        }
        case 'recorded':
        case 'record-failed': {
          const answer = message.type === 'recorded' ? { results: message.results } : { error: message.message };
          const run = get().runs.at(-1)?.id;
          for (const listener of recordedListeners) listener(answer, run);
          return;
        }
        case 'probe-result':
          settle(message.id, (p) => p.resolve(message.result as never));
          return;
        case 'weights':
          settle(message.id, (p) => p.resolve(message.bytes as never));
          return;
        case 'weights-loaded':
          settle(message.id, (p) => p.resolve(message.result as never));
          if (message.result.ok) set({ revision: get().revision + 1 });
          return;
        case 'request-failed':
          settle(message.id, (p) => p.reject(new Error(message.message)));
          return;
      }
    };

    const settle = (id: number, action: (p: { resolve(value: never): void; reject(error: Error): void }) => void): void => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (waiting) action(waiting);
    };

    /**
     * The session the views probe and the weights download from: the one there is, even for an older version of the
     * graph (a click on a node after an edit must not throw the trained weights away), else a new one.
     */
    const session = async (): Promise<boolean> => (configured !== undefined && (await configured)) || configure();

    /** Sends the current graph when the worker's session is for another one (or none); false when it cannot train. */
    const configure = async (): Promise<boolean> => {
      const doc = options.document();
      const key = trainingKey(doc);
      if (configured && key === get().sessionKey) return configured;
      let localData;
      try {
        localData = await options.localData(doc);
      } catch (error) {
        const node = (error as { node?: unknown }).node;
        set({ status: 'idle', error: { message: (error as Error).message, ...(typeof node === 'string' ? { node } : {}) } });
        return false;
      }
      const settings = resolveTrainingSettings(doc.training);
      const backend: BackendChoice = doc.training?.backend ?? 'auto';
      set({ status: 'configuring', error: undefined, progress: undefined, settings, sessionKey: key });
      configured = new Promise<boolean>((resolve) => (resolveConfigured = resolve));
      send({ type: 'configure', config: { doc, settings, backend, localData } });
      const ok = await configured;
      if (ok) newRun(settings, doc);
      return ok;
    };

    const command = (name: 'start' | 'pause' | 'step' | 'stop' | 'reset'): void => send({ type: 'command', command: name });

    const reset = async (): Promise<void> => {
      const sessionKey = get().sessionKey;
      const wasConfigured = sessionKey !== undefined && sessionKey === trainingKey(options.document());
      if (!(await configure())) return;
      // configure() already made a fresh session (and a run record) when the graph had changed.
      if (!wasConfigured) return;
      command('reset');
      set({ progress: undefined, error: undefined });
      newRun(get().settings!, options.document());
    };

    return {
      status: 'idle',
      backend: undefined,
      data: undefined,
      progress: undefined,
      error: undefined,
      runs: [],
      revision: 0,
      settings: undefined,
      sessionKey: undefined,
      async start() {
        if (await configure()) {
          // A finished run starts over: continuing past the last epoch means a new run with the same settings.
          if (get().status === 'finished' || get().status === 'failed') await reset();
          set({ error: undefined });
          command('start');
        }
      },
      pause: () => command('pause'),
      async step() {
        if (await configure()) command('step');
      },
      stop: () => command('stop'),
      reset,
      clearRuns: () => set({ runs: get().runs.slice(-1).map((run) => ({ ...run })) }),
      async probe(probeRequest) {
        if (!(await session())) throw new Error(get().error?.message ?? 'the graph cannot train');
        return request<ProbeResult>((id) => ({ type: 'probe', id, request: probeRequest }));
      },
      record: (requests) => send({ type: 'record', requests }),
      onRecorded(listener) {
        recordedListeners.add(listener);
        return () => recordedListeners.delete(listener);
      },
      async saveWeights() {
        if (!(await session())) throw new Error(get().error?.message ?? 'the graph cannot train');
        return request<Uint8Array>((id) => ({ type: 'save-weights', id }));
      },
      async loadWeights(bytes) {
        if (!(await configure())) throw new Error(get().error?.message ?? 'the graph cannot train');
        return request<LoadWeightsResult>((id) => ({ type: 'load-weights', id, bytes }), [bytes.buffer as ArrayBuffer]);
      },
      dispose() {
        worker?.terminate();
        worker = undefined;
        for (const waiting of pending.values()) waiting.reject(new Error('the training worker was closed'));
        pending.clear();
      },
    };
  });
  return store;
}
