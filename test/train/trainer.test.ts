/** The training loop: reproducibility, the NaN guard, several optimizers with a schedule, early stopping. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { NonFiniteError } from '../../engine/train/nan-guard.ts';
import { resolveTrainingSettings, type TrainingOverrides } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { CATALOG } from '../../nodes/index.ts';

function load(path: string): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.graph;
}

const spirals = load('../fixtures/train/spirals-mlp.json');

async function trainer(doc: GraphDocument, overrides: TrainingOverrides): Promise<Trainer> {
  const settings = resolveTrainingSettings(doc.training, overrides);
  const data: Record<string, Awaited<ReturnType<typeof loadDataset>>> = {};
  for (const node of doc.nodes.filter((n) => n.kind === 'dataset')) data[node.id] = await loadDataset(String(node.params['dataset']), { seed: settings.seed });
  return Trainer.create(doc, CATALOG, { backend: createCpuBackend({ precision: 'f32' }), settings, data });
}

const bytesOf = (state: Map<string, HostTensor>): Map<string, number[]> =>
  new Map([...state].map(([name, t]) => [name, Array.from(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength))]));

describe('Trainer', () => {
  it('gives bit-identical weights for the same seed, graph and data, and different ones for another seed', async () => {
    const run = async (seed: number) => {
      const t = await trainer(spirals, { seed, epochs: 2 });
      await t.fit();
      const state = bytesOf(await t.stateDict());
      t.dispose();
      return state;
    };
    const a = await run(7), b = await run(7), c = await run(8);
    expect(a.size).toBe(6);
    expect(b).toEqual(a);
    expect(c.get('fc1.weight')).not.toEqual(a.get('fc1.weight'));
  });

  it('stops on a non-finite loss, names the node and a likely cause, and keeps the weights from before the bad step', async () => {
    const t = await trainer(spirals, { learningRate: 1e30, epochs: 5, seed: 1 });
    let lastGood: Map<string, HostTensor> | undefined;
    const error = await t.fit({ onStep: async () => { lastGood = await t.stateDict(); } }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteError);
    const report = (error as NonFiniteError).report!;
    expect(['fc1', 'fc2', 'fc3', 'act1', 'act2', 'loss', 'opt']).toContain(report.node);
    expect((error as NonFiniteError).message).toContain(`node ${report.node}`);
    expect(report.cause).toMatch(/learning rate/);
    expect(lastGood).toBeDefined();
    expect(bytesOf(await t.stateDict())).toEqual(bytesOf(lastGood!));
    t.dispose();
  });

  it('runs a GAN-style graph: two optimizers on their own weight groups, the discriminator taking k = 2 steps per iteration', async () => {
    const gan = load('../fixtures/graphs/gan-two-optimizers.json');
    const t = await trainer(gan, { epochs: 1, batchSize: 50, seed: 3 });
    expect(t.compiled.steps.map((s) => [s.optimizer.node, [...s.updates].sort()])).toEqual([
      ['g_opt', ['g1.bias', 'g1.weight', 'g2.bias', 'g2.weight']],
      ['d_opt', ['d_fake.bias', 'd_fake.weight', 'd_real.bias', 'd_real.weight']],
    ]);
    const before = bytesOf(await t.stateDict());
    const losses: Record<string, number>[] = [];
    await t.runEpoch({ onStep: (s) => { losses.push({ ...s.losses }); } });
    const iterations = Math.ceil(400 / 50);
    expect(t.updateCounts()).toEqual({ g_opt: iterations, d_opt: 2 * iterations });
    expect(losses).toHaveLength(iterations);
    const after = bytesOf(await t.stateDict());
    for (const name of ['g1.weight', 'g2.bias', 'd_real.weight', 'd_fake.bias']) expect(after.get(name), name).not.toEqual(before.get(name));
    t.dispose();
  });

  it('stops early when the validation loss stops improving', async () => {
    // A learning rate far below float32 resolution leaves the weights, and so the validation loss, unchanged.
    const t = await trainer(spirals, { learningRate: 1e-30, epochs: 10, validationSplit: 0.25, earlyStoppingPatience: 2 });
    const result = await t.fit();
    expect(result.stopReason).toBe('early-stopping');
    expect(result.epochs).toHaveLength(3);
    expect(result.epochs[0]!.validation!['loss']!.metrics!.samples).toBe(100);
    expect(result.epochs[0]!.train['loss']!.metrics!.samples).toBe(300);
    t.dispose();
  });

  it('refuses a graph without Dataset data, naming the Input node', async () => {
    const doc: GraphDocument = {
      ...spirals,
      nodes: [
        ...spirals.nodes.filter((n) => n.id !== 'data'),
        { id: 'points', kind: 'input', params: { shape: ['N', 2] }, position: { x: 0, y: 0 } },
        { id: 'classes', kind: 'input', params: { shape: ['N'], dtype: 'i32' }, position: { x: 0, y: 0 } },
      ],
      edges: spirals.edges.map((e) => (e.from.node !== 'data' ? e : { ...e, from: e.from.port === 'features' ? { node: 'points', port: 'y' } : { node: 'classes', port: 'y' } })),
    };
    expect(() => Trainer.create(doc, CATALOG, { backend: createCpuBackend({ precision: 'f32' }), settings: resolveTrainingSettings(undefined), data: {} }))
      .toThrow('training reads its data from Dataset nodes, but points, classes are Input nodes');
  });
});

describe('compiled training programs', () => {
  it('verify: every op matches its shape rule and state updates target params and buffers', async () => {
    const { compileTraining } = await import('../../engine/train/compile-training.ts');
    const { verifyProgram } = await import('../../engine/ir/verify.ts');
    for (const doc of [spirals, load('../fixtures/train/fashion-cnn.json'), load('../fixtures/graphs/gan-two-optimizers.json')]) {
      const result = compileTraining(doc, CATALOG);
      if (!result.ok) throw new Error(result.message);
      for (const step of result.training.steps) expect(verifyProgram(step.program), step.optimizer.node).toEqual([]);
      expect(verifyProgram(result.training.evaluation)).toEqual([]);
    }
  });
});

describe('pausing', () => {
  it('a run stopped mid-epoch and continued ends with exactly the weights of an uninterrupted run', async () => {
    const straight = await trainer(spirals, { seed: 5, epochs: 2 });
    await straight.fit();
    const expected = bytesOf(await straight.stateDict());
    straight.dispose();

    const paused = await trainer(spirals, { seed: 5, epochs: 2 });
    let steps = 0;
    const stopEvery5 = { shouldStop: () => ++steps % 5 === 0 };
    let result = await paused.fit(stopEvery5);
    let calls = 1;
    while (result.stopReason === 'stopped') {
      result = await paused.fit(stopEvery5);
      calls++;
    }
    expect(result.stopReason).toBe('completed');
    expect(result.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(calls).toBeGreaterThan(4);
    expect(bytesOf(await paused.stateDict())).toEqual(expected);
    paused.dispose();
  });
});
