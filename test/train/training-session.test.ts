/** The controllable training run the browser worker wraps: start, pause, step, continue, stop, reset, failure. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { resolveTrainingSettings, type TrainingOverrides } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { TrainingSession, type SessionEvent } from '../../engine/train/training-session.ts';
import { CATALOG } from '../../nodes/index.ts';

const parsed = parseGraph(readFileSync(new URL('../fixtures/train/spirals-mlp.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('fixture');
const spirals = parsed.graph;

function session(overrides: TrainingOverrides, onEvent: (e: SessionEvent, s: TrainingSession) => void = () => {}) {
  const settings = resolveTrainingSettings(spirals.training, overrides);
  const events: SessionEvent[] = [];
  const s: TrainingSession = new TrainingSession(async () => Trainer.create(spirals, CATALOG, {
    backend: createCpuBackend({ precision: 'f32' }), settings,
    data: { data: await loadDataset('spirals', { seed: settings.seed }) },
  }), settings.epochs, (e) => {
    events.push(e);
    onEvent(e, s);
  });
  return { s, events };
}

const bytes = async (s: TrainingSession): Promise<Map<string, number[]>> =>
  new Map([...(await s.current!.stateDict())].map(([k, t]: [string, HostTensor]) => [k, Array.from(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength))]));

describe('TrainingSession', () => {
  it('runs to the end with step, epoch, status and finished events and a progress that reaches 1', async () => {
    const { s, events } = session({ epochs: 2, seed: 4 });
    await s.start();
    expect(s.state).toBe('finished');
    const steps = events.filter((e) => e.type === 'step');
    expect(steps).toHaveLength(2 * 13);
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(2);
    // An epoch's progress is at its last step, counted as the steps were.
    expect(epochs.map((e) => e.type === 'epoch' && [e.progress.epoch, e.progress.iteration, e.progress.iterations])).toEqual([[1, 13, 13], [2, 13, 13]]);
    expect(events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.status)).toEqual(['running', 'finished']);
    expect(events.at(-1)).toEqual({ type: 'finished', stopReason: 'completed' });
    const fractions = steps.map((e) => e.type === 'step' && e.progress.fraction);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => Number(a) - Number(b))).toEqual(fractions);
    const mid = steps[5]!;
    expect(mid.type === 'step' && mid.progress.secondsLeft).toBeGreaterThan(0);
    expect(mid.type === 'step' && mid.progress.samplesPerSecond).toBeGreaterThan(0);
  });

  it('pauses after the step it is asked in, and continuing gives exactly the weights of an uninterrupted run', async () => {
    const straight = session({ epochs: 2, seed: 4 });
    await straight.s.start();
    const expected = await bytes(straight.s);

    let count = 0;
    const paused = session({ epochs: 2, seed: 4 }, (e, s) => {
      if (e.type === 'step' && ++count === 7) void s.pause();
    });
    await paused.s.start();
    expect(paused.s.state).toBe('paused');
    expect(paused.s.progress!.iteration).toBe(7);
    await paused.s.step();
    expect(paused.s.state).toBe('paused');
    expect(paused.s.progress!.iteration).toBe(8);
    await paused.s.start();
    expect(paused.s.state).toBe('finished');
    expect(await bytes(paused.s)).toEqual(expected);
  });

  it('stop keeps the weights; reset starts over from the seed’s initial weights', async () => {
    let count = 0;
    const { s } = session({ epochs: 2, seed: 4 }, (e, self) => {
      if (e.type === 'step' && ++count === 3) void self.stop();
    });
    await s.start();
    await s.stop();
    expect(s.state).toBe('stopped');
    const trained = await bytes(s);
    await s.reset();
    expect(s.state).toBe('ready');
    expect(s.current).toBeUndefined();
    await s.step();
    const fresh = session({ epochs: 2, seed: 4 });
    await fresh.s.step();
    expect(await bytes(s)).toEqual(await bytes(fresh.s));
    expect(await bytes(s)).not.toEqual(trained);
  });

  it('a diverging run fails with the node and cause of the NaN guard', async () => {
    const { s, events } = session({ epochs: 2, learningRate: 1e30 });
    await s.start();
    expect(s.state).toBe('failed');
    const failed = events.find((e) => e.type === 'failed');
    expect(failed?.type === 'failed' && failed.report?.node).toMatch(/^fc\d$/);
    expect(failed?.type === 'failed' && failed.message).toContain('learning rate');
  });
});
