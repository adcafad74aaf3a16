/**
 * What the charts plot, from the store's runs: series (label, colour, dash) and columns aligned on one x axis, the
 * shape uPlot takes. One series per run × loss (× split, per epoch), told apart as follows:
 * - the hue is the run's, kept (by its id) while others are cleared;
 * - the shade is the loss's, when a run has several (a GAN's optimizers per step, a VAE's or an auxiliary head's
 *   loss nodes per epoch): the first in the run's own colour, later ones alternately darker and lighter; per step,
 *   the optimizers' totals come first, then the loss nodes they add up (a VAE's reconstruction and KL terms);
 * - the dash is the split's (train solid, validation dashed, test dotted), the same in every run.
 * Labels name the loss only when the run has several, so the common single-loss graph reads "Run 2 · validation";
 * per step, a run with terms reads "Run 2 · opt (total)", "Run 2 · recon", "Run 2 · kl".
 */
import type { LossEvaluation } from '../../../engine/train/trainer.ts';
import type { RunRecord } from '../training-store.ts';
import { categoryRgb } from './category-colours.ts';

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

/** How far each step of shade moves towards black or white: far enough to see, near enough to keep the hue. */
const SHADE_STEP = 0.35;
const MAX_SHADE = 0.7;

/** The run's colour, shaded for its `lossIndex`-th loss: 0 as is, then darker, lighter, darker still, lighter still… */
function runColour(run: RunRecord, lossIndex = 0): string {
  const towards = lossIndex % 2 === 1 ? 0 : 255;
  const amount = Math.min(MAX_SHADE, SHADE_STEP * Math.ceil(lossIndex / 2));
  const channels = categoryRgb(run.id - 1).map((c) => Math.round(c + (towards - c) * amount));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** "Run 2", "Run 2 · recon", "Run 2 · recon · validation": the loss named only where the run has several. */
const seriesLabel = (run: RunRecord, loss: string, severalLosses: boolean, split?: string): string =>
  [run.label, severalLosses ? loss : undefined, split].filter((part) => part !== undefined).join(' · ');

/** Keeps a value the chart can draw: finite, and positive on a log scale. */
const drawable = (value: number | undefined, positiveOnly: boolean): number | null =>
  value !== undefined && Number.isFinite(value) && (!positiveOnly || value > 0) ? value : null;

/**
 * Every run's per-step losses on a shared step axis: one series per optimizer (what a step reports) and, where an
 * optimizer's loss adds up several loss nodes, one per loss node. Long runs are averaged over buckets of consecutive
 * steps so a chart never holds more than about `maxPoints` points (drawing stays cheap however long the run; the
 * mean also smooths the mini-batch noise a little).
 */
export function stepLossChart(runs: readonly RunRecord[], options: { maxPoints: number; positiveOnly: boolean }): ChartData {
  const steps = Math.max(0, ...runs.map((run) => run.steps.x.length));
  const bucket = Math.max(1, Math.ceil(steps / options.maxPoints));
  const points = Math.ceil(steps / bucket);
  // The bucket's mean step number: 1-based steps b·bucket+1 … (b+1)·bucket.
  const x = Array.from({ length: points }, (_, b) => b * bucket + (bucket + 1) / 2);
  const series: SeriesStyle[] = [];
  const columns: (number | null)[][] = [];
  for (const run of runs) {
    const losses = Object.entries(run.steps.losses);
    const terms = Object.entries(run.steps.terms);
    const several = losses.length + terms.length > 1;
    // An optimizer whose loss adds up terms is labelled as their total.
    const optimizerLabel = (optimizer: string): string =>
      run.sums[optimizer] ? `${seriesLabel(run, optimizer, true)} (total)` : seriesLabel(run, optimizer, several);
    const lines = [...losses.map(([optimizer, values]) => ({ label: optimizerLabel(optimizer), values })),
      ...terms.map(([node, values]) => ({ label: seriesLabel(run, node, true), values }))];
    for (const [index, { label, values }] of lines.entries()) {
      series.push({ label, colour: runColour(run, index) });
      columns.push(bucketMeans(values, bucket, points, options.positiveOnly));
    }
  }
  return { series, columns: [x, ...columns] };
}

/** The mean of each bucket of `bucket` consecutive drawable values (null where a bucket has none), `points` of them. */
function bucketMeans(values: readonly number[], bucket: number, points: number, positiveOnly: boolean): (number | null)[] {
  return Array.from({ length: points }, (_, b) => {
    let sum = 0, count = 0;
    for (let i = b * bucket; i < Math.min((b + 1) * bucket, values.length); i++) {
      const value = drawable(values[i], positiveOnly);
      if (value === null) continue;
      sum += value;
      count++;
    }
    return count > 0 ? sum / count : null;
  });
}

const SPLITS = [
  { key: 'train', dash: undefined },
  { key: 'validation', dash: [6, 4] },
  { key: 'test', dash: [2, 3] },
] as const;

/** A value read from one loss node's evaluation on a split (its loss, a metric); undefined where it has none. */
export type LossPick = (loss: LossEvaluation) => number | undefined;

export const lossValue: LossPick = (loss) => loss.loss;

/** The run's loss nodes, in the order its evaluations list them (the graph's), that have a value for `pick`. */
function lossNodesWith(run: RunRecord, pick: LossPick): string[] {
  const found = new Set<string>();
  for (const report of run.epochs) {
    for (const split of SPLITS) {
      for (const [node, loss] of Object.entries(report[split.key] ?? {})) if (pick(loss) !== undefined) found.add(node);
    }
  }
  return [...found];
}

/**
 * One series per run, loss node and split that has a value, on the epoch axis (1, 2, …). A loss node's shade is
 * its place among all the run's loss nodes, so it matches between the loss and the metric charts.
 */
export function epochChart(runs: readonly RunRecord[], pick: LossPick, options: { positiveOnly: boolean }): ChartData {
  const epochs = Math.max(0, ...runs.map((run) => run.epochs.length));
  const series: SeriesStyle[] = [];
  const columns: (number | null)[][] = [];
  for (const run of runs) {
    const allNodes = lossNodesWith(run, lossValue);
    const nodes = lossNodesWith(run, pick);
    for (const node of nodes) {
      for (const split of SPLITS) {
        const values = run.epochs.map((report) => {
          const loss = report[split.key]?.[node];
          return drawable(loss ? pick(loss) : undefined, options.positiveOnly);
        });
        if (values.every((v) => v === null)) continue;
        series.push({ label: seriesLabel(run, node, nodes.length > 1, split.key), colour: runColour(run, allNodes.indexOf(node)), ...(split.dash ? { dash: split.dash } : {}) });
        columns.push(Array.from({ length: epochs }, (_, i) => values[i] ?? null));
      }
    }
  }
  return { series, columns: [Array.from({ length: epochs }, (_, i) => i + 1), ...columns] };
}

export type MetricName = 'accuracy' | 'mse' | 'mae';

/** Short names: they label the chart's axis and its metric picker. */
export const METRIC_LABELS: Readonly<Record<MetricName, string>> = { accuracy: 'accuracy', mse: 'MSE', mae: 'MAE' };

/** A loss node's value of a metric, where it has that metric. */
export const metricPick = (metric: MetricName): LossPick => (loss) => loss.metrics?.[metric];

/** The metrics the runs' losses have (accuracy for classification, MSE and MAE for regression), in that order. */
export function availableMetrics(runs: readonly RunRecord[]): MetricName[] {
  const found = new Set<MetricName>();
  for (const run of runs) {
    const train = run.epochs.at(-1)?.train;
    if (!train) continue;
    for (const metric of ['accuracy', 'mse', 'mae'] as const) if (Object.values(train).some((loss) => metricPick(metric)(loss) !== undefined)) found.add(metric);
  }
  return (['accuracy', 'mse', 'mae'] as const).filter((m) => found.has(m));
}

/** A key that changes when the chart's series change (a run added or cleared, a split appearing), not with its data. */
export const seriesKey = (series: readonly SeriesStyle[]): string => JSON.stringify(series);
