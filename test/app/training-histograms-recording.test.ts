/**
 * Recording histograms through the real page↔worker path (the store over a TrainingHost, CPU backend): with
 * recording on, the worker takes one snapshot at the end of every epoch, however fast the epochs are and with no
 * view asking; the recorder keeps them per run and forgets the runs the store cleared.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { histogramRecorderFor } from '../../app/training/views/histogram-recorder.ts';
import { trainingHarness, type Harness } from '../helpers/training-harness.ts';

function spirals(training: GraphDocument['training']): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL('../fixtures/train/spirals-mlp.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  return { ...parsed.graph, training };
}

let harness: Harness | undefined;
afterEach(() => harness?.store.getState().dispose());

describe('recording histograms', () => {
  it('takes one snapshot at the end of every epoch, with no view asking, in the run under way', async () => {
    // 400 points in batches of 100: 4 steps an epoch, epochs far faster than a probe's round trip from the page.
    harness = trainingHarness(spirals({ epochs: 6, batchSize: 100, seed: 2, backend: 'cpu' }));
    const recorder = histogramRecorderFor(harness.store);
    recorder.getState().setRecording(true);
    await harness.store.getState().start();
    const done = await harness.until((s) => s.status === 'finished');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const run = done.runs.at(-1)!.id;
    const snapshots = recorder.getState().byRun[run]!;
    expect(snapshots.map((s) => s.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(snapshots.map((s) => s.step)).toEqual([4, 8, 12, 16, 20, 24]);
    // Every linear layer's weights and gradient norm are in each snapshot.
    for (const snapshot of snapshots) {
      expect(Object.keys(snapshot.weights)).toEqual(expect.arrayContaining(['fc1.weight', 'fc1.bias']));
      expect(Object.keys(snapshot.gradientNorms).length).toBeGreaterThan(0);
    }
    expect(recorder.getState().error).toBeUndefined();
  });

  it('records nothing once turned off, and forgets the runs the store cleared', async () => {
    harness = trainingHarness(spirals({ epochs: 2, batchSize: 100, seed: 2, backend: 'cpu' }));
    const recorder = histogramRecorderFor(harness.store);
    recorder.getState().setRecording(true);
    await harness.store.getState().start();
    await harness.until((s) => s.status === 'finished');
    recorder.getState().setRecording(false);
    await harness.store.getState().start();
    await harness.until((s) => s.status === 'finished' && s.runs.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [first, second] = harness.store.getState().runs.map((r) => r.id);
    expect(recorder.getState().byRun[first!]).toHaveLength(2);
    expect(recorder.getState().byRun[second!]).toBeUndefined();
    expect(harness.posted.filter((m) => m.type === 'recorded')).toHaveLength(2);

    harness.store.getState().clearRuns();
    recorder.getState().keepRuns(harness.store.getState().runs.map((r) => r.id));
    expect(Object.keys(recorder.getState().byRun)).toEqual([]);
  });
});
