import { describe, expect, it } from 'vitest';
import { differentiate, vjp } from '../../engine/autodiff/differentiate.ts';
import { AutodiffError } from '../../engine/autodiff/errors.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { Program, Value } from '../../engine/ir/program.ts';
import { verifyProgram } from '../../engine/ir/verify.ts';
import { hostTensor, readNumbers, withRunner, type Tensor } from './run-program.ts';

const f32 = (shape: readonly number[], data: readonly number[]): Tensor => ({ shape, data, dtype: 'f32' });
const ZERO_INIT = { dist: 'constant', value: 0 } as const;

/** The program with the gradients of `wrt` as outputs `grad:<id>`, run once on `feeds`; returns those outputs. */
async function runGradients(
  program: Program, grads: ReadonlyMap<number, number>, feeds: Readonly<Record<string, Tensor>>,
): Promise<Map<number, number[]>> {
  const outputs = Object.fromEntries([...grads].map(([wrt, grad]) => [`grad:${wrt}`, grad]));
  return withRunner({ ...program, outputs: { ...program.outputs, ...outputs } }, async (runner) => {
    await runner.run(Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, hostTensor(t)])));
    return new Map(await Promise.all([...grads.keys()].map(async (id) => [id, await readNumbers(runner, `grad:${id}`)] as const)));
  });
}

const input = (b: Builder, name: string, shape: readonly (number | string)[]): Value =>
  b.op('input', [], { name, shape, dtype: 'f32' });
const sumAll = (b: Builder, v: Value): Value => b.sum(v, v.shape.map((_, i) => i));

describe('differentiate', () => {
  it('keeps the forward program as it is and appends the backward pass', () => {
    const b = new Builder();
    const x = input(b, 'x', [2]);
    const buffer = b.op('buffer', [], { name: 'count', shape: [2], init: ZERO_INIT });
    b.assign(buffer, b.add(buffer, x));
    const loss = sumAll(b, b.unary('exp', x));
    b.output('loss', loss);
    const forward = structuredClone(b.program());
    const { program, grads } = differentiate(b.program(), loss.id, [x.id]);
    expect(program.values.slice(0, forward.values.length)).toEqual(forward.values);
    expect(program.ops.slice(0, forward.ops.length)).toEqual(forward.ops);
    expect(program.stateUpdates).toEqual(forward.stateUpdates);
    expect(program.outputs).toEqual(forward.outputs);
    expect(program.ops.length).toBeGreaterThan(forward.ops.length);
    expect(grads.get(x.id)).toBeGreaterThanOrEqual(forward.values.length);
    expect(verifyProgram(program)).toEqual([]);
    // The input program is not modified.
    expect(b.program()).toEqual(forward);
  });

  it('stamps each gradient op with the graph node of the op it differentiates', () => {
    const b = new Builder();
    b.currentNode = 'data';
    const x = input(b, 'x', [3]);
    b.currentNode = 'act';
    const y = b.unary('tanh', x);
    b.currentNode = 'loss';
    const loss = sumAll(b, y);
    const forwardOps = b.ops.length;
    const { program } = differentiate(b.program(), loss.id, [x.id]);
    const nodes = new Set(program.ops.slice(forwardOps).map((op) => op.node));
    expect([...nodes].sort()).toEqual(['act', 'loss']);
  });

  it('sums the gradients over fan-out: y = x·x + x gives 2x + 1', async () => {
    const b = new Builder();
    const x = input(b, 'x', [4]);
    const loss = sumAll(b, b.add(b.mul(x, x), x));
    const data = [0.5, -1, 2, 0];
    const { program, grads } = differentiate(b.program(), loss.id, [x.id]);
    const got = await runGradients(program, grads, { x: f32([4], data) });
    expect(got.get(x.id)).toEqual(data.map((v) => 2 * v + 1));
  });

  it('sums a broadcast operand back to its shape with a symbolic batch, and divides the mean by N·3 at run time', async () => {
    const b = new Builder();
    const x = input(b, 'x', ['N', 3]);
    const bias = input(b, 'bias', [3]);
    const w = input(b, 'w', [3]);
    const loss = b.mean(b.mul(b.add(x, bias), w), [0, 1]);
    const { program, grads } = differentiate(b.program(), loss.id, [x.id, bias.id, w.id]);
    expect(verifyProgram(program)).toEqual([]);
    expect(program.values[grads.get(x.id)!]!.shape).toEqual(['N', 3]);
    const wData = [0.5, -2, 3], biasData = [1, 2, -1];
    for (const n of [2, 5]) {
      const xData = Array.from({ length: 3 * n }, (_, i) => (i % 7) - 3);
      const got = await runGradients(program, grads, { x: f32([n, 3], xData), bias: f32([3], biasData), w: f32([3], wData) });
      // L = (1/3N) Σₙⱼ (xₙⱼ + bⱼ)·wⱼ
      const expectClose = (actual: number[] | undefined, expected: number[]): void => {
        expect(actual).toHaveLength(expected.length);
        expected.forEach((e, i) => expect(actual![i]).toBeCloseTo(e, 12));
      };
      expectClose(got.get(x.id), xData.map((_, i) => wData[i % 3]! / (3 * n)));
      expectClose(got.get(bias.id), wData.map((wj) => wj / 3));
      expectClose(got.get(w.id), wData.map((_, j) => {
        let s = 0;
        for (let row = 0; row < n; row++) s += xData[row * 3 + j]! + biasData[j]!;
        return s / (3 * n);
      }));
    }
  });

  it('gives zeros shaped like a parameter the loss does not depend on', async () => {
    const b = new Builder();
    const used = b.op('param', [], { name: 'used', shape: [2], init: { dist: 'constant', value: 1.5 } });
    const unused = b.op('param', [], { name: 'unused', shape: [2, 3], init: ZERO_INIT });
    const sideOutput = b.unary('exp', unused);
    b.output('side', sideOutput);
    const loss = sumAll(b, b.mul(used, used));
    const { program, grads } = differentiate(b.program(), loss.id, [used.id, unused.id]);
    expect(program.values[grads.get(unused.id)!]!.shape).toEqual([2, 3]);
    const got = await withRunner({ ...program, outputs: { used: grads.get(used.id)!, unused: grads.get(unused.id)! } }, async (runner) => {
      runner.setState('used', hostTensor(f32([2], [1.5, -2])));
      await runner.run({});
      return { used: await readNumbers(runner, 'used'), unused: await readNumbers(runner, 'unused') };
    });
    expect(got.used).toEqual([3, -4]);
    expect(got.unused).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('differentiates with respect to intermediate values, a step-like result among them', async () => {
    const b = new Builder();
    const x = input(b, 'x', [3]);
    const y = b.unary('exp', x);
    const positive = b.op('greater', [x, b.scalar(0)], {});
    // L = Σ y² · [x > 0]: ∂L/∂y = 2y·[x > 0], ∂L/∂[x > 0] = y², ∂L/∂x = 2y²·[x > 0] (the step passes nothing).
    const loss = sumAll(b, b.mul(b.mul(y, y), positive));
    const data = [0.5, -1, 0.25];
    const { program, grads } = differentiate(b.program(), loss.id, [x.id, y.id, positive.id]);
    const got = await runGradients(program, grads, { x: f32([3], data) });
    const step = data.map((v) => (v > 0 ? 1 : 0));
    data.forEach((v, i) => {
      expect(got.get(y.id)![i]).toBeCloseTo(2 * Math.exp(v) * step[i]!, 12);
      expect(got.get(positive.id)![i]).toBeCloseTo(Math.exp(2 * v), 12);
      expect(got.get(x.id)![i]).toBeCloseTo(2 * Math.exp(2 * v) * step[i]!, 12);
    });
  });

  it('differentiates the sum of several losses', async () => {
    const b = new Builder();
    const x = input(b, 'x', [3]);
    const squares = sumAll(b, b.mul(x, x));
    const exps = sumAll(b, b.unary('exp', x));
    const data = [0.25, -0.5, 1];
    const { program, grads } = differentiate(b.program(), [squares.id, exps.id], [x.id]);
    const got = (await runGradients(program, grads, { x: f32([3], data) })).get(x.id)!;
    data.forEach((v, i) => expect(got[i]).toBeCloseTo(2 * v + Math.exp(v), 12));
  });

  it('computes a vector-Jacobian product with an explicit seed', async () => {
    const b = new Builder();
    const x = input(b, 'x', [3]);
    const seed = input(b, 'seed', [3]);
    const y = b.mul(x, x);
    const { program, grads } = vjp(b.program(), [{ value: y.id, seed: seed.id }], [x.id]);
    const got = (await runGradients(program, grads, { x: f32([3], [1, 2, 3]), seed: f32([3], [10, -1, 0.5]) })).get(x.id);
    expect(got).toEqual([20, -4, 3]);
  });

  it('never differentiates integer operands and refuses an integer wrt', () => {
    const b = new Builder();
    const table = input(b, 'table', [4, 2]);
    const idx = b.op('input', [], { name: 'idx', shape: [3], dtype: 'i32' });
    const loss = sumAll(b, b.op('gather', [table, idx], {}));
    const { program, grads } = differentiate(b.program(), loss.id, [table.id]);
    expect(program.values[grads.get(table.id)!]!.shape).toEqual([4, 2]);
    expect(() => differentiate(b.program(), loss.id, [idx.id])).toThrow(AutodiffError);
  });

  it('refuses a loss that is not a float scalar, or an unknown value', () => {
    const b = new Builder();
    const x = input(b, 'x', [3]);
    const y = b.unary('exp', x);
    expect(() => differentiate(b.program(), y.id, [x.id])).toThrow(/must be a float scalar/);
    expect(() => differentiate(b.program(), 99, [x.id])).toThrow(/not a value of the program/);
  });

  it('refuses a second derivative through a gradient primitive', () => {
    const b = new Builder();
    const x = input(b, 'x', [2, 3]);
    const padded = b.op('sliceGrad', [x], { axis: 1, start: 0, step: 1, length: 5 });
    const loss = sumAll(b, padded);
    expect(() => differentiate(b.program(), loss.id, [x.id])).toThrow(/sliceGrad.*second derivatives are not supported/);
  });
});
