import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { readSafetensors } from '../../engine/io/safetensors.ts';
import { trainingKey } from '../../app/training/training-key.ts';
import { trainingHarness, type Harness } from '../helpers/training-harness.ts';

function fixture(name: string): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL(`../fixtures/train/${name}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  return parsed.graph;
}

const spirals = (training: GraphDocument['training']): GraphDocument => ({ ...fixture('spirals-mlp.json'), training });

let harness: Harness | undefined;
afterEach(() => harness?.store.getState().dispose());

describe('the training store over the worker host', () => {
  it('trains to the end, reporting steps, epochs and progress in order', async () => {
    harness = trainingHarness(spirals({ epochs: 3, batchSize: 40, seed: 1, backend: 'cpu' }));
    await harness.store.getState().start();
    const done = await harness.until((s) => s.status === 'finished');
    const run = done.runs.at(-1)!;
    // 400 spirals points in batches of 40: 10 steps an epoch.
    expect(run.steps.x).toHaveLength(30);
    expect(Object.keys(run.steps.losses)).toEqual(['opt']);
    expect(run.steps.losses['opt']).toHaveLength(30);
    expect(run.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(done.progress?.fraction).toBe(1);
    expect(done.backend?.name).toBe('cpu');
    expect(done.data).toMatchObject({ trainSamples: 400, featureShape: [2], classes: 2 });
    // Step reports are batched into messages, never one per step for a fast model, and arrive before the epoch.
    const kinds = harness.posted.map((m) => (m.type === 'session' ? m.event.type : m.type));
    expect(kinds.filter((k) => k === 'steps').length).toBeLessThan(30);
    expect(kinds.indexOf('steps')).toBeLessThan(kinds.indexOf('epoch'));
  });

  it('pauses and continues to the same weights as an uninterrupted run', async () => {
    // Long enough (800 steps) that the pause sent right after the start lands in the middle of the run.
    const doc = spirals({ epochs: 20, batchSize: 10, seed: 3, backend: 'cpu' });
    const straight = trainingHarness(doc);
    await straight.store.getState().start();
    await straight.until((s) => s.status === 'finished');
    const expected = readSafetensors(await straight.store.getState().saveWeights()).tensors;
    straight.store.getState().dispose();

    harness = trainingHarness(doc);
    const store = harness.store;
    await store.getState().step();
    await harness.until((s) => s.status === 'paused' && s.runs.at(-1)!.steps.losses['opt']?.length === 1);
    await store.getState().start();
    const running = harness.until((s) => s.status === 'running');
    store.getState().pause();
    await running;
    const paused = await harness.until((s) => s.status === 'paused');
    expect(paused.runs.at(-1)!.steps.losses['opt']!.length).toBeLessThan(800);
    await store.getState().start();
    await harness.until((s) => s.status === 'finished');
    expect(store.getState().runs.at(-1)!.steps.losses['opt']).toHaveLength(800);
    const got = readSafetensors(await store.getState().saveWeights()).tensors;
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [name, tensor] of expected) expect(got.get(name)!.data).toEqual(tensor.data);
  });

  it('reset starts a new run from the seed; an edited graph starts a new session', async () => {
    harness = trainingHarness(spirals({ epochs: 1, batchSize: 100, seed: 0, backend: 'cpu' }));
    const store = harness.store;
    const initial = readSafetensors(await store.getState().saveWeights()).tensors;
    await store.getState().start();
    await harness.until((s) => s.status === 'finished');
    await store.getState().reset();
    await harness.until((s) => s.status === 'ready');
    const again = readSafetensors(await store.getState().saveWeights()).tensors;
    for (const [name, tensor] of initial) expect(again.get(name)!.data).toEqual(tensor.data);
    expect(store.getState().runs).toHaveLength(2);

    // The session remembers which graph it was built from: the edit makes it stale until the next Train.
    const before = store.getState().sessionKey;
    expect(before).toBe(trainingKey(harness.doc));
    harness.doc = { ...harness.doc, training: { ...harness.doc.training, seed: 9 } };
    expect(trainingKey(harness.doc)).not.toBe(before);
    await store.getState().start();
    expect(store.getState().sessionKey).toBe(trainingKey(harness.doc));
    await harness.until((s) => s.status === 'finished');
    expect(store.getState().runs).toHaveLength(3);
    expect(store.getState().runs.at(-1)!.label).toContain('seed 9');
    store.getState().clearRuns();
    expect(store.getState().runs).toHaveLength(1);
  });

  it('refuses weights with a wrong shape, listing each mismatch, and keeps the model', async () => {
    harness = trainingHarness(spirals({ epochs: 1, backend: 'cpu' }));
    const store = harness.store;
    const good = await store.getState().saveWeights();
    const tensors = readSafetensors(good).tensors;
    const { writeSafetensors } = await import('../../engine/io/safetensors.ts');
    const [firstName, first] = [...tensors][0]!;
    const wrong = new Map(tensors);
    wrong.set(firstName, { ...first, shape: [first.shape[0]! + 1, ...first.shape.slice(1)], data: new Float32Array(first.data.length + (first.data.length / first.shape[0]!)) });
    wrong.set('extra.weight', { shape: [1], dtype: 'f32', data: new Float32Array(1) });
    const result = await store.getState().loadWeights(writeSafetensors(wrong));
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.startsWith(`${firstName}: shape`))).toBe(true);
    expect(result.problems).toContain('extra.weight: not a weight of this graph');
    const after = readSafetensors(await store.getState().saveWeights()).tensors;
    expect(after.get(firstName)!.data).toEqual(first.data);
    expect((await store.getState().loadWeights(good)).ok).toBe(true);
  });

  it('names the node when the graph cannot train, and the NaN guard names the node that went non-finite', async () => {
    const broken = spirals({ backend: 'cpu' });
    harness = trainingHarness({ ...broken, nodes: broken.nodes.map((n) => (n.id === 'fc2' ? { ...n, params: { ...n.params, in_features: 7 } } : n)) });
    await harness.store.getState().start();
    const failed = await harness.until((s) => s.error !== undefined);
    expect(failed.error?.node).toBe('fc2');
    expect(failed.status).toBe('idle');
  });

  it('a diverging run fails, and the NaN guard names the node and the likely cause', async () => {
    const doc = spirals({ epochs: 2, backend: 'cpu' });
    harness = trainingHarness({ ...doc, nodes: doc.nodes.map((n) => (n.kind === 'adam' ? { ...n, params: { ...n.params, lr: 1e30 } } : n)) });
    await harness.store.getState().start();
    const failed = await harness.until((s) => s.status === 'failed' && s.error !== undefined);
    expect(failed.error?.node).toMatch(/^fc\d$/);
    expect(failed.error?.cause).toContain('learning rate');
  });
});
