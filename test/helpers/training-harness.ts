/**
 * The browser's training stack without a browser: the page's store (app/training/training-store.ts) wired to the
 * worker's logic (app/training/training-host.ts) through an asynchronous channel, as a Worker would be, on the CPU
 * backend with the shipped dataset files read from disk.
 */
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { nodeFileReader } from '../../engine/data/node-files.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import type { GraphSourceData } from '../../engine/train/load-graph-data.ts';
import type { FromWorker, ToWorker } from '../../app/training/protocol.ts';
import { TrainingHost } from '../../app/training/training-host.ts';
import { createTrainingStore, type TrainingState, type TrainingStore, type WorkerLike } from '../../app/training/training-store.ts';

export interface Harness {
  readonly store: TrainingStore;
  readonly host: TrainingHost;
  /** Every message the host posted, in order. */
  readonly posted: FromWorker[];
  /** The document the store trains; replace it to simulate an edit. */
  doc: GraphDocument;
  /** Resolves once `predicate` holds for the store's state (checked on every change), or rejects after `ms`. */
  until(predicate: (state: TrainingState) => boolean, ms?: number): Promise<TrainingState>;
}

export function trainingHarness(doc: GraphDocument, localData: Record<string, GraphSourceData> = {}): Harness {
  const listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  const posted: FromWorker[] = [];
  const host = new TrainingHost((message) => {
    posted.push(message);
    // Delivered later, as a worker's message would be.
    setTimeout(() => listeners.forEach((l) => l({ data: message } as MessageEvent<FromWorker>)), 0);
  }, { readFile: nodeFileReader(), selectBackend: async () => ({ backend: createCpuBackend({ precision: 'f32' }), description: 'CPU backend (float32)' }) });
  const worker: WorkerLike = {
    postMessage: (message: ToWorker) => setTimeout(() => void host.handle(message), 0),
    addEventListener: (_type, listener) => listeners.push(listener),
    terminate: () => host.dispose(),
  };
  const harness: Harness = {
    host,
    posted,
    doc,
    store: createTrainingStore({ document: () => harness.doc, localData: async () => localData, createWorker: () => worker }),
    until(predicate, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const state = harness.store.getState();
        if (predicate(state)) return resolve(state);
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`timed out; status ${harness.store.getState().status}, error ${harness.store.getState().error?.message ?? 'none'}`));
        }, ms);
        const unsubscribe = harness.store.subscribe((s) => {
          if (!predicate(s)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(s);
        });
      });
    },
  };
  return harness;
}
