/**
 * Vector-Jacobian rules of the primitives that move or broadcast elements without changing them: the gradient
 * moves back the same way (inverse permutation, reshape to the operand's shape, sum over the expanded axes).
 */
import { sumToShape } from '../sum-to-shape.ts';
import type { VjpEntry } from '../vjp-rule.ts';

type ShapeOp = 'transpose' | 'reshape' | 'expand' | 'cast';

export const SHAPE_OPS_VJP: { readonly [K in ShapeOp]: VjpEntry<K> } = {
  transpose: ({ b, attrs: { perm }, dy }) => {
    const inverse = new Array<number>(perm.length);
    perm.forEach((p, i) => { inverse[p] = i; });
    return [() => b.transpose(dy, inverse)];
  },
  reshape: ({ b, inputs: [x], dy }) => [() => b.reshape(dy, x!.shape)],
  expand: ({ b, inputs: [x], dy }) => [() => sumToShape(b, dy, x!.shape)],
  // Only float → float casts carry a gradient (the identity): integer operands and results are never active.
  cast: ({ dy }) => [() => dy],
};
