import { describe, expect, it } from 'vitest';
import { checkParam, p, perAxis, resolveParams } from '../../engine/compile/params.ts';

describe('param checks', () => {
  it('checks ints, floats and their ranges', () => {
    expect(checkParam(p.int(1, 'd', { min: 1 }), 3)).toBeUndefined();
    expect(checkParam(p.int(1, 'd', { min: 1 }), 0)).toBe('must be at least 1');
    expect(checkParam(p.int(1, 'd', { min: 1, max: 8 }), 9)).toBe('must be between 1 and 8');
    expect(checkParam(p.int(1, 'd'), 1.5)).toBe('must be a whole number');
    expect(checkParam(p.float(0.1, 'd', { min: 0, exclusiveMin: true }), 0)).toBe('must be greater than 0');
    expect(checkParam(p.float(0.1, 'd'), Number.NaN)).toBe('must be a finite number');
  });
  it('checks choices, sizes with keywords and shapes with symbols', () => {
    expect(checkParam(p.choice(['max', 'avg'], 'max', 'd'), 'min')).toBe('must be one of max, avg');
    const padding = p.size(0, 'd', 0, ['same', 'valid']);
    expect(checkParam(padding, 'same')).toBeUndefined();
    expect(checkParam(padding, [1, 2])).toBeUndefined();
    expect(checkParam(padding, [1, 2, 3, 4])).toMatch(/list of 1–3/);
    expect(checkParam(padding, 'full')).toMatch(/same\/valid/);
    expect(checkParam(p.shape(['N', 4], 'd'), ['N', 3, 'T'])).toBeUndefined();
    expect(checkParam(p.shape(['N', 4], 'd'), ['n', 3])).toMatch(/capitalised/);
    expect(checkParam(p.shape(['N', -1], 'd', true), ['N', -1, -1])).toBe('may contain at most one -1');
    expect(checkParam(p.shape(['N', 4], 'd'), ['N', -1])).toMatch(/≥ 1/);
  });
  it('resolves defaults, keeps valid values and reports bad and unknown ones', () => {
    const schema = { units: p.int(8, 'd', { min: 1 }), act: p.choice(['relu', 'tanh'], 'relu', 'd') };
    const { params, problems } = resolveParams(schema, { units: 0, act: 'tanh', extra: 1 });
    expect(params).toEqual({ units: 8, act: 'tanh' });
    expect(problems).toEqual([
      { param: 'units', message: 'units = 0 must be at least 1' },
      { param: 'extra', message: 'unknown parameter "extra"' },
    ]);
  });
  it('expands sizes per axis', () => {
    expect(perAxis(3, 2)).toEqual([3, 3]);
    expect(perAxis([2], 2)).toEqual([2, 2]);
    expect(perAxis([1, 2], 2)).toEqual([1, 2]);
  });
});
