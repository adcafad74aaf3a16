/**
 * Graphs with several losses through the real page↔worker path (the store over a TrainingHost on the CPU backend):
 * the spirals MLP with a second classification head, its loss minimised by its own optimizer (two step series, as a
 * GAN's) or summed with the first into one optimizer's loss (as a VAE's reconstruction + KL). The store keeps every
 * optimizer's loss at every step, and each loss node an optimizer adds up; the charts draw a series for each.
 * The graph is built by test/helpers/two-heads.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { epochChart, lossValue, metricPick, stepLossChart } from '../../app/training/views/chart-series.ts';
import type { TrainingState } from '../../app/training/training-store.ts';
import { trainingHarness, type Harness } from '../helpers/training-harness.ts';
import { twoHeads } from '../helpers/two-heads.ts';

let harness: Harness | undefined;
afterEach(() => harness?.store.getState().dispose());

const EPOCHS = 2;
const BATCH = 40;

const TRAINING = { epochs: EPOCHS, batchSize: BATCH, seed: 4, validationSplit: 0.2, backend: 'cpu' as const };

async function train(doc: GraphDocument): Promise<TrainingState> {
  harness = trainingHarness(doc);
  await harness.store.getState().start();
  const done = await harness.until((s) => s.status === 'finished' || s.error !== undefined);
  expect(done.error).toBeUndefined();
  // The validation split gives the epoch charts below train and validation series.
  expect(done.data!.validationSamples).toBeGreaterThan(0);
  return done;
}

/** The epoch chart's labels of a loss node in a run with several: train, then validation. */
const epochLabels = (run: string, node: string): string[] => [`${run} · ${node} · train`, `${run} · ${node} · validation`];

describe('training a graph with two losses', () => {
  it('with two optimizers, keeps both optimizers’ losses at every step and charts both loss nodes per epoch', async () => {
    const done = await train(twoHeads({ secondLoss: 'own optimizer', training: TRAINING }));
    const run = done.runs.at(-1)!;
    const steps = EPOCHS * Math.ceil(done.data!.trainSamples / BATCH);
    expect(run.steps.x).toHaveLength(steps);
    expect(Object.keys(run.steps.losses).sort()).toEqual(['opt', 'opt_b']);
    for (const losses of Object.values(run.steps.losses)) {
      expect(losses).toHaveLength(steps);
      expect(losses.every(Number.isFinite)).toBe(true);
    }
    // Two heads with their own weights and optimizers: their losses are not one series twice.
    expect(run.steps.losses['opt']).not.toEqual(run.steps.losses['opt_b']);
    // Each optimizer minimises one loss node, whose value its loss already is: no terms.
    expect(run.steps.terms).toEqual({});
    expect(run.sums).toEqual({});

    const stepChart = stepLossChart(done.runs, { maxPoints: 2000, positiveOnly: false });
    expect(stepChart.series.map((s) => s.label)).toEqual([`${run.label} · opt`, `${run.label} · opt_b`]);
    expect(stepChart.columns.slice(1)).toEqual([run.steps.losses['opt'], run.steps.losses['opt_b']]);

    const epochLoss = epochChart(done.runs, lossValue, { positiveOnly: false });
    expect(epochLoss.series.map((s) => s.label)).toEqual([...epochLabels(run.label, 'loss'), ...epochLabels(run.label, 'loss_b')]);
    expect(epochLoss.columns[0]).toEqual([1, 2]);
    for (const column of epochLoss.columns.slice(1)) expect(column.every((v) => v !== null && v > 0)).toBe(true);
    const epochAccuracy = epochChart(done.runs, metricPick('accuracy'), { positiveOnly: false });
    expect(epochAccuracy.series.map((s) => s.label)).toEqual([...epochLabels(run.label, 'loss'), ...epochLabels(run.label, 'loss_b')]);
  }, 120_000);

  it('summed into one optimizer, keeps the sum and each loss node at every step, and charts both loss nodes per step and epoch', async () => {
    const done = await train(twoHeads({ secondLoss: 'summed', training: TRAINING }));
    const run = done.runs.at(-1)!;
    const steps = EPOCHS * Math.ceil(done.data!.trainSamples / BATCH);
    expect(Object.keys(run.steps.losses)).toEqual(['opt']);
    expect(run.steps.losses['opt']).toHaveLength(steps);
    expect(Object.keys(run.steps.terms).sort()).toEqual(['loss', 'loss_b']);
    // The worker says which optimizer adds up which loss nodes, so only its line is called a total.
    expect(run.sums).toEqual({ opt: ['loss', 'loss_b'] });
    for (const values of Object.values(run.steps.terms)) {
      expect(values).toHaveLength(steps);
      expect(values.every(Number.isFinite)).toBe(true);
    }
    // The optimizer minimised loss + loss_b: each step's total is the sum of its terms (float32 rounding apart).
    run.steps.losses['opt']!.forEach((total, i) => {
      expect(Math.abs(total - (run.steps.terms['loss']![i]! + run.steps.terms['loss_b']![i]!))).toBeLessThanOrEqual(1e-5 * Math.abs(total));
    });

    const stepChart = stepLossChart(done.runs, { maxPoints: 2000, positiveOnly: false });
    expect(stepChart.series.map((s) => s.label)).toEqual([`${run.label} · opt (total)`, `${run.label} · loss`, `${run.label} · loss_b`]);
    expect(stepChart.columns.slice(1)).toEqual([run.steps.losses['opt'], run.steps.terms['loss'], run.steps.terms['loss_b']]);

    const epochLoss = epochChart(done.runs, lossValue, { positiveOnly: false });
    expect(epochLoss.series.map((s) => s.label)).toEqual([...epochLabels(run.label, 'loss'), ...epochLabels(run.label, 'loss_b')]);
  }, 120_000);
});
