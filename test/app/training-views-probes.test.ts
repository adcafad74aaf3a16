/**
 * The probes the model-behaviour views draw, through the real page↔worker path (the store over a TrainingHost on
 * the CPU backend): after training the spirals MLP, the decision grid is a probability map that agrees with the
 * points' labels, the confusion matrix counts the chosen split; regression data gets a curve, image data images.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument, ParamValue } from '../../engine/graph/types.ts';
import { openTemplate, TEMPLATES } from '../../app/templates/templates.ts';
import type { ProbeRequest, ProbeResult } from '../../app/training/protocol.ts';
import { stepLossChart } from '../../app/training/views/chart-series.ts';
import { confusionRows } from '../../app/training/views/confusion-shading.ts';
import { decisionGridRgba, gridCellAt } from '../../app/training/views/decision-colours.ts';
import { defaultSplit } from '../../app/training/views/default-split.ts';
import { imageToRgba } from '../../app/training/views/image-rgba.ts';
import { trainingHarness, type Harness } from '../helpers/training-harness.ts';

function spirals(training: GraphDocument['training']): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL('../fixtures/train/spirals-mlp.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  return { ...parsed.graph, training };
}

/** The same MLP on the sine regression data: one input, one output, MSE. */
function sine(): GraphDocument {
  const doc = spirals({ epochs: 1, batchSize: 20, seed: 2, backend: 'cpu' });
  const params: Record<string, Record<string, ParamValue>> = { data: { dataset: 'sine' }, fc1: { in_features: 1, out_features: 64 }, fc3: { in_features: 64, out_features: 1 } };
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === 'loss' ? { ...n, kind: 'mse' } : params[n.id] ? { ...n, params: { ...n.params, ...params[n.id] } } : n)),
  };
}

async function probe<K extends ProbeRequest['kind']>(harness: Harness, request: Extract<ProbeRequest, { kind: K }>): Promise<Extract<ProbeResult, { kind: K }>> {
  const result = await harness.store.getState().probe(request);
  expect(result.kind).toBe(request.kind);
  return result as Extract<ProbeResult, { kind: K }>;
}

let harness: Harness | undefined;
afterEach(() => harness?.store.getState().dispose());

describe('the probes behind the model-behaviour views', () => {
  it('after training the spirals MLP, the decision boundary separates the points and the confusion matrix counts the validation split', async () => {
    harness = trainingHarness(spirals({ epochs: 40, batchSize: 32, seed: 1, backend: 'cpu', validationSplit: 0.25 }));
    await harness.store.getState().start();
    const done = await harness.until((s) => s.status === 'finished');
    const data = done.data!;
    const run = done.runs.at(-1)!;

    const { grid } = await probe(harness, { kind: 'decision-grid', resolution: 40 });
    if (!grid) throw new Error('spirals with cross-entropy should have a decision grid');
    expect([grid.resolution, grid.classes]).toEqual([40, 2]);
    for (let cell = 0; cell < 40 * 40; cell++) expect(grid.probabilities[2 * cell]! + grid.probabilities[2 * cell + 1]!).toBeCloseTo(1, 5);
    expect(decisionGridRgba(grid)).toHaveLength(40 * 40 * 4);

    const { points } = await probe(harness, { kind: 'points', max: 1000 });
    const n = points.labels.data.length;
    expect(n).toBe(data.trainSamples);
    let agree = 0;
    for (let i = 0; i < n; i++) {
      const cell = gridCellAt(grid, points.features.data[2 * i]!, points.features.data[2 * i + 1]!);
      expect(cell).toBeDefined();
      if (cell!.predicted === points.labels.data[i]) agree++;
    }
    const trainAccuracy = run.epochs.at(-1)!.train['loss']!.metrics!.accuracy!;
    expect(trainAccuracy).toBeGreaterThan(0.8);
    // The grid's cells are coarser than the points, so a point near the boundary may fall in a cell of the other class.
    expect(agree / n).toBeGreaterThan(trainAccuracy - 0.1);

    const split = defaultSplit(data);
    expect(split).toBe('validation');
    const { confusion } = await probe(harness, { kind: 'confusion', split });
    if (!confusion) throw new Error('a cross-entropy loss should have a confusion matrix');
    const rows = confusionRows(confusion.classification.confusion);
    expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(data.validationSamples);
    const correct = rows.reduce((sum, row, t) => sum + row.cells[t]!.count, 0);
    expect(confusion.accuracy).toBeCloseTo(correct / data.validationSamples, 6);
    expect(confusion.accuracy).toBeCloseTo(run.epochs.at(-1)!.validation!['loss']!.metrics!.accuracy!, 6);

    // The step chart holds every step of the run (10 steps an epoch: 300 points in batches of 32).
    expect(stepLossChart(done.runs, { maxPoints: 2000, positiveOnly: false }).columns[1]).toHaveLength(run.steps.losses['opt']!.length);
    expect(run.steps.losses['opt']).toHaveLength(40 * Math.ceil(data.trainSamples / 32));

    // Spirals are not 1-D regression data: no curve.
    expect((await probe(harness, { kind: 'fitted-curve' })).curve).toBeUndefined();
  }, 120_000);

  it('fits a curve over 1-D regression data, and has no decision grid or confusion matrix for it', async () => {
    harness = trainingHarness(sine());
    await harness.store.getState().start();
    await harness.until((s) => s.status === 'finished');
    const { curve } = await probe(harness, { kind: 'fitted-curve' });
    if (!curve) throw new Error('sine with MSE should have a fitted curve');
    const { points } = await probe(harness, { kind: 'points', max: 50 });
    expect(points.features.shape).toEqual([50, 1]);
    const xs = Array.from(points.features.data);
    // The curve spans the data's inputs, in order.
    expect(curve.x[0]).toBeLessThanOrEqual(Math.min(...xs));
    expect(curve.x[curve.x.length - 1]).toBeGreaterThanOrEqual(Math.max(...xs));
    expect(Array.from(curve.y).every(Number.isFinite)).toBe(true);
    expect((await probe(harness, { kind: 'decision-grid', resolution: 10 })).grid).toBeUndefined();
    expect((await probe(harness, { kind: 'confusion', split: 'train' })).confusion).toBeUndefined();
  }, 60_000);

  it('gives image data’s predictions with the features the image grid draws', async () => {
    const parsed = openTemplate(TEMPLATES.find((t) => t.id === 'resnet-digits')!);
    if (!parsed.ok) throw new Error('template does not load');
    harness = trainingHarness({ ...parsed.graph, training: { ...parsed.graph.training, backend: 'cpu' } });
    // Probing configures the run without training: an untrained model still predicts.
    const { predictions } = await probe(harness, { kind: 'predictions', split: 'train', count: 12 });
    const data = harness.store.getState().data!;
    expect(data.image).toEqual([1, 8, 8]);
    if (!predictions) throw new Error('a cross-entropy loss should have predictions');
    expect(predictions.features.shape).toEqual([12, 1, 8, 8]);
    expect(predictions.predicted).toHaveLength(12);
    for (const p of predictions.predicted) expect(p).toBeLessThan(data.classes!);
    for (const c of predictions.confidence) expect(c).toBeGreaterThanOrEqual(1 / data.classes! - 1e-6);
    // Every digit has ink and background: its own min..max stretches to black and white.
    const rgba = imageToRgba(predictions.features.data, 64 * 3, data.image!);
    expect(Math.min(...rgba)).toBe(0);
    expect(Math.max(...rgba)).toBe(255);
  }, 60_000);
});
