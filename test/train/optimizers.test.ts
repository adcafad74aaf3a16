/**
 * Optimizer update rules against torch.optim (test/fixtures/pytorch/optimizer-reference.json, made by
 * make_optimizer_reference.py): the same starting weights and the same gradients, fed through `input` ops so no
 * autodiff is involved, must give PyTorch's weights and optimizer state after every step. Hyper-parameters come
 * from the optimizer node's params with its defaults filled in, so the node defaults are checked against PyTorch's.
 */
import { describe, expect, it } from 'vitest';
import type { HostTensor, Precision } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { resolveParams } from '../../engine/compile/params.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { Value } from '../../engine/ir/program.ts';
import { buildOptimizerStep, learningRateOf, optimizerStateName } from '../../engine/train/optimizers/build-step.ts';
import { isOptimizerKind, UPDATE_RULES } from '../../engine/train/optimizers/registry.ts';
import { OPTIMIZER_KINDS } from '../../nodes/optimizers/index.ts';
import reference from '../fixtures/pytorch/optimizer-reference.json' with { type: 'json' };

interface Step {
  lr: number;
  grads: Record<string, number[]>;
  gradNorm: number;
  weights: Record<string, number[]>;
  state: Record<string, number[]>;
}
interface Case {
  kind: string;
  params: Record<string, number | boolean>;
  shapes: Record<string, number[]>;
  weights: Record<string, number[]>;
  steps: Step[];
}

// The JSON import types each case's params as its own object shape; they are all node params by name.
const CASES = reference.optimizers as unknown as readonly Case[];
const OPTIMIZER_ID = 'opt';
/**
 * float64 must agree element by element. In float32 an element near zero (a momentum that changes sign) carries the
 * rounding error of the whole tensor's magnitude, so there the error is measured against the largest element.
 */
const TOLERANCE: Record<Precision, { readonly rtol: number; readonly perElement: boolean }> = {
  f64: { rtol: 1e-10, perElement: true },
  f32: { rtol: 1e-5, perElement: false },
};

function nodeKind(id: string) {
  const kind = OPTIMIZER_KINDS.find((k) => k.id === id);
  if (!kind) throw new Error(`no optimizer node kind ${id}`);
  return kind;
}

const gradInput = (weight: string) => `grad.${weight}`;

/** A program with one `param` per weight, its gradient as an `input`, and the optimizer's update. */
function buildProgram(c: Case) {
  const b = new Builder();
  const pairs = Object.entries(c.shapes).map(([name, shape]) => ({
    param: b.op('param', [], { name, shape, init: { dist: 'constant', value: 0 } }),
    grad: b.op('input', [], { name: gradInput(name), shape, dtype: 'f32' }),
  }));
  const { params, problems } = resolveParams(nodeKind(c.kind).params, c.params);
  expect(problems).toEqual([]);
  const step = buildOptimizerStep(b, { id: OPTIMIZER_ID, kind: c.kind, hyper: params, pairs });
  b.output('gradNorm', step.gradNorm);
  return { program: b.program(), step };
}

/** netloom's name of PyTorch's state entry `<weight>.<slot>` (e.g. `lin.weight.exp_avg`). */
function stateName(c: Case, key: string): string {
  const weight = Object.keys(c.shapes).find((w) => key.startsWith(`${w}.`))!;
  return optimizerStateName(OPTIMIZER_ID, weight, key.slice(weight.length + 1));
}

function tensor(precision: Precision, shape: readonly number[], data: readonly number[]): HostTensor {
  return { shape, dtype: 'f32', data: precision === 'f64' ? Float64Array.from(data) : Float32Array.from(data) };
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], precision: Precision, what: string): void {
  const { rtol, perElement } = TOLERANCE[precision];
  expect(actual.length, what).toBe(expected.length);
  const largest = Math.max(...expected.map(Math.abs));
  expected.forEach((e, i) => {
    const a = actual[i]!;
    const scale = perElement ? Math.abs(e) : largest;
    if (!(Math.abs(a - e) <= rtol * scale)) expect.fail(`${what}[${i}] = ${a}, PyTorch ${e} (tolerance ${rtol} × ${scale})`);
  });
}

const describeCase = (c: Case) => `${c.kind} ${JSON.stringify(c.params)}${new Set(c.steps.map((s) => s.lr)).size > 1 ? ' with a changing lr' : ''}`;

describe(`optimizer steps against torch.optim ${reference.torch}`, () => {
  for (const precision of ['f64', 'f32'] as const) {
    for (const c of CASES) {
      it(`${describeCase(c)} in ${precision}`, async () => {
        const { program, step } = buildProgram(c);
        const backend = createCpuBackend({ precision });
        const runner = await createRunner(backend, program);
        try {
          for (const [name, data] of Object.entries(c.weights)) runner.setState(name, tensor(precision, c.shapes[name]!, data));
          // The same state as PyTorch keeps: no momentum buffer without momentum, max_exp_avg_sq only with amsgrad.
          const stateNames = Object.keys(c.steps[0]!.state).map((key) => stateName(c, key));
          expect([...runner.stateNames].sort()).toEqual([...Object.keys(c.shapes), ...stateNames].sort());

          for (const [t, s] of c.steps.entries()) {
            const feeds: Record<string, HostTensor> = {
              [step.lrInput]: tensor(precision, [], [s.lr]),
              [step.stepInput]: tensor(precision, [], [t + 1]),
            };
            for (const [name, grad] of Object.entries(s.grads)) feeds[gradInput(name)] = tensor(precision, c.shapes[name]!, grad);
            await runner.run(feeds);
            expectClose((await runner.read('gradNorm')).data, [s.gradNorm], precision, `step ${t + 1} gradient norm`);
            for (const [name, expected] of Object.entries(s.weights)) {
              expectClose((await runner.getState(name)).data, expected, precision, `step ${t + 1} ${name}`);
            }
            for (const [key, expected] of Object.entries(s.state)) {
              expectClose((await runner.getState(stateName(c, key))).data, expected, precision, `step ${t + 1} ${key}`);
            }
          }
        } finally {
          runner.dispose();
          backend.dispose();
        }
      });
    }
  }
});

describe('the optimizer registry', () => {
  it('has an update rule for every optimizer node kind, and none for other kinds', () => {
    expect(OPTIMIZER_KINDS.map((k) => k.id).sort()).toEqual(Object.keys(UPDATE_RULES).sort());
    expect(isOptimizerKind('linear')).toBe(false);
    expect(isOptimizerKind('toString')).toBe(false);
  });

  it('covers every optimizer kind, with and without momentum-like state, in the PyTorch fixture', () => {
    const kinds = new Set(CASES.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(Object.keys(UPDATE_RULES).sort());
  });
});

describe('buildOptimizerStep', () => {
  const weightAndGrad = (b: Builder): { param: Value; grad: Value } => ({
    param: b.op('param', [], { name: 'w', shape: [2], init: { dist: 'constant', value: 0 } }),
    grad: b.op('input', [], { name: 'g', shape: [2], dtype: 'f32' }),
  });
  const defaults = (kind: string) => resolveParams(nodeKind(kind).params, {}).params;

  it('names its inputs after the optimizer node and stamps what it builds with that node', () => {
    const b = new Builder();
    b.currentNode = 'lin';
    const pair = weightAndGrad(b);
    const before = b.values.length;
    const step = buildOptimizerStep(b, { id: 'adam1', kind: 'adam', hyper: defaults('adam'), pairs: [pair] });
    expect([step.lrInput, step.stepInput]).toEqual(['optim.adam1.lr', 'optim.adam1.step']);
    expect(new Set(b.values.slice(before).map((v) => v.node))).toEqual(new Set(['adam1']));
    expect(b.currentNode).toBe('lin');
    const buffers = b.ops.filter((o) => o.op === 'buffer').map((o) => (o.attrs as { name: string }).name);
    expect(buffers).toEqual(['optim.adam1.w.exp_avg', 'optim.adam1.w.exp_avg_sq']);
    // The weight and both moments take their new values after the step.
    expect(b.stateUpdates.map((u) => u.buffer).sort()).toEqual([pair.param.id, ...b.ops.filter((o) => o.op === 'buffer').map((o) => o.out)].sort());
  });

  it('refuses an unknown kind and a gradient of something that is not a weight', () => {
    const b = new Builder();
    const pair = weightAndGrad(b);
    expect(() => buildOptimizerStep(b, { id: 'o', kind: 'lbfgs', hyper: {}, pairs: [pair] })).toThrow(/no update rule for kind "lbfgs"/);
    expect(() => buildOptimizerStep(b, { id: 'o', kind: 'sgd', hyper: defaults('sgd'), pairs: [{ param: pair.grad, grad: pair.grad }] }))
      .toThrow(/not a weight/);
    expect(b.currentNode).toBeUndefined();
  });
});

describe('learningRateOf', () => {
  it('takes the node lr, or the run’s override, under the node’s schedule', () => {
    const params = resolveParams(nodeKind('sgd').params, { lr: 0.2, schedule: 'step', step_size: 2, gamma: 0.5 }).params;
    expect(learningRateOf('sgd', params, undefined, 0, 0)).toBe(0.2);
    expect(learningRateOf('sgd', params, undefined, 3, 40)).toBe(0.1);
    expect(learningRateOf('sgd', params, 0.8, 4, 50)).toBe(0.2);
    expect(learningRateOf('adam', resolveParams(nodeKind('adam').params, {}).params, undefined, 7, 1000)).toBe(0.001);
  });
});
