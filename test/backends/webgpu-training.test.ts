/**
 * Whole training steps on WebGPU against the CPU backend: the Trainer with the same graph, data and seed on both
 * backends must leave the same weights (within 1e-3) after a few updates of an MLP (Adam) and of a CNN with batch
 * norm and dropout (so the dropout masks must be the same draws on both). Also: the NaN guard's replay on the CPU
 * names the node that went non-finite on the GPU; and the per-step terms of a loss that adds up two loss nodes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { initialState } from '../../engine/backends/init-state.ts';
import { createWebGpuBackend } from '../../engine/backends/webgpu/create.ts';
import { replayOnCpu } from '../../engine/backends/replay-on-cpu.ts';
import type { WebGpuBackend } from '../../engine/backends/webgpu/webgpu-backend.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { nodeFileReader } from '../../engine/data/node-files.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { STEP_LOSS } from '../../engine/train/compile-training.ts';
import { diagnoseNonFinite } from '../../engine/train/nan-guard.ts';
import { resolveTrainingSettings, type TrainingOverrides } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';
import { twoHeads } from '../helpers/two-heads.ts';
import { firstMismatch } from './run-case.ts';

const WEIGHTS = { rtol: 1e-3, atol: 1e-3 };
const STEPS = 4;

function load(path: string): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.graph;
}

const spirals = load('../fixtures/train/spirals-mlp.json');

/** Conv → batch norm → ReLU → max pool → dropout → linear on the 8×8 digits, trained with SGD and momentum. */
const digitsCnn = graph(
  ['data', 'dataset', { dataset: 'digits', layout: 'image' }],
  ['conv', 'conv2d', { in_channels: 1, out_channels: 6, kernel_size: 3, padding: 1 }],
  ['bn', 'batch_norm2d', { num_features: 6 }],
  ['act', 'relu'],
  ['pool', 'max_pool2d', { kernel_size: 2 }],
  ['drop', 'dropout', { p: 0.25 }],
  ['flat', 'flatten'],
  ['fc', 'linear', { in_features: 96, out_features: 10 }],
  ['loss', 'cross_entropy'],
  ['opt', 'sgd', { lr: 0.05, momentum: 0.9 }],
).link('data.features', 'conv.x').chain('conv', 'bn', 'act', 'pool', 'drop', 'flat', 'fc')
  .link('fc.y', 'loss.input').link('data.labels', 'loss.target').link('loss.loss', 'opt.loss').doc;

async function trainer(doc: GraphDocument, backend: Backend, overrides: TrainingOverrides): Promise<Trainer> {
  const settings = resolveTrainingSettings(doc.training, { validationSplit: 0, ...overrides });
  const data: Record<string, Awaited<ReturnType<typeof loadDataset>>> = {};
  const readFile = nodeFileReader();
  for (const node of doc.nodes.filter((n) => n.kind === 'dataset')) {
    data[node.id] = await loadDataset(String(node.params['dataset']), { seed: settings.seed, readFile, layout: node.params['layout'] === 'image' ? 'image' : 'flat' });
  }
  return Trainer.create(doc, CATALOG, { backend, settings, data });
}

/** The weights and buffers after `steps` updates, and the loss of each update. */
async function train(doc: GraphDocument, backend: Backend, overrides: TrainingOverrides): Promise<{ state: Map<string, HostTensor>; losses: number[] }> {
  const t = await trainer(doc, backend, overrides);
  const losses: number[] = [];
  let done = 0;
  await t.runEpoch({ onStep: (s) => { losses.push(Object.values(s.losses)[0]!); }, shouldStop: () => ++done >= STEPS });
  const state = await t.stateDict();
  t.dispose();
  return { state, losses };
}

let gpu: WebGpuBackend;
// Without a GPU, Dawn runs on SwiftShader (Chromium's software Vulkan); no adapter at all fails every test below.
beforeAll(async () => {
  gpu = await createWebGpuBackend({ softwareFallback: true });
}, 60_000);
afterAll(() => gpu?.dispose());

async function expectSameTraining(doc: GraphDocument, overrides: TrainingOverrides): Promise<void> {
  const cpu = await train(doc, createCpuBackend({ precision: 'f32' }), overrides);
  const onGpu = await train(doc, gpu, overrides);
  expect(onGpu.losses).toHaveLength(STEPS);
  expect(firstMismatch(Float32Array.from(onGpu.losses), cpu.losses, WEIGHTS)).toBeUndefined();
  expect([...onGpu.state.keys()].sort()).toEqual([...cpu.state.keys()].sort());
  for (const [name, expected] of cpu.state) {
    expect(firstMismatch(onGpu.state.get(name)!.data, Array.from(expected.data), WEIGHTS), name).toBeUndefined();
  }
}

describe('training on WebGPU against the CPU backend', () => {
  it(`gives the CPU's weights after ${STEPS} Adam updates of the spirals MLP`, async () => {
    await expectSameTraining(spirals, { seed: 5, batchSize: 32 });
  });

  it(`gives the CPU's weights and batch-norm statistics after ${STEPS} updates of a CNN with dropout`, async () => {
    await expectSameTraining(digitsCnn, { seed: 11, batchSize: 32 });
  });

  it('reports each loss node of a summed loss at every step, as the CPU does', async () => {
    const summed = twoHeads({ secondLoss: 'summed', training: {} });
    const termsOf = async (backend: Backend): Promise<Record<string, number>[]> => {
      const t = await trainer(summed, backend, { seed: 3, batchSize: 32 });
      const terms: Record<string, number>[] = [];
      let done = 0;
      await t.runEpoch({ onStep: (s) => { terms.push({ ...s.terms }); }, shouldStop: () => ++done >= STEPS });
      t.dispose();
      return terms;
    };
    const cpu = await termsOf(createCpuBackend({ precision: 'f32' }));
    const onGpu = await termsOf(gpu);
    expect(onGpu).toHaveLength(STEPS);
    for (const node of ['loss', 'loss_b']) {
      expect(firstMismatch(Float32Array.from(onGpu.map((terms) => terms[node]!)), cpu.map((terms) => terms[node]!), WEIGHTS), node).toBeUndefined();
    }
  });

  it('compiles no pipeline after the first step: plans and bind groups are reused', async () => {
    const t = await trainer(digitsCnn, gpu, { seed: 2, batchSize: 16 });
    let done = 0;
    await t.runEpoch({ shouldStop: () => ++done >= 1 });
    const compiled = gpu.pipelineCount;
    done = 0;
    await t.runEpoch({ shouldStop: () => ++done >= 2 });
    expect(gpu.pipelineCount).toBe(compiled);
    t.dispose();
  });

  it('replays a non-finite GPU step on the CPU and names the first node that went non-finite', async () => {
    const t = await trainer(spirals, gpu, { seed: 1 });
    const step = t.compiled.steps[0]!;
    const runner = createRunner(gpu, step.program);
    for (const [name, tensor] of initialState(step.program, 1)) runner.setState(name, tensor);
    const fc2 = (await runner.getState('fc2.weight')).data.slice();
    fc2[3] = NaN;
    runner.setState('fc2.weight', { shape: (await runner.getState('fc2.weight')).shape, dtype: 'f32', data: fc2 });
    const source = t.compiled.plan.datasets[0]!;
    const feeds = {
      [source.featuresInput]: { shape: [2, 2], dtype: 'f32' as const, data: Float32Array.of(0.5, -0.5, 1, 0.25) },
      [source.labelsInput]: { shape: [2], dtype: 'i32' as const, data: Int32Array.of(0, 1) },
      [step.lrInput]: { shape: [], dtype: 'f32' as const, data: Float32Array.of(0.01) },
      [step.stepInput]: { shape: [], dtype: 'f32' as const, data: Float32Array.of(1) },
    };
    await runner.run(feeds, { seed: 9 });
    expect(Number.isNaN((await runner.read(STEP_LOSS)).data[0])).toBe(true);
    const report = await replayOnCpu(runner, { feeds, seed: 9, precision: 'f32' }, (cpu, replay) => diagnoseNonFinite(cpu, step.firstBackwardValue, replay, 0.01));
    expect(report).toMatchObject({ node: 'fc2', op: 'param', pass: 'forward', value: 'NaN' });
    // The step guard kept the GPU's weights as they were: the NaN is still where it was put, the rest unchanged.
    expect(Array.from((await runner.getState('fc2.weight')).data)).toEqual(Array.from(fc2));
    runner.dispose();
    t.dispose();
  });
});
