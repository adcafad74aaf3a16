/**
 * Whole-graph training parity with PyTorch (fixture: test/fixtures/pytorch/make_training_reference.py): from the
 * same weights and batch, netloom's loss, every gradient, and the weights (and batch-norm statistics) after three
 * optimizer steps match PyTorch — 1e-5 relative in float64, 1e-4 in float32.
 */
import { describe, expect, it } from 'vitest';
import type { HostTensor, Precision } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { differentiate } from '../../engine/autodiff/differentiate.ts';
import { lowerGraph } from '../../engine/compile/lower-graph.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { resolveTrainingSettings } from '../../engine/train/settings.ts';
import { Trainer } from '../../engine/train/trainer.ts';
import { CATALOG } from '../../nodes/index.ts';
import reference from '../fixtures/pytorch/training-reference.json' with { type: 'json' };

interface Stored { readonly shape: readonly number[]; readonly data: readonly number[] }
interface Case {
  readonly name: string;
  readonly mode: 'train' | 'eval';
  readonly graph: unknown;
  readonly features: Stored;
  readonly labels: readonly number[];
  readonly initial: Readonly<Record<string, Stored>>;
  readonly loss: number;
  readonly grads: Readonly<Record<string, Stored>>;
  readonly after: Readonly<Record<string, Stored>>;
}

const cases = reference.cases as unknown as readonly Case[];
const TOLERANCE: Record<Precision, number> = { f64: 1e-5, f32: 1e-4 };

function floats(s: Stored, precision: Precision): HostTensor {
  return { shape: s.shape, dtype: 'f32', data: precision === 'f64' ? Float64Array.from(s.data) : Float32Array.from(s.data) };
}

function documentOf(c: Case): GraphDocument {
  const parsed = parseGraph(c.graph);
  if (!parsed.ok) throw new Error(`${c.name}: fixture graph does not load: ${parsed.errors[0]?.message}`);
  return parsed.graph;
}

/** |a − e| ≤ tol·max(1, max|e|) per element: relative to the tensor's scale, so entries near zero do not dominate. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const scale = Math.max(1e-3, ...expected.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / scale);
  expect(worst, `${what}: worst relative error`).toBeLessThanOrEqual(tol);
}

const feedsOf = (c: Case, precision: Precision) => ({
  'data.features': floats(c.features, precision),
  'data.labels': { shape: [c.labels.length], dtype: 'i32' as const, data: Int32Array.from(c.labels) },
});

describe.each(['f64', 'f32'] as const)('training parity with PyTorch (%s)', (precision) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: loss and every gradient', async (_name, c) => {
    const lowered = lowerGraph(documentOf(c), CATALOG, { mode: c.mode });
    if (!lowered.ok) throw new Error(lowered.diagnostics[0]?.message);
    const program = lowered.program;
    const loss = program.outputs['loss:loss']!;
    const params = program.ops.filter((op) => op.op === 'param');
    const { program: withGrads, grads } = differentiate(program, loss, params.map((op) => op.out));
    const runner = createRunner(createCpuBackend({ precision }), withGrads);
    for (const [name, stored] of Object.entries(c.initial)) if (runner.stateNames.includes(name)) runner.setState(name, floats(stored, precision));
    await runner.run(feedsOf(c, precision), { keepAll: true });
    expectClose((await runner.read('loss:loss')).data, [c.loss], TOLERANCE[precision], 'loss');
    expect(params.length).toBe(Object.keys(c.grads).length);
    for (const op of params) {
      const name = (op.attrs as { name: string }).name;
      const expected = c.grads[name];
      expect(expected, `PyTorch has a gradient for ${name}`).toBeDefined();
      expectClose((await runner.readValue(grads.get(op.out)!)).data, expected!.data, TOLERANCE[precision], `∂loss/∂${name}`);
    }
    runner.dispose();
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: weights and statistics after three steps', async (_name, c) => {
    const n = c.labels.length;
    const trainer = Trainer.create(documentOf(c), CATALOG, {
      backend: createCpuBackend({ precision }),
      // One batch holding every sample: each epoch is one step on exactly PyTorch's batch (in shuffled order,
      // which a mean loss does not see).
      settings: resolveTrainingSettings(undefined, { batchSize: n, epochs: 3 }),
      data: { data: { train: feedsOfTrain(c, precision) } },
      mode: c.mode,
    });
    const initial = new Map(Object.entries(c.initial).map(([k, v]) => [k, floats(v, precision)]));
    expect(trainer.loadStateDict(initial)).toEqual([]);
    for (let step = 0; step < 3; step++) await trainer.runEpoch();
    const state = await trainer.stateDict();
    expect([...state.keys()].sort()).toEqual(Object.keys(c.after).sort());
    for (const [name, expected] of Object.entries(c.after)) expectClose(state.get(name)!.data, expected.data, TOLERANCE[precision], name);
    trainer.dispose();
  });
});

function feedsOfTrain(c: Case, precision: Precision) {
  const feeds = feedsOf(c, precision);
  return { features: feeds['data.features'], labels: feeds['data.labels'] };
}
