/**
 * What the charts plot, from the store's runs: series (label, colour, dash) and columns aligned on one x axis, the
 * shape uPlot takes. A run keeps its colour (by its id) while others are cleared; a split keeps its dash pattern.
 */
import type { Evaluation } from '../../../engine/train/trainer.ts';
import type { RunRecord } from '../training-store.ts';
import { categoryColour } from './category-colours.ts';

export interface SeriesStyle {
  readonly label: string;
  readonly colour: string;
  /** Canvas line dash; absent for a solid line. */
  readonly dash?: readonly number[];
}

/** Columns of a chart: x first, then one y column per series, all the same length (null where a series has no point). */
export type ChartColumns = [number[], ...(number | null)[][]];

export interface ChartData {
  readonly series: readonly SeriesStyle[];
  readonly columns: ChartColumns;
}

export const runColour = (run: RunRecord): string => categoryColour(run.id - 1);

/** Keeps a value the chart can draw: finite, and positive on a log scale. */
const drawable = (value: number | undefined, positiveOnly: boolean): number | null =>
  value !== undefined && Number.isFinite(value) && (!positiveOnly || value > 0) ? value : null;

/**
 * Every run's per-step loss on a shared step axis. Long runs are averaged over buckets of consecutive steps so a
 * chart never holds more than about `maxPoints` points (drawing stays cheap however long the run; the mean also
 * smooths the mini-batch noise a little).
 */
export function stepLossChart(runs: readonly RunRecord[], options: { maxPoints: number; positiveOnly: boolean }): ChartData {
  const steps = Math.max(0, ...runs.map((run) => run.steps.loss.length));
  const bucket = Math.max(1, Math.ceil(steps / options.maxPoints));
  const points = Math.ceil(steps / bucket);
  // The bucket's mean step number: 1-based steps b·bucket+1 … (b+1)·bucket.
  const x = Array.from({ length: points }, (_, b) => b * bucket + (bucket + 1) / 2);
  const columns = runs.map((run) => {
    const loss = run.steps.loss;
    return Array.from({ length: points }, (_, b) => {
      let sum = 0, count = 0;
      for (let i = b * bucket; i < Math.min((b + 1) * bucket, loss.length); i++) {
        const value = drawable(loss[i], options.positiveOnly);
        if (value === null) continue;
        sum += value;
        count++;
      }
      return count > 0 ? sum / count : null;
    });
  });
  return { series: runs.map((run) => ({ label: run.label, colour: runColour(run) })), columns: [x, ...columns] };
}

const SPLITS = [
  { key: 'train', dash: undefined },
  { key: 'validation', dash: [6, 4] },
  { key: 'test', dash: [2, 3] },
] as const;

/** A value read from one split's evaluation (a loss, a metric); undefined where it has none. */
export type EvaluationPick = (evaluation: Evaluation) => number | undefined;

/** One series per run and split that has a value, on the epoch axis (1, 2, …). */
export function epochChart(runs: readonly RunRecord[], pick: EvaluationPick, options: { positiveOnly: boolean }): ChartData {
  const epochs = Math.max(0, ...runs.map((run) => run.epochs.length));
  const series: SeriesStyle[] = [];
  const columns: (number | null)[][] = [];
  for (const run of runs) {
    for (const split of SPLITS) {
      const values = run.epochs.map((report) => {
        const evaluation = report[split.key];
        return drawable(evaluation ? pick(evaluation) : undefined, options.positiveOnly);
      });
      if (values.every((v) => v === null)) continue;
      series.push({ label: `${run.label} · ${split.key}`, colour: runColour(run), ...(split.dash ? { dash: split.dash } : {}) });
      columns.push(Array.from({ length: epochs }, (_, i) => values[i] ?? null));
    }
  }
  return { series, columns: [Array.from({ length: epochs }, (_, i) => i + 1), ...columns] };
}

/** The loss the charts follow: the first loss node of the evaluation (the one the first optimizer minimises, in a plain graph). */
export const primaryLoss: EvaluationPick = (evaluation) => Object.values(evaluation)[0]?.loss;

export type MetricName = 'accuracy' | 'mse' | 'mae';

/** Short names: they label the chart's axis and its metric picker. */
export const METRIC_LABELS: Readonly<Record<MetricName, string>> = { accuracy: 'accuracy', mse: 'MSE', mae: 'MAE' };

/** The first loss's value of a metric, where its evaluation has that metric. */
export const metricPick = (metric: MetricName): EvaluationPick => (evaluation) => {
  for (const loss of Object.values(evaluation)) if (loss.metrics?.[metric] !== undefined) return loss.metrics[metric];
  return undefined;
};

/** The metrics the runs' losses have (accuracy for classification, MSE and MAE for regression), in that order. */
export function availableMetrics(runs: readonly RunRecord[]): MetricName[] {
  const found = new Set<MetricName>();
  for (const run of runs) {
    const train = run.epochs.at(-1)?.train;
    if (!train) continue;
    for (const metric of ['accuracy', 'mse', 'mae'] as const) if (metricPick(metric)(train) !== undefined) found.add(metric);
  }
  return (['accuracy', 'mse', 'mae'] as const).filter((m) => found.has(m));
}

/** A key that changes when the chart's series change (a run added or cleared, a split appearing), not with its data. */
export const seriesKey = (series: readonly SeriesStyle[]): string => JSON.stringify(series);
