/**
 * Graphs with several losses through the real page↔worker path (the store over a TrainingHost on the CPU backend):
 * the spirals MLP with a second classification head, its loss minimised by its own optimizer (two step series, as a
 * GAN's) or summed with the first into one optimizer's loss (one step series, as a VAE's reconstruction + KL). The
 * store keeps every optimizer's loss at every step, and the charts draw a series for each optimizer and loss node.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument, GraphEdge, GraphNode } from '../../engine/graph/types.ts';
import { epochChart, lossValue, metricPick, stepLossChart } from '../../app/training/views/chart-series.ts';
import type { TrainingState } from '../../app/training/training-store.ts';
import { trainingHarness, type Harness } from '../helpers/training-harness.ts';

let harness: Harness | undefined;
afterEach(() => harness?.store.getState().dispose());

const EPOCHS = 2;
const BATCH = 40;

/**
 * The spirals MLP (fc3 → `loss` → `opt`) plus a head on the same features, act2 → head_b → loss_b, which either
 * feeds its own optimizer `opt_b` or is added to `loss` (node `total`) before `opt`.
 */
function twoHeads(secondLoss: 'own optimizer' | 'summed'): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL('../fixtures/train/spirals-mlp.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  const doc = parsed.graph;
  const position = { x: 300, y: 0 };
  const edge = (id: string, from: string, fromPort: string, to: string, toPort: string): GraphEdge => ({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });
  const head: GraphNode[] = [
    { id: 'head_b', kind: 'linear', params: { in_features: 64, out_features: 2 }, position },
    { id: 'loss_b', kind: 'cross_entropy', params: {}, position },
  ];
  const headEdges = [edge('b0', 'act2', 'y', 'head_b', 'x'), edge('b1', 'head_b', 'y', 'loss_b', 'input'), edge('b2', 'data', 'labels', 'loss_b', 'target')];
  const training = { epochs: EPOCHS, batchSize: BATCH, seed: 4, validationSplit: 0.2, backend: 'cpu' as const };
  if (secondLoss === 'own optimizer') {
    return {
      ...doc, training,
      nodes: [...doc.nodes, ...head, { id: 'opt_b', kind: 'sgd', params: { lr: 0.05 }, position }],
      edges: [...doc.edges, ...headEdges, edge('b3', 'loss_b', 'loss', 'opt_b', 'loss')],
    };
  }
  return {
    ...doc, training,
    nodes: [...doc.nodes, ...head, { id: 'total', kind: 'add', params: {}, position }],
    edges: [
      ...doc.edges.filter((e) => e.to.node !== 'opt'),
      ...headEdges,
      edge('b3', 'loss', 'loss', 'total', 'x1'), edge('b4', 'loss_b', 'loss', 'total', 'x2'), edge('b5', 'total', 'y', 'opt', 'loss'),
    ],
  };
}

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
    const done = await train(twoHeads('own optimizer'));
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

  it('summed into one optimizer, has one step series (the sum, unnamed) and both loss nodes per epoch', async () => {
    const done = await train(twoHeads('summed'));
    const run = done.runs.at(-1)!;
    const steps = EPOCHS * Math.ceil(done.data!.trainSamples / BATCH);
    expect(Object.keys(run.steps.losses)).toEqual(['opt']);
    expect(run.steps.losses['opt']).toHaveLength(steps);
    expect(stepLossChart(done.runs, { maxPoints: 2000, positiveOnly: false }).series.map((s) => s.label)).toEqual([run.label]);

    const epochLoss = epochChart(done.runs, lossValue, { positiveOnly: false });
    expect(epochLoss.series.map((s) => s.label)).toEqual([...epochLabels(run.label, 'loss'), ...epochLabels(run.label, 'loss_b')]);
  }, 120_000);
});
