/** Probes for the training view: decision grid, fitted curve, gradient norms, histograms, node outputs. */
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { histogram } from '../../engine/train/histogram.ts';
import { decisionGrid, fittedCurve } from '../../engine/train/probes.ts';
import { resolveTrainingSettings, type TrainingOverrides } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { CATALOG } from '../../nodes/index.ts';
import reference from '../fixtures/pytorch/training-reference.json' with { type: 'json' };
import { graph } from '../helpers/doc.ts';

async function trainerFor(doc: GraphDocument, overrides: TrainingOverrides): Promise<Trainer> {
  const settings = resolveTrainingSettings(doc.training, overrides);
  const dataset = doc.nodes.find((n) => n.kind === 'dataset')!;
  const data = { [dataset.id]: await loadDataset(String(dataset.params['dataset']), { seed: settings.seed }) };
  return Trainer.create(doc, CATALOG, { backend: createCpuBackend({ precision: 'f32' }), settings, data });
}

/** Dense layers by hand: h ← act(W·h + b). */
function forward(state: Map<string, HostTensor>, layers: readonly (readonly [string, (v: number) => number])[], x: readonly number[]): number[] {
  let h = [...x];
  for (const [layer, act] of layers) {
    const W = state.get(`${layer}.weight`)!, b = state.get(`${layer}.bias`)!;
    const [out, inp] = W.shape as [number, number];
    h = Array.from({ length: out }, (_, o) => {
      let s = b.data[o]!;
      for (let i = 0; i < inp; i++) s += W.data[o * inp + i]! * h[i]!;
      return act(s);
    });
  }
  return h;
}

const relu = (v: number) => Math.max(0, v), identity = (v: number) => v;

describe('probes', () => {
  it('decisionGrid: softmax of the model at each cell centre, over the data range plus a margin', async () => {
    const parsed = parseGraph((await import('../fixtures/train/spirals-mlp.json', { with: { type: 'json' } })).default);
    if (!parsed.ok) throw new Error('fixture');
    const t = await trainerFor(parsed.graph, { epochs: 3, seed: 2 });
    await t.fit();
    const grid = (await decisionGrid(t, 8))!;
    expect(grid.resolution).toBe(8);
    expect(grid.classes).toBe(2);
    expect(grid.probabilities).toHaveLength(8 * 8 * 2);
    const xs = Array.from({ length: 400 }, (_, i) => t.trainingData.features.data[2 * i]!);
    const span = Math.max(...xs) - Math.min(...xs);
    expect(grid.x.min).toBeCloseTo(Math.min(...xs) - 0.1 * span, 5);
    const state = await t.stateDict();
    for (const [i, j] of [[0, 0], [3, 5], [7, 7]] as const) {
      const cx = grid.x.min + ((i + 0.5) * (grid.x.max - grid.x.min)) / 8, cy = grid.y.min + ((j + 0.5) * (grid.y.max - grid.y.min)) / 8;
      const z = forward(state, [['fc1', relu], ['fc2', relu], ['fc3', identity]], [cx, cy]);
      const p1 = 1 / (1 + Math.exp(z[0]! - z[1]!));
      expect(grid.probabilities[2 * (j * 8 + i) + 1]).toBeCloseTo(p1, 4);
    }
    t.dispose();
  });

  it('fittedCurve: an MLP trained on sine regression follows sin(x)', async () => {
    const doc = graph(['data', 'dataset', { dataset: 'sine' }], ['fc1', 'linear', { in_features: 1, out_features: 32 }], ['act', 'tanh'],
      ['fc2', 'linear', { in_features: 32, out_features: 1 }], ['loss', 'mse'], ['opt', 'adam', { lr: 0.02 }])
      .link('data.features', 'fc1.x').chain('fc1', 'act', 'fc2').link('fc2.y', 'loss.input').link('data.labels', 'loss.target').link('loss.loss', 'opt.loss').doc;
    const t = await trainerFor(doc, { epochs: 150, batchSize: 32, seed: 1 });
    await t.fit();
    const curve = (await fittedCurve(t, 41))!;
    expect(curve.x).toHaveLength(41);
    let worst = 0;
    curve.x.forEach((x, i) => {
      if (Math.abs(x) < 2.8) worst = Math.max(worst, Math.abs(curve.y[i]! - Math.sin(x)));
    });
    expect(worst).toBeLessThan(0.25);
    expect(await decisionGrid(t)).toBeUndefined();
    t.dispose();
  });

  it('gradientNorms: the 2-norm of each weight gradient of the latest update, equal to PyTorch’s', async () => {
    const c = reference.cases.find((x) => x.name === 'mlp-sgd-plain')!;
    const parsed = parseGraph(c.graph);
    if (!parsed.ok) throw new Error('fixture');
    const n = c.labels.length;
    const t = Trainer.create(parsed.graph, CATALOG, {
      backend: createCpuBackend({ precision: 'f64' }),
      settings: resolveTrainingSettings(undefined, { batchSize: n, epochs: 1 }),
      data: { data: { train: { features: { shape: c.features.shape, dtype: 'f32', data: Float64Array.from(c.features.data) }, labels: { shape: [n], dtype: 'i32', data: Int32Array.from(c.labels) } } } },
    });
    expect(await t.gradientNorms()).toEqual({});
    t.loadStateDict(new Map(Object.entries(c.initial).map(([k, v]) => [k, { shape: v.shape, dtype: 'f32' as const, data: Float64Array.from(v.data) }])));
    await t.runEpoch();
    const norms = await t.gradientNorms();
    for (const [name, g] of Object.entries(c.grads)) expect(norms[name]).toBeCloseTo(Math.hypot(...g.data), 10);
    const outputs = await t.inspect({ features: { shape: [2, 4], dtype: 'f32', data: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8) } });
    expect(outputs.get('fc1:y')!.shape).toEqual([2, 16]);
    expect(outputs.get('act:y')!.data.every((v) => v >= 0)).toBe(true);
    t.dispose();
  });

  it('histogram: equal-width bins from min to max, the maximum in the last bin, non-finite values counted apart', () => {
    expect(histogram([0, 1, 2, 3, 4, NaN, Infinity], 4)).toEqual({ min: 0, max: 4, counts: [1, 1, 1, 2], nonFinite: 2 });
    expect(histogram([0.5, 0.5, 0.5], 5)).toEqual({ min: 0, max: 1, counts: [0, 0, 3, 0, 0], nonFinite: 0 });
    expect(histogram([], 3)).toEqual({ min: 0, max: 0, counts: [0, 0, 0], nonFinite: 0 });
  });
});
