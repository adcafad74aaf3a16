/**
 * The probes behind the histograms and node-output views, through the real page↔worker path (the store over a
 * TrainingHost on the CPU backend), on LeNet and Fashion-MNIST after a few single steps: the histograms cover every
 * state_dict tensor and every activation value, the gradient norms every trained weight; a conv node's output for
 * one sample is its [C,H,W] feature maps, equal to what a separate Trainer with the same weights computes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { nodeFileReader } from '../../engine/data/node-files.ts';
import { readSafetensors } from '../../engine/io/safetensors.ts';
import { loadGraphData } from '../../engine/train/load-graph-data.ts';
import { takeRows } from '../../engine/train/rows.ts';
import { resolveTrainingSettings } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { CATALOG } from '../../nodes/index.ts';
import { openTemplate, TEMPLATES } from '../../app/templates/templates.ts';
import type { HistogramsResult, NodeOutputResult } from '../../app/training/protocol.ts';
import { trainingHarness, type Harness } from '../helpers/training-harness.ts';

const STEPS = 3;
const SAMPLE = 5;

function lenet() {
  const parsed = openTemplate(TEMPLATES.find((t) => t.id === 'lenet-fashion')!);
  if (!parsed.ok) throw new Error('the LeNet template does not load');
  return { ...parsed.graph, training: { epochs: 1, batchSize: 16, seed: 3, backend: 'cpu' as const } };
}

let harness: Harness;
/** The model's weights after the steps, as the run panel would download them. */
let weights: ReturnType<typeof readSafetensors>['tensors'];

beforeAll(async () => {
  harness = trainingHarness(lenet());
  for (let i = 1; i <= STEPS; i++) {
    await harness.store.getState().step();
    await harness.until((s) => s.status === 'paused' && (s.runs.at(-1)?.steps.x.length ?? 0) >= i);
  }
  weights = readSafetensors(await harness.store.getState().saveWeights(), 'weights').tensors;
});
afterAll(() => harness.store.getState().dispose());

async function histograms(rows: number, bins: number): Promise<HistogramsResult> {
  const result = await harness.store.getState().probe({ kind: 'histograms', rows, bins });
  if (result.kind !== 'histograms') throw new Error(`asked for histograms, got ${result.kind}`);
  return result.histograms;
}

async function nodeOutput(node: string, sample: number): Promise<NodeOutputResult> {
  const result = await harness.store.getState().probe({ kind: 'node-output', node, split: 'train', sample });
  if (result.kind !== 'node-output') throw new Error(`asked for a node output, got ${result.kind}`);
  return result.output;
}

const total = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

describe('histograms probe (LeNet, after single steps)', () => {
  it('has a histogram of every state_dict tensor whose counts add up to its size, at the step reached', async () => {
    const h = await histograms(8, 20);
    expect(h.step).toBe(STEPS);
    expect(Object.keys(h.weights).sort()).toEqual([...weights.keys()].sort());
    for (const [name, tensor] of weights) {
      const histogram = h.weights[name]!;
      expect(histogram.counts, name).toHaveLength(20);
      expect(total(histogram.counts) + histogram.nonFinite, name).toBe(tensor.data.length);
      expect(histogram.min, name).toBeLessThanOrEqual(Math.min(...tensor.data));
      expect(histogram.max, name).toBeGreaterThanOrEqual(Math.max(...tensor.data));
    }
  });

  it('bins every activation value of the rows asked for, and has a positive gradient norm for every trained weight', async () => {
    const rows = 8;
    const h = await histograms(rows, 20);
    expect(total(h.activations['conv1:y']!.counts)).toBe(rows * 6 * 28 * 28);
    expect(total(h.activations['pool2:y']!.counts)).toBe(rows * 16 * 5 * 5);
    expect(total(h.activations['fc3:y']!.counts)).toBe(rows * 10);
    // ReLU zeroes the negative half: its histogram starts at 0 while the conv before it goes below.
    expect(h.activations['relu1:y']!.min).toBe(0);
    expect(h.activations['conv1:y']!.min).toBeLessThan(0);
    expect(Object.keys(h.gradientNorms).sort()).toEqual([...weights.keys()].sort());
    for (const [name, norm] of Object.entries(h.gradientNorms)) expect(norm > 0 && Number.isFinite(norm), name).toBe(true);
  });
});

describe('node-output probe (LeNet, after single steps)', () => {
  it('gives a conv node’s [C,H,W] feature maps for one sample, equal to a separate Trainer’s with the same weights', async () => {
    const output = await nodeOutput('conv1', SAMPLE);
    expect(Object.keys(output.outputs)).toEqual(['y']);
    expect(output.outputs['y']!.shape).toEqual([6, 28, 28]);

    const doc = lenet();
    const settings = resolveTrainingSettings(doc.training);
    const data = await loadGraphData(doc, CATALOG, { seed: settings.seed, readFile: nodeFileReader() });
    const trainer = Trainer.create(doc, CATALOG, { backend: createCpuBackend({ precision: 'f32' }), settings, data });
    expect(trainer.loadStateDict(weights)).toEqual([]);
    const rows = trainer.rowsOf('train')!;
    const inspected = await trainer.inspect({ features: takeRows(rows.features, [SAMPLE]), labels: takeRows(rows.labels, [SAMPLE]) });
    trainer.dispose();

    expect(Array.from(output.outputs['y']!.data)).toEqual(Array.from(inspected.get('conv1:y')!.data));
    expect(output.input.shape).toEqual([1, 28, 28]);
    expect(Array.from(output.input.data)).toEqual(Array.from(takeRows(rows.features, [SAMPLE]).data));
    expect(output.label.shape).toEqual([]);
    expect(output.label.data[0]).toBe(rows.labels.data[SAMPLE]);
  });

  it('gives the class scores as a vector, and a clear error for a node without output or a sample out of range', async () => {
    const scores = await nodeOutput('fc3', 0);
    expect(scores.outputs['y']!.shape).toEqual([10]);
    await expect(nodeOutput('opt', 0)).rejects.toThrow(/node opt has no output/);
    const n = harness.store.getState().data!.trainSamples;
    await expect(nodeOutput('conv1', n)).rejects.toThrow(`sample ${n} is out of range`);
  });
});
