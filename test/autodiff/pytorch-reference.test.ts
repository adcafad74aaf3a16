/**
 * Gradients compared with PyTorch autograd (float64): an MLP trained with cross-entropy, and PyTorch's conventions
 * at kinks. The reference comes from test/fixtures/pytorch/make_autodiff_reference.py.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { differentiate } from '../../engine/autodiff/differentiate.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { Value } from '../../engine/ir/program.ts';
import { hostTensor, readNumbers, withRunner } from './run-program.ts';

/** The fixture writes ±∞ as the strings "Infinity" / "-Infinity". */
type Encoded = number | string;
interface EncodedTensor {
  readonly shape: number[];
  readonly data: Encoded[];
}
interface AutodiffReference {
  readonly mlp: {
    readonly x: EncodedTensor;
    readonly labels: number[];
    readonly weights: Readonly<Record<WeightName, EncodedTensor>>;
    readonly loss: number;
    readonly grads: Readonly<Record<WeightName, Encoded[]>>;
  };
  readonly kinks: readonly {
    readonly op: string;
    readonly inputs: Readonly<Record<string, EncodedTensor>>;
    readonly grads: Readonly<Record<string, Encoded[]>>;
  }[];
}
const reference: AutodiffReference = JSON.parse(
  readFileSync(new URL('../fixtures/pytorch/autodiff-reference.json', import.meta.url), 'utf8'),
);

const decode = (values: readonly Encoded[]): number[] => values.map(Number);

function expectNumbers(actual: readonly number[], expected: readonly number[], what: string): void {
  expect(actual, what).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    if (Number.isFinite(e)) expect(Math.abs(actual[i]! - e), `${what}[${i}]: ${actual[i]} vs ${e}`).toBeLessThanOrEqual(1e-12 + 1e-9 * Math.abs(e));
    else expect(actual[i], `${what}[${i}]`).toBe(e);
  });
}

const WEIGHT_SHAPES = { 'fc1.weight': [6, 4], 'fc1.bias': [6], 'fc2.weight': [3, 6], 'fc2.bias': [3] } as const;
type WeightName = keyof typeof WEIGHT_SHAPES;

describe('gradients agree with PyTorch autograd', () => {
  it('Linear → ReLU → Linear → CrossEntropyLoss (mean) with a symbolic batch', async () => {
    const { mlp } = reference;
    const b = new Builder();
    const x = b.op('input', [], { name: 'x', shape: ['N', 4], dtype: 'f32' });
    const labels = b.op('input', [], { name: 'labels', shape: ['N'], dtype: 'i32' });
    const weights = Object.fromEntries(Object.entries(WEIGHT_SHAPES).map(([name, shape]) =>
      [name, b.op('param', [], { name, shape, init: { dist: 'constant', value: 0 } })])) as Record<WeightName, Value>;
    // PyTorch Linear: x·Wᵀ + b.
    const linear = (v: Value, layer: 'fc1' | 'fc2'): Value =>
      b.add(b.matmul(v, b.transpose(weights[`${layer}.weight`], [1, 0])), weights[`${layer}.bias`]);
    const logits = linear(b.unary('relu', linear(x, 'fc1')), 'fc2');
    const logProbs = b.sub(logits, b.logSumExp(logits, 1));
    const picked = b.sum(b.mul(b.op('oneHot', [labels], { depth: 3 }), logProbs), [1]);
    const loss = b.mean(b.unary('neg', picked), [0]);
    b.output('loss', loss);

    const names = Object.keys(WEIGHT_SHAPES) as WeightName[];
    const { program, grads } = differentiate(b.program(), loss.id, names.map((n) => weights[n].id));
    const outputs = Object.fromEntries(names.map((n) => [`grad:${n}`, grads.get(weights[n].id)!]));
    await withRunner({ ...program, outputs: { ...program.outputs, ...outputs } }, async (runner) => {
      for (const name of names) {
        const w = mlp.weights[name];
        runner.setState(name, hostTensor({ shape: w.shape, data: decode(w.data), dtype: 'f32' }));
      }
      await runner.run({
        x: hostTensor({ shape: mlp.x.shape, data: decode(mlp.x.data), dtype: 'f32' }),
        labels: hostTensor({ shape: [mlp.labels.length], data: mlp.labels, dtype: 'i32' }),
      });
      expectNumbers(await readNumbers(runner, 'loss'), [mlp.loss], 'loss');
      for (const name of names) expectNumbers(await readNumbers(runner, `grad:${name}`), decode(mlp.grads[name]), `∂L/∂${name}`);
    });
  });

  const BUILD: Readonly<Record<string, (b: Builder, operands: readonly Value[]) => Value>> = {
    relu: (b, [x]) => b.unary('relu', x!),
    abs: (b, [x]) => b.unary('abs', x!),
    sqrt: (b, [x]) => b.unary('sqrt', x!),
    maximum: (b, [l, r]) => b.op('maximum', [l!, r!], {}),
    minimum: (b, [l, r]) => b.op('minimum', [l!, r!], {}),
    pow: (b, [l, r]) => b.op('pow', [l!, r!], {}),
    // torch.amax(x, dim=1)
    reduceMax: (b, [x]) => b.max(x!, [1]),
  };

  for (const kink of reference.kinks) {
    it(`${kink.op} at its kink follows PyTorch`, async () => {
      const b = new Builder();
      const entries = Object.entries(kink.inputs);
      const operands = entries.map(([name, t]) => b.op('input', [], { name, shape: t.shape, dtype: 'f32' }));
      const y = BUILD[kink.op]!(b, operands);
      const loss = b.sum(y, y.shape.map((_, i) => i));
      const { program, grads } = differentiate(b.program(), loss.id, operands.map((v) => v.id));
      const outputs = Object.fromEntries(entries.map(([name], i) => [`grad:${name}`, grads.get(operands[i]!.id)!]));
      await withRunner({ ...program, outputs }, async (runner) => {
        await runner.run(Object.fromEntries(entries.map(([name, t]) => [name, hostTensor({ shape: t.shape, data: decode(t.data), dtype: 'f32' })])));
        for (const [name] of entries) {
          const expected = decode(kink.grads[name]!);
          expectNumbers(await readNumbers(runner, `grad:${name}`), expected, `∂/∂${name}`);
        }
      });
    });
  }
});
