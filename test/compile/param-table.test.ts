/** One ResolvedParams per distinct configuration: equal params share it, params that differ in any way do not. */
import { describe, expect, it } from 'vitest';
import { ParamTable } from '../../engine/compile/param-table.ts';
import type { ParamValue } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';

const conv = CATALOG.get('conv2d')!;
const linear = CATALOG.get('linear')!;

describe('ParamTable', () => {
  it('shares one resolution between equal params objects', () => {
    const table = new ParamTable();
    const a = table.resolve(conv, { kernel_size: [3, 5], padding: 1 });
    expect(table.resolve(conv, { kernel_size: [3, 5], padding: 1 })).toBe(a);
    expect(a.params.kernel_size).toEqual([3, 5]);
    expect(a.params.stride).toBe(1);
    expect(a.inputs.map((p) => p.name)).toEqual(['x']);
  });

  it('keeps configurations apart that differ in value, kind, type or sign', () => {
    const table = new ParamTable();
    const distinct: [typeof conv, Record<string, ParamValue>][] = [
      [conv, { padding: 1 }], [conv, { padding: 2 }], [linear, { padding: 1 }], [conv, { padding: '1' }],
      [conv, { padding: [1] }], [conv, { padding: 0 }], [conv, { padding: -0 }], [conv, {}],
      // Without a marker for lists these two would read alike: stride, 2, 'padding', 5.
      [conv, { stride: ['padding', 5] }], [conv, { stride: 2, padding: 5 }],
    ];
    const resolved = distinct.map(([kind, raw]) => table.resolve(kind, raw));
    expect(new Set(resolved).size).toBe(distinct.length);
    expect(Object.is(resolved[6]!.params.padding, -0)).toBe(true);
    expect(resolved[8]!.problems.map((p) => p.param)).toEqual(['stride']);
    expect(resolved[9]!.params).toMatchObject({ stride: 2, padding: 5 });
  });

  it('resolves ports from the params (Add with three inputs)', () => {
    const table = new ParamTable();
    expect(table.resolve(CATALOG.get('add')!, { inputs: 3 }).inputs.map((p) => p.name)).toEqual(['x1', 'x2', 'x3']);
  });

  it('resolves, but never shares, params that are not document data', () => {
    const table = new ParamTable();
    const raw = { padding: { odd: true } } as unknown as Record<string, ParamValue>;
    const first = table.resolve(conv, raw);
    expect(first.problems.map((p) => p.param)).toEqual(['padding']);
    expect(table.resolve(conv, raw)).not.toBe(first);
  });
});
