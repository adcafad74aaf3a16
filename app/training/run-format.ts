/** Words and numbers for the run panel: rates, durations, and the latest epoch's metrics in one line. */
import type { RunRecord } from './training-store.ts';

export function formatRate(samplesPerSecond: number): string {
  return `${samplesPerSecond >= 100 ? Math.round(samplesPerSecond).toLocaleString('en-US') : samplesPerSecond.toFixed(1)} samples/s`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

export interface LatestMetrics {
  readonly loss: number;
  /** Training accuracy of the first loss node, when it is a classification loss. */
  readonly accuracy: number | undefined;
  readonly text: string;
}

/** The last finished epoch of a run, for the first loss node: loss and accuracy (or MSE), train and validation. */
export function latestMetrics(run: RunRecord | undefined): LatestMetrics | undefined {
  const epoch = run?.epochs.at(-1);
  const [loss, train] = Object.entries(epoch?.train ?? {})[0] ?? [];
  if (!epoch || !loss || !train) return undefined;
  const validation = epoch.validation?.[loss], test = epoch.test?.[loss];
  const part = (name: string, e: typeof train | undefined): string | undefined => {
    if (!e) return undefined;
    const m = e.metrics;
    const metric = m?.accuracy !== undefined ? ` · acc ${percent(m.accuracy)}` : m?.mse !== undefined ? ` · mse ${m.mse.toPrecision(3)}` : '';
    return `${name} loss ${e.loss.toPrecision(3)}${metric}`;
  };
  const text = [`epoch ${epoch.epoch}`, part('train', train), part('val', validation), part('test', test)].filter(Boolean).join('   ');
  return { loss: train.loss, accuracy: train.metrics?.accuracy, text };
}
