/** initialState: deterministic per (seed, name), and distributed as each param's Init says. */
import { describe, expect, it } from 'vitest';
import { initialState } from '../../engine/backends/init-state.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { Init } from '../../engine/ir/ops.ts';
import type { Program } from '../../engine/ir/program.ts';

function programWith(params: readonly [string, number[], Init][]): Program {
  const b = new Builder();
  for (const [name, shape, init] of params) b.op(name.startsWith('bn') ? 'buffer' : 'param', [], { name, shape, init });
  return b.program();
}

const bytes = (a: ArrayLike<number> & { buffer: ArrayBufferLike }) => new Uint8Array(a.buffer);

describe('initialState', () => {
  const normal: Init = { dist: 'normal', mean: 0.5, std: 2 };
  const uniform: Init = { dist: 'uniform', low: -3, high: 1 };

  it('gives bit-identical weights for the same seed, whatever else the program holds', () => {
    const a = initialState(programWith([['fc.weight', [50, 40], normal]]), 3);
    const b = initialState(programWith([['conv.weight', [7], uniform], ['fc.weight', [50, 40], normal]]), 3);
    expect(bytes(b.get('fc.weight')!.data as Float32Array)).toEqual(bytes(a.get('fc.weight')!.data as Float32Array));
  });

  it('gives other weights for another seed or another name', () => {
    const program = programWith([['a', [100], normal], ['b', [100], normal]]);
    const s1 = initialState(program, 1), s2 = initialState(program, 2);
    expect(s1.get('a')!.data).not.toEqual(s2.get('a')!.data);
    expect(s1.get('a')!.data).not.toEqual(s1.get('b')!.data);
  });

  it('returns float32 tensors of the declared shapes, params and buffers in program order', () => {
    const state = initialState(programWith([['w', [2, 3], uniform], ['bn.running_var', [3], { dist: 'constant', value: 1 }]]), 0);
    expect([...state.keys()]).toEqual(['w', 'bn.running_var']);
    expect(state.get('w')!.shape).toEqual([2, 3]);
    expect(state.get('w')!.data).toBeInstanceOf(Float32Array);
    expect(Array.from(state.get('bn.running_var')!.data)).toEqual([1, 1, 1]);
  });

  it('draws uniform values inside [low, high) with the right mean', () => {
    const n = 20000;
    const data = Array.from(initialState(programWith([['u', [n], uniform]]), 5).get('u')!.data);
    expect(Math.min(...data)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...data)).toBeLessThan(1);
    const mean = data.reduce((s, v) => s + v, 0) / n;
    // Standard error of the mean: (high − low)/√12/√n ≈ 0.008; allow 5 of them.
    expect(Math.abs(mean - -1)).toBeLessThan(5 * (4 / Math.sqrt(12)) / Math.sqrt(n));
  });

  it('draws normal values with the right mean and standard deviation', () => {
    const n = 20000;
    const data = Array.from(initialState(programWith([['g', [n], normal]]), 6).get('g')!.data);
    const mean = data.reduce((s, v) => s + v, 0) / n;
    const std = Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - 0.5)).toBeLessThan((5 * 2) / Math.sqrt(n));
    // The sample std of n normals has standard error σ/√(2n) ≈ 0.01.
    expect(Math.abs(std - 2)).toBeLessThan((5 * 2) / Math.sqrt(2 * n));
  });
});
