/**
 * The executor on the CPU backend: binding symbolic dimensions and its errors, buffer reuse, reshape aliasing,
 * state-update semantics, shared state, random ops' determinism, keepAll, and the runner's errors. Expected numbers
 * are hand arithmetic on the fed values.
 */
import { describe, expect, it } from 'vitest';
import type { Backend, HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { initialState } from '../../engine/backends/init-state.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { DType, OpId } from '../../engine/ir/ops.ts';
import type { Shape } from '../../engine/ir/shape.ts';

const f32 = (shape: number[], data: number[]): HostTensor => ({ shape, dtype: 'f32', data: Float64Array.from(data) });
const i32 = (shape: number[], data: number[]): HostTensor => ({ shape, dtype: 'i32', data: Int32Array.from(data) });
const numbers = async (p: Promise<HostTensor>): Promise<number[]> => Array.from((await p).data);
const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

/** A CPU backend that counts live allocations. */
function countingBackend(): Backend & { allocations: number; live: number } {
  const inner = createCpuBackend({ precision: 'f64' });
  const counted = Object.assign(Object.create(inner) as Backend, {
    allocations: 0,
    live: 0,
    allocate(elements: number, dtype: DType) {
      counted.allocations++;
      counted.live++;
      return inner.allocate(elements, dtype);
    },
    release(buffer: Parameters<Backend['release']>[0]) {
      counted.live--;
      inner.release(buffer);
    },
  });
  return counted;
}

function inputOp(b: Builder, name: string, shape: Shape, dtype: DType = 'f32') {
  return b.op('input', [], { name, shape, dtype });
}

describe('binding symbolic dimensions', () => {
  const program = () => {
    const b = new Builder();
    const x = inputOp(b, 'x', ['N', 3]);
    const y = inputOp(b, 'y', ['N', 'T']);
    b.output('sum', b.add(b.sum(x, [1]), b.sum(y, [1])));
    b.output('yT', b.transpose(y, [1, 0]));
    return b.program();
  };

  it('binds N and T from the feeds and gives every value its concrete shape', async () => {
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), program());
    await runner.run({ x: f32([2, 3], [1, 2, 3, 4, 5, 6]), y: f32([2, 4], [1, 1, 1, 1, 2, 2, 2, 2]) });
    expect(await runner.read('sum')).toMatchObject({ shape: [2], data: Float64Array.from([10, 23]) });
    expect((await runner.read('yT')).shape).toEqual([4, 2]);
    // A new batch size in the next run: new binding, new plan.
    await runner.run({ x: f32([1, 3], [1, 1, 1]), y: f32([1, 2], [5, 6]) });
    expect(await runner.read('sum')).toMatchObject({ shape: [1], data: Float64Array.from([14]) });
  });

  it.each([
    ['a missing feed', { x: f32([2, 3], range(6, (i) => i)) }, 'input "y" (f32 [N,T]) was not fed; the feeds are "x"'],
    ['a wrong dtype', { x: i32([2, 3], range(6, (i) => i)), y: f32([2, 1], [0, 0]) }, 'input "x" expects f32 [N,3] but was fed i32 [2,3]'],
    ['a wrong rank', { x: f32([6], range(6, (i) => i)), y: f32([2, 1], [0, 0]) }, 'input "x" expects f32 [N,3] (rank 2) but was fed f32 [6] (rank 1)'],
    ['a wrong fixed size', { x: f32([3, 2], range(6, (i) => i)), y: f32([3, 1], [0, 0, 0]) }, 'input "x" expects f32 [N,3] but was fed f32 [3,2]: dimension 1 must be 3'],
    ['an inconsistent symbol', { x: f32([2, 3], range(6, (i) => i)), y: f32([3, 1], [0, 0, 0]) }, 'input "y" expects f32 [N,T] but was fed f32 [3,1]: N is 2 in input "x" but 3 here'],
    ['too few values', { x: f32([2, 3], [1, 2]), y: f32([2, 1], [0, 0]) }, 'input "x" was fed 2 values for shape [2,3] (6 elements)'],
  ])('refuses %s, naming the input, the expected and the actual shape', async (_, feeds, message) => {
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), program());
    await expect(runner.run(feeds)).rejects.toThrow(message);
    await expect(runner.read('sum')).rejects.toThrow('has not run');
  });

  it('refuses a symbol that no input binds', async () => {
    const b = new Builder();
    b.output('noise', b.op('randomNormal', [], { shape: ['T', 2], mean: 0, std: 1 }));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    await expect(runner.run({})).rejects.toThrow('T in [T,2] (value %0) is not bound: no fed input has a T dimension');
  });
});

describe('memory', () => {
  /** x → 12 alternating unary ops, with a reshape in the middle. */
  function chain() {
    const b = new Builder();
    let v = inputOp(b, 'x', ['N', 4]);
    for (let i = 0; i < 12; i++) {
      v = b.unary(i % 2 === 0 ? 'neg' : 'exp', v);
      if (i === 5) v = b.reshape(v, ['N', 2, 2]);
    }
    b.output('y', v);
    return b.program();
  }
  const reference = (x: number) => {
    let v = x;
    for (let i = 0; i < 12; i++) v = i % 2 === 0 ? -v : Math.exp(v);
    return v;
  };

  it('reuses buffers along a chain: two buffers for fourteen values', async () => {
    const backend = countingBackend();
    const program = chain();
    const runner = createRunner(backend, program);
    const x = range(8, (i) => (i - 4) / 4);
    await runner.run({ x: f32([2, 4], x) });
    expect(program.values.length).toBe(14);
    expect(backend.allocations).toBe(2);
    const y = await runner.read('y');
    expect(y.shape).toEqual([2, 2, 2]);
    y.data.forEach((v, i) => expect(v).toBeCloseTo(reference(x[i]!), 12));
  });

  it('keeps one plan and its buffers per binding', async () => {
    const backend = countingBackend();
    const runner = createRunner(backend, chain());
    await runner.run({ x: f32([2, 4], range(8, () => 0)) });
    await runner.run({ x: f32([2, 4], range(8, () => 1)) });
    expect(backend.allocations).toBe(2);
    await runner.run({ x: f32([3, 4], range(12, () => 1)) });
    expect(backend.allocations).toBe(4);
    await runner.run({ x: f32([2, 4], range(8, () => 1)) });
    expect(backend.allocations).toBe(4);
    runner.dispose();
    expect(backend.live).toBe(0);
  });

  it('keeps a value alive while an alias of it is still to be read', async () => {
    // r = reshape(exp(x)) is read by the last op; the ops in between must not overwrite exp(x)'s buffer.
    const b = new Builder();
    const x = inputOp(b, 'x', [2, 2]);
    const e = b.unary('exp', x);
    const r = b.reshape(e, [4]);
    let v = b.unary('neg', x);
    for (let i = 0; i < 4; i++) v = b.unary('abs', b.unary('neg', v));
    b.output('y', b.add(r, b.reshape(v, [4])));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    const xs = [0.5, -1, 2, 0];
    await runner.run({ x: f32([2, 2], xs) });
    expect(await numbers(runner.read('y'))).toEqual(xs.map((t) => Math.exp(t) + Math.abs(t)));
  });

  it('keeps every output readable after later ops ran', async () => {
    const b = new Builder();
    const x = inputOp(b, 'x', [3]);
    const first = b.unary('neg', x);
    b.output('first', first);
    let v = first;
    for (let i = 0; i < 5; i++) v = b.unary('exp', b.unary('neg', v));
    b.output('last', v);
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    await runner.run({ x: f32([3], [1, 2, 3]) });
    expect(await numbers(runner.read('first'))).toEqual([-1, -2, -3]);
  });

  it('reads intermediate values only after a keepAll run', async () => {
    const b = new Builder();
    const x = inputOp(b, 'x', [2]);
    const middle = b.unary('exp', x);
    b.output('y', b.unary('neg', b.unary('neg', middle)));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    await runner.run({ x: f32([2], [0, 1]) });
    await expect(runner.readValue(middle.id)).rejects.toThrow(`value %${middle.id} was not kept by the last run; run with { keepAll: true }`);
    await runner.run({ x: f32([2], [0, 1]) }, { keepAll: true });
    expect(await numbers(runner.readValue(middle.id))).toEqual([1, Math.E]);
  });
});

describe('state updates', () => {
  it('apply after the step: the step computes with the old value, the state holds the new one', async () => {
    const b = new Builder();
    const w = b.op('param', [], { name: 'w', shape: [2], init: { dist: 'constant', value: 0 } });
    const x = inputOp(b, 'x', [2]);
    b.output('y', b.mul(w, x));
    b.output('w', w);
    b.assign(w, b.add(w, b.scalar(1)));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    runner.setState('w', f32([2], [10, 20]));
    await runner.run({ x: f32([2], [1, 2]) });
    expect(await numbers(runner.read('y'))).toEqual([10, 40]);
    expect(await numbers(runner.read('w'))).toEqual([10, 20]); // the value the step used
    expect(await numbers(runner.getState('w'))).toEqual([11, 21]);
    await runner.run({ x: f32([2], [1, 2]) });
    expect(await numbers(runner.read('y'))).toEqual([11, 42]);
    expect(await numbers(runner.getState('w'))).toEqual([12, 22]);
  });

  it('take their new values together: a swap exchanges the values', async () => {
    const b = new Builder();
    const a = b.op('buffer', [], { name: 'a', shape: [2], init: { dist: 'constant', value: 1 } });
    const c = b.op('buffer', [], { name: 'c', shape: [2], init: { dist: 'constant', value: 2 } });
    b.assign(a, c);
    b.assign(c, b.reshape(b.reshape(a, [2, 1]), [2]));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    await runner.run({});
    expect(await numbers(runner.getState('a'))).toEqual([2, 2]);
    expect(await numbers(runner.getState('c'))).toEqual([1, 1]);
  });

  it('are refused on a value that is not a param or buffer', () => {
    const b = new Builder();
    const x = inputOp(b, 'x', [2]);
    b.stateUpdates.push({ buffer: x.id, value: x.id });
    expect(() => createRunner(createCpuBackend({ precision: 'f64' }), b.program())).toThrow(`state update targets %${x.id}, which is not a param or buffer`);
  });
});

describe('state', () => {
  const model = (extra: boolean) => {
    const b = new Builder();
    const w = b.op('param', [], { name: 'w', shape: [3], init: { dist: 'uniform', low: -1, high: 1 } });
    const x = inputOp(b, 'x', [3]);
    b.output('y', b.mul(w, x));
    if (extra) b.op('buffer', [], { name: 'count', shape: [1], init: { dist: 'constant', value: 0 } });
    return b.program();
  };

  it('starts from initialState(program, 0)', async () => {
    const runner = createRunner(createCpuBackend({ precision: 'f32' }), model(true));
    expect(runner.stateNames).toEqual(['w', 'count']);
    const expected = initialState(runner.program, 0);
    for (const name of runner.stateNames) expect((await runner.getState(name)).data).toEqual(expected.get(name)!.data);
  });

  it('refuses unknown names and wrong shapes', () => {
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), model(false));
    expect(() => runner.setState('v', f32([3], [1, 2, 3]))).toThrow('"v" is not a param or buffer of this program; its state is "w"');
    expect(() => runner.setState('w', f32([1, 3], [1, 2, 3]))).toThrow('state "w" is [3] but the new value is [1,3]');
  });

  it('is shared between runners of one model', async () => {
    const backend = countingBackend();
    const train = createRunner(backend, model(true));
    const evaluate = createRunner(backend, model(false), { shareStateWith: train });
    evaluate.setState('w', f32([3], [1, 2, 3]));
    await train.run({ x: f32([3], [1, 1, 1]) });
    expect(await numbers(train.read('y'))).toEqual([1, 2, 3]);
    train.dispose();
    await evaluate.run({ x: f32([3], [2, 2, 2]) });
    expect(await numbers(evaluate.read('y'))).toEqual([2, 4, 6]);
    evaluate.dispose();
    expect(backend.live).toBe(0);
  });
});

describe('random ops', () => {
  const program = () => {
    const b = new Builder();
    const x = inputOp(b, 'x', ['N', 8]);
    const keep = b.op('randomBernoulli', [], { shape: ['N', 8], p: 0.5 });
    b.output('dropped', b.mul(x, keep));
    b.output('noise', b.op('randomNormal', [], { shape: ['N', 8], mean: 0, std: 1 }));
    b.output('noise2', b.op('randomNormal', [], { shape: ['N', 8], mean: 0, std: 1 }));
    return b.program();
  };
  const draw = async (seed: number | undefined) => {
    const runner = createRunner(createCpuBackend({ precision: 'f32' }), program());
    await runner.run({ x: f32([4, 8], range(32, () => 1)) }, seed === undefined ? {} : { seed });
    const out = { dropped: await numbers(runner.read('dropped')), noise: await numbers(runner.read('noise')), noise2: await numbers(runner.read('noise2')) };
    runner.dispose();
    return out;
  };

  it('draw the same numbers for the same seed, in any runner', async () => {
    expect(await draw(7)).toEqual(await draw(7));
    expect(await draw(undefined)).toEqual(await draw(0));
  });

  it('draw different numbers for another seed and for another op of the same step', async () => {
    const a = await draw(7), b = await draw(8);
    expect(a.noise).not.toEqual(b.noise);
    expect(a.dropped).not.toEqual(b.dropped);
    expect(a.noise).not.toEqual(a.noise2);
    expect(new Set(a.dropped)).toEqual(new Set([0, 1]));
  });
});

describe('the runner', () => {
  it('names the outputs when asked for an unknown one', async () => {
    const b = new Builder();
    b.output('y', b.scalar(1));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    await runner.run({});
    await expect(runner.read('z')).rejects.toThrow('no output "z"; the outputs are "y"');
  });

  it('leaves nothing readable after a failed run', async () => {
    const b = new Builder();
    const table = inputOp(b, 'table', [3, 2]);
    const idx = inputOp(b, 'idx', ['N'], 'i32');
    b.output('rows', b.op('gather', [table, idx], {}));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    await runner.run({ table: f32([3, 2], range(6, (i) => i)), idx: i32([2], [2, 0]) });
    expect(await numbers(runner.read('rows'))).toEqual([4, 5, 0, 1]);
    await expect(runner.run({ table: f32([3, 2], range(6, (i) => i)), idx: i32([2], [2, 3]) })).rejects.toThrow('gather: row 3 at position [1]');
    await expect(runner.read('rows')).rejects.toThrow('its last run failed');
  });

  it('refuses a program using an op the backend cannot run', () => {
    const b = new Builder();
    b.output('y', b.unary('erf', inputOp(b, 'x', [2])));
    const backend = { ...createCpuBackend({ precision: 'f64' }), unsupported: new Set<OpId>(['erf']) };
    expect(() => createRunner(backend, b.program())).toThrow('the cpu backend cannot run erf');
  });

  it('refuses use after dispose', async () => {
    const b = new Builder();
    b.output('y', b.scalar(1));
    const runner = createRunner(createCpuBackend({ precision: 'f64' }), b.program());
    runner.dispose();
    await expect(runner.run({})).rejects.toThrow('this runner was disposed');
  });
});
