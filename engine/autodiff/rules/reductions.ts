/**
 * Vector-Jacobian rules of the reductions. ∂L/∂y is first given back the reduced axes (size 1), then spread over
 * them: evenly copied for a sum, divided by the element count for a mean (at run time when a reduced axis is
 * symbolic), and split evenly among the maxima for a max (PyTorch `amax`).
 */
import type { Builder } from '../../ir/builder.ts';
import { normAxis, type Dim } from '../../ir/shape.ts';
import type { OpAttrs } from '../../ir/ops.ts';
import type { Value } from '../../ir/program.ts';
import { elementCount } from '../element-count.ts';
import type { VjpEntry } from '../vjp-rule.ts';

type Reduction = 'reduceSum' | 'reduceMean' | 'reduceMax';
type ReduceAttrs = OpAttrs[Reduction];

const reducedAxes = (x: Value, axes: readonly number[]): number[] => axes.map((a) => normAxis(a, x.shape.length));

/** `v` (a reduction's result or its gradient) with the reduced axes of `x` present as size 1. */
function withKeptDims(b: Builder, v: Value, x: Value, { axes, keepDims }: ReduceAttrs): Value {
  if (keepDims) return v;
  const reduced = reducedAxes(x, axes);
  return b.reshape(v, x.shape.map((d, i): Dim => (reduced.includes(i) ? 1 : d)));
}

export const REDUCTIONS_VJP: { readonly [K in Reduction]: VjpEntry<K> } = {
  reduceSum: ({ b, attrs, inputs: [x], dy }) => [
    () => b.op('expand', [withKeptDims(b, dy, x!, attrs)], { shape: x!.shape }),
  ],
  reduceMean: ({ b, attrs, inputs: [x], dy }) => [() => {
    const count = elementCount(b, reducedAxes(x!, attrs.axes).map((a) => x!.shape[a]!));
    return b.op('expand', [b.div(withKeptDims(b, dy, x!, attrs), count)], { shape: x!.shape });
  }],
  reduceMax: ({ b, attrs, inputs: [x], output, dy }) => [() => {
    const isMax = b.op('equal', [x!, withKeptDims(b, output, x!, attrs)], {});
    const ties = b.sum(isMax, reducedAxes(x!, attrs.axes), true);
    return b.mul(isMax, b.div(withKeptDims(b, dy, x!, attrs), ties));
  }],
};
