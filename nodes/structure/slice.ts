import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { concreteSize, resolveDim } from '../common/dim.ts';

/** Python's rule for one slice bound: negative counts from the end, then clamp to 0…length. */
const bound = (i: number, length: number): number => (i < 0 ? Math.max(i + length, 0) : Math.min(i, length));

export const slice = defineNode({
  id: 'slice',
  category: 'structure',
  label: 'Slice',
  docs: {
    summary: 'Keeps positions start, start+step, … (before end) along one dimension, like x[:, start:end:step] in Python: negative indices count from the end and an end past the size stops at the size. The result must not be empty.',
    formula: 'y = x[\\dots, \\text{start} : \\text{end} : \\text{step}, \\dots],\\quad \\text{size}_{dim}(y) = \\left\\lceil \\frac{\\text{end} - \\text{start}}{\\text{step}} \\right\\rceil',
    pytorch: 'x[:, start:end:step]  # or x.narrow(dim, start, length) for step 1',
  },
  params: {
    dim: p.int(1, 'dimension to slice (negative counts from the end)'),
    start: p.int(0, 'first index kept (negative counts from the end)'),
    end: p.int(1, 'index to stop before (negative counts from the end; a value past the size means “to the end”)'),
    step: p.int(1, 'keep every step-th position', { min: 1 }),
  },
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { params: { start: 2, end: 10, step: 2 }, inputs: { x: ['N', 16] } },
  lower(ctx) {
    const { dim, start, end, step } = ctx.params;
    const x = ctx.input('x');
    const axis = resolveDim(ctx, x, dim, 'x', x.shape.length > 1 ? 1 : 0);
    const length = concreteSize(ctx, x, axis, 'x', 'slice');
    const s = bound(start, length), e = bound(end, length);
    if (s >= e) {
      const range = `indices run 0…${length - 1} (or −${length}…−1)`;
      const why = s >= length
        ? `start ${start} is past the end of dim ${dim} of x ${formatShape(x.shape)}, which has size ${length}; ${range}`
        : `[${start}:${end}] selects nothing from dim ${dim} of x ${formatShape(x.shape)} (size ${length}): it resolves to positions ${s}…${e}, and end must be greater than start; ${range}`;
      ctx.fail('shape-mismatch', why, {
        param: s >= length ? 'start' : 'end', port: 'x',
        ...(s < length ? { fix: { label: `Set end to ${length}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'end', value: length }] } } : {}),
      });
    }
    return { y: ctx.b.op('slice', [x], { axis, start: s, end: e, step }) };
  },
});
