/**
 * The charts' columns and series from the store's runs: alignment across runs, bucketing, splits, metrics, log scale,
 * and one series per loss where a run has several.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation, EpochReport } from '../../engine/train/trainer.ts';
import type { RunRecord } from '../../app/training/training-store.ts';
import { availableMetrics, epochChart, lossValue, metricPick, seriesKey, stepLossChart } from '../../app/training/views/chart-series.ts';

/**
 * A run whose optimizers reported these per-step losses, and these per-step values of the loss nodes they add up
 * (all the same length, as the store keeps them).
 */
const runWith = (
  id: number, losses: Record<string, number[]>, epochs: EpochReport[] = [], terms: Record<string, number[]> = {}, sums: Record<string, string[]> = {},
): RunRecord => ({
  id, label: `Run ${id}`, steps: { x: (Object.values(losses)[0] ?? []).map((_, i) => i + 1), losses, terms }, sums, epochs,
});

/** A run of a graph with one optimizer. */
const run = (id: number, loss: number[], epochs: EpochReport[] = []): RunRecord => runWith(id, { opt: loss }, epochs);

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
    // The store's record before the first step report: no optimizer known yet, so no series.
    expect(stepLossChart([runWith(1, {})], { maxPoints: 10, positiveOnly: false })).toEqual({ series: [], columns: [[]] });
  });

  it('draws one series per optimizer, named and shaded where a run has several, the single-optimizer run as before', () => {
    const single = run(1, [1, 2]);
    const gan = runWith(2, { opt_d: [3, 4], opt_g: [5, 6] });
    const chart = stepLossChart([single, gan], { maxPoints: 100, positiveOnly: false });
    expect(chart.series.map((s) => s.label)).toEqual(['Run 1', 'Run 2 · opt_d', 'Run 2 · opt_g']);
    expect(chart.columns).toEqual([[1, 2], [1, 2], [3, 4], [5, 6]]);
    const [one, d, g] = chart.series.map((s) => s.colour);
    // The first loss keeps the run's own colour (the one it has alone); the second is another shade of it.
    expect(d).toBe(stepLossChart([run(2, [3, 4])], { maxPoints: 100, positiveOnly: false }).series[0]!.colour);
    expect(new Set([one, d, g]).size).toBe(3);
    expect(chart.series.every((s) => s.dash === undefined)).toBe(true);
  });

  it('buckets each optimizer’s losses on the same step axis', () => {
    const chart = stepLossChart([runWith(1, { a: [1, 2, 3, 4, 5, 6, 7], b: [10, 20, 30, 40, 50, 60, NaN] })], { maxPoints: 3, positiveOnly: false });
    expect(chart.columns).toEqual([[2, 5, 8], [2, 5, 7], [20, 50, null]]);
  });

  it('draws each loss node an optimizer adds up beside its total, labelled and shaded after the optimizers', () => {
    const vae = runWith(2, { opt: [3, 5] }, [], { recon: [2, 4], kl: [1, 1] }, { opt: ['recon', 'kl'] });
    const chart = stepLossChart([run(1, [1, 2]), vae], { maxPoints: 100, positiveOnly: false });
    expect(chart.series.map((s) => s.label)).toEqual(['Run 1', 'Run 2 · opt (total)', 'Run 2 · recon', 'Run 2 · kl']);
    expect(chart.columns).toEqual([[1, 2], [1, 2], [3, 5], [2, 4], [1, 1]]);
    const [, total, recon, kl] = chart.series.map((s) => s.colour);
    // The total keeps the run's own colour; each term is another shade of it, as a second and third loss would be.
    expect(total).toBe(stepLossChart([run(2, [3, 5])], { maxPoints: 100, positiveOnly: false }).series[0]!.colour);
    const gan = stepLossChart([runWith(2, { a: [1], b: [1], c: [1] })], { maxPoints: 100, positiveOnly: false });
    expect([total, recon, kl]).toEqual(gan.series.map((s) => s.colour));
    expect(new Set([total, recon, kl]).size).toBe(3);
  });

  it('calls only the optimizer that adds up terms a total, where a run has several optimizers, after them the terms', () => {
    const chart = stepLossChart([runWith(1, { opt_d: [1], opt_vae: [2] }, [], { recon: [1.5], kl: [0.5] }, { opt_vae: ['recon', 'kl'] })], { maxPoints: 10, positiveOnly: false });
    expect(chart.series.map((s) => s.label)).toEqual(['Run 1 · opt_d', 'Run 1 · opt_vae (total)', 'Run 1 · recon', 'Run 1 · kl']);
  });

  it('buckets the terms as the totals, leaving out what cannot be drawn', () => {
    const chart = stepLossChart([runWith(1, { opt: [2, 3, 4, 5, 6, 7, 8] }, [], { a: [1, 2, 3, 4, 5, 6, 7], b: [1, 1, 1, 1, 1, 1, NaN] }, { opt: ['a', 'b'] })], { maxPoints: 3, positiveOnly: true });
    expect(chart.columns).toEqual([[2, 5, 8], [3, 6, 8], [2, 5, 7], [1, 1, null]]);
    // A term that starts later (NaN before it, as the store pads it) has no point in the buckets before it.
    const late = stepLossChart([runWith(1, { opt: [1, 1, 1, 1] }, [], { a: [NaN, NaN, 2, 4], b: [NaN, NaN, 0, -2] }, { opt: ['a', 'b'] })], { maxPoints: 2, positiveOnly: true });
    expect(late.columns.slice(3)).toEqual([[null, null]]);
    expect(late.columns[2]).toEqual([null, 3]);
  });
});

describe('the epoch charts', () => {
  /** A VAE-like evaluation: a reconstruction loss with a metric, and a KL term without one. */
  const vae = (recon: number, kl: number): Evaluation => ({ recon: { loss: recon, metrics: { samples: 10, mse: recon } }, kl: { loss: kl } });

  const classification = [
    run(1, [], [report(1, evaluation(0.9, { accuracy: 0.5 }), evaluation(1.0, { accuracy: 0.4 })), report(2, evaluation(0.5, { accuracy: 0.8 }), evaluation(0.7, { accuracy: 0.6 }))]),
    run(2, [], [report(1, evaluation(0.8, { accuracy: 0.6 }))]),
  ];

  it('draws each run’s train and validation loss, only the splits it has, dashed by split', () => {
    const chart = epochChart(classification, lossValue, { positiveOnly: false });
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

  it('draws every loss node of a run with several, named and shaded, split by dash; a one-loss run as before', () => {
    const runs = [
      run(1, [], [report(1, evaluation(0.9), evaluation(1.0))]),
      run(2, [], [report(1, vae(0.5, 0.1), vae(0.6, 0.2)), report(2, vae(0.4, 0.15), vae(0.5, 0.25))]),
    ];
    const chart = epochChart(runs, lossValue, { positiveOnly: false });
    expect(chart.series.map((s) => s.label)).toEqual([
      'Run 1 · train', 'Run 1 · validation',
      'Run 2 · recon · train', 'Run 2 · recon · validation', 'Run 2 · kl · train', 'Run 2 · kl · validation',
    ]);
    expect(chart.columns).toEqual([[1, 2], [0.9, null], [1.0, null], [0.5, 0.4], [0.6, 0.5], [0.1, 0.15], [0.2, 0.25]]);
    const [, , reconTrain, reconValidation, klTrain, klValidation] = chart.series;
    // Shade by loss node, dash by split.
    expect(reconValidation!.colour).toBe(reconTrain!.colour);
    expect(klValidation!.colour).toBe(klTrain!.colour);
    expect(klTrain!.colour).not.toBe(reconTrain!.colour);
    expect(reconTrain!.dash).toBeUndefined();
    expect(klTrain!.dash).toBeUndefined();
    expect(klValidation!.dash).toEqual(reconValidation!.dash);
    expect(reconValidation!.dash).toBeDefined();
  });

  it('plots a metric for each loss node that has it, naming the node only when several have it', () => {
    const runs = [run(1, [], [report(1, vae(0.5, 0.1))])];
    expect(availableMetrics(runs)).toEqual(['mse']);
    const mse = epochChart(runs, metricPick('mse'), { positiveOnly: false });
    expect(mse.series.map((s) => s.label)).toEqual(['Run 1 · train']);
    expect(mse.columns).toEqual([[1], [0.5]]);

    // Only the second loss node has the metric: its series keeps that node's shade from the loss chart.
    const klOnly = [run(1, [], [report(1, { recon: { loss: 0.5 }, kl: { loss: 0.1, metrics: { samples: 10, mae: 0.3 } } })])];
    expect(availableMetrics(klOnly)).toEqual(['mae']);
    const mae = epochChart(klOnly, metricPick('mae'), { positiveOnly: false });
    const loss = epochChart(klOnly, lossValue, { positiveOnly: false });
    expect(mae.series).toEqual([{ label: 'Run 1 · train', colour: loss.series.find((s) => s.label === 'Run 1 · kl · train')!.colour }]);

    const bothAccuracy: Evaluation = { head: { loss: 1, metrics: { samples: 10, accuracy: 0.5 } }, aux: { loss: 2, metrics: { samples: 10, accuracy: 0.25 } } };
    const accuracy = epochChart([run(1, [], [report(1, bothAccuracy)])], metricPick('accuracy'), { positiveOnly: false });
    expect(accuracy.series.map((s) => s.label)).toEqual(['Run 1 · head · train', 'Run 1 · aux · train']);
    expect(accuracy.columns).toEqual([[1], [0.5], [0.25]]);
  });

  it('changes its series key when a series appears, not when values grow', () => {
    const one = epochChart([run(1, [], [report(1, evaluation(1))])], lossValue, { positiveOnly: false });
    const two = epochChart([run(1, [], [report(1, evaluation(1)), report(2, evaluation(0.5))])], lossValue, { positiveOnly: false });
    const withValidation = epochChart([run(1, [], [report(1, evaluation(1), evaluation(2))])], lossValue, { positiveOnly: false });
    expect(seriesKey(two.series)).toBe(seriesKey(one.series));
    expect(seriesKey(withValidation.series)).not.toBe(seriesKey(one.series));
  });
});
