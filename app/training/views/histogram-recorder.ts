/**
 * What the histograms view has recorded, kept beside the training store rather than in the view: switching to
 * another tab unmounts the view, and coming back should still show the run's history (recording itself pauses
 * while the view is hidden, since the view asks the probes). One recorder per training store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistogramsResult } from '../protocol.ts';
import type { TrainingStore } from '../training-store.ts';
import { appendSnapshot } from './histogram-snapshots.ts';

export interface HistogramRecorderState {
  readonly recording: boolean;
  /** Each run's snapshots, oldest first, by RunRecord id. */
  readonly byRun: Readonly<Record<number, readonly HistogramsResult[]>>;
  setRecording(on: boolean): void;
  add(run: number, snapshot: HistogramsResult): void;
  /** Forgets the runs the training store no longer keeps (after "Clear runs"). */
  keepRuns(runs: readonly number[]): void;
}

export type HistogramRecorder = StoreApi<HistogramRecorderState>;

export function createHistogramRecorder(): HistogramRecorder {
  return createStore<HistogramRecorderState>()((set, get) => ({
    recording: false,
    byRun: {},
    setRecording: (recording) => set({ recording }),
    add: (run, snapshot) => set({ byRun: { ...get().byRun, [run]: appendSnapshot(get().byRun[run] ?? [], snapshot) } }),
    keepRuns(runs) {
      const kept = Object.entries(get().byRun).filter(([id]) => runs.includes(Number(id)));
      if (kept.length !== Object.keys(get().byRun).length) set({ byRun: Object.fromEntries(kept) });
    },
  }));
}

const recorders = new WeakMap<TrainingStore, HistogramRecorder>();

export function histogramRecorderFor(training: TrainingStore): HistogramRecorder {
  let recorder = recorders.get(training);
  if (!recorder) recorders.set(training, (recorder = createHistogramRecorder()));
  return recorder;
}
