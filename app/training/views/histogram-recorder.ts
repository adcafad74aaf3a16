/**
 * What the histograms view has recorded, kept beside the training store rather than in the view, so the history
 * outlives the view. With recording on, the worker takes a snapshot at the end of every epoch (the store's
 * `record`), whatever tab is shown and however fast the epochs go; the view adds live snapshots in between while it
 * is shown. One recorder per training store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistogramsResult, ProbeRequest } from '../protocol.ts';
import type { TrainingStore } from '../training-store.ts';
import { appendSnapshot } from './histogram-snapshots.ts';

/** What a snapshot holds: activations over 64 training rows (enough for a distribution, quick to probe), 30 bins. */
export const HISTOGRAMS_REQUEST = { kind: 'histograms', rows: 64, bins: 30 } as const satisfies ProbeRequest;

export interface HistogramRecorderState {
  readonly recording: boolean;
  /** Each run's snapshots, oldest first, by RunRecord id. */
  readonly byRun: Readonly<Record<number, readonly HistogramsResult[]>>;
  /** Why the worker's recording stopped, if it failed. */
  readonly error: string | undefined;
  setRecording(on: boolean): void;
  add(run: number, snapshot: HistogramsResult): void;
  /** Forgets the runs the training store no longer keeps (after "Clear runs"). */
  keepRuns(runs: readonly number[]): void;
}

export type HistogramRecorder = StoreApi<HistogramRecorderState>;

export function createHistogramRecorder(training: TrainingStore): HistogramRecorder {
  const recorder = createStore<HistogramRecorderState>()((set, get) => ({
    recording: false,
    byRun: {},
    error: undefined,
    setRecording(recording) {
      set({ recording, error: undefined });
      training.getState().record(recording ? [HISTOGRAMS_REQUEST] : []);
    },
    add: (run, snapshot) => set({ byRun: { ...get().byRun, [run]: appendSnapshot(get().byRun[run] ?? [], snapshot) } }),
    keepRuns(runs) {
      const kept = Object.entries(get().byRun).filter(([id]) => runs.includes(Number(id)));
      if (kept.length !== Object.keys(get().byRun).length) set({ byRun: Object.fromEntries(kept) });
    },
  }));
  training.getState().onRecorded((answer, run) => {
    if ('error' in answer) return recorder.setState({ error: answer.error });
    for (const result of answer.results) if (result.kind === 'histograms' && run !== undefined) recorder.getState().add(run, result.histograms);
  });
  return recorder;
}

const recorders = new WeakMap<TrainingStore, HistogramRecorder>();

export function histogramRecorderFor(training: TrainingStore): HistogramRecorder {
  let recorder = recorders.get(training);
  if (!recorder) recorders.set(training, (recorder = createHistogramRecorder(training)));
  return recorder;
}
