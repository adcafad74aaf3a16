/** The charts' columns and series from the store's runs: alignment across runs, bucketing, splits, metrics, log scale. */
import { describe, expect, it } from 'vitest';
import type { Evaluation, EpochReport } from '../../engine/train/trainer.ts';
import type { RunRecord } from '../../app/training/training-store.ts';
import { availableMetrics, epochChart, metricPick, primaryLoss, seriesKey, stepLossChart } from '../../app/training/views/chart-series.ts';

const run = (id: number, loss: number[], epochs: EpochReport[] = []): RunRecord => ({
  id, label: `Run ${id}`, steps: { x: loss.map((_, i) => i + 1), loss }, epochs,
});

const evaluation = (loss: number, metrics?: Record<string, number>): Evaluation => ({ loss: { loss, ...(metrics ? { metrics: { samples: 10, ...metrics } } : {}) } });

const report = (epoch: number, train: Evaluation, validation?: Evaluation): EpochReport => ({
  epoch, trainLoss: { opt: 0 }, learningRates: { opt: 0.1 }, train, ...(validation ? { validation } : {}), seconds: 1, samplesPerSecond: 10,
});

describe('the step loss chart', () => {
  it('puts every run on one step axis, a shorter run padded with gaps', () => {
    const chart = stepLossChart([run(1, [3, 2, 1]), run(2, [5, 4, 3, 2, 1])], { maxPoints: 100, positiveOnly: false });
    expect(chart.columns).toEqual([[1, 2, 3, 4, 5], [3, 2, 1, null, null], [5, 4, 3, 2, 1]]);
    expect(chart.series.map((s) => s.label)).toEqual(['Run 1', 'Run 2']);
    expect(new Set(chart.series.map((s) => s.colour)).size).toBe(2);
  });

  it('averages buckets of steps when a run is longer than the chart’s points, at the bucket’s mean step', () => {
    const chart = stepLossChart([run(1, [1, 2, 3, 4, 5, 6, 7])], { maxPoints: 3, positiveOnly: false });
    // 7 steps into at most 3 points: buckets of 3 (steps 1–3, 4–6, 7).
    expect(chart.columns).toEqual([[2, 5, 8], [2, 5, 7]]);
  });

  it('leaves out non-finite losses, and on a log scale values that are not positive', () => {
    expect(stepLossChart([run(1, [1, NaN, 0, -1])], { maxPoints: 10, positiveOnly: false }).columns[1]).toEqual([1, null, 0, -1]);
    expect(stepLossChart([run(1, [1, NaN, 0, -1])], { maxPoints: 10, positiveOnly: true }).columns[1]).toEqual([1, null, null, null]);
  });

  it('keeps a run’s colour when the runs before it are cleared', () => {
    const before = stepLossChart([run(1, [1]), run(2, [1])], { maxPoints: 10, positiveOnly: false });
    const after = stepLossChart([run(2, [1])], { maxPoints: 10, positiveOnly: false });
    expect(after.series[0]!.colour).toBe(before.series[1]!.colour);
  });

  it('is empty before any step', () => {
    expect(stepLossChart([run(1, [])], { maxPoints: 10, positiveOnly: false }).columns).toEqual([[], []]);
  });
});

describe('the epoch charts', () => {
  const classification = [
    run(1, [], [report(1, evaluation(0.9, { accuracy: 0.5 }), evaluation(1.0, { accuracy: 0.4 })), report(2, evaluation(0.5, { accuracy: 0.8 }), evaluation(0.7, { accuracy: 0.6 }))]),
    run(2, [], [report(1, evaluation(0.8, { accuracy: 0.6 }))]),
  ];

  it('draws each run’s train and validation loss, only the splits it has, dashed by split', () => {
    const chart = epochChart(classification, primaryLoss, { positiveOnly: false });
    expect(chart.series.map((s) => s.label)).toEqual(['Run 1 · train', 'Run 1 · validation', 'Run 2 · train']);
    expect(chart.columns).toEqual([[1, 2], [0.9, 0.5], [1.0, 0.7], [0.8, null]]);
    expect(chart.series[0]!.dash).toBeUndefined();
    expect(chart.series[1]!.dash).toBeDefined();
    expect(chart.series[1]!.colour).toBe(chart.series[0]!.colour);
  });

  it('plots the metric the loss has', () => {
    expect(availableMetrics(classification)).toEqual(['accuracy']);
    expect(epochChart(classification, metricPick('accuracy'), { positiveOnly: false }).columns.slice(1)).toEqual([[0.5, 0.8], [0.4, 0.6], [0.6, null]]);
    const regression = [run(1, [], [report(1, evaluation(0.2, { mse: 0.2, mae: 0.3 }))])];
    expect(availableMetrics(regression)).toEqual(['mse', 'mae']);
    expect(epochChart(regression, metricPick('mae'), { positiveOnly: false }).columns).toEqual([[1], [0.3]]);
    expect(availableMetrics([run(1, [], [report(1, evaluation(0.2))])])).toEqual([]);
  });

  it('changes its series key when a series appears, not when values grow', () => {
    const one = epochChart([run(1, [], [report(1, evaluation(1))])], primaryLoss, { positiveOnly: false });
    const two = epochChart([run(1, [], [report(1, evaluation(1)), report(2, evaluation(0.5))])], primaryLoss, { positiveOnly: false });
    const withValidation = epochChart([run(1, [], [report(1, evaluation(1), evaluation(2))])], primaryLoss, { positiveOnly: false });
    expect(seriesKey(two.series)).toBe(seriesKey(one.series));
    expect(seriesKey(withValidation.series)).not.toBe(seriesKey(one.series));
  });
});
