/**
 * Vector-Jacobian rule of where(cond, a, b): ∂L/∂y flows to a where the condition holds and to b elsewhere, each
 * summed back to its operand's broadcast shape. The condition is a selector, not differentiated.
 */
import { sumToShape } from '../sum-to-shape.ts';
import type { VjpEntry } from '../vjp-rule.ts';

export const WHERE_VJP: { readonly where: VjpEntry<'where'> } = {
  where: ({ b, inputs: [cond, onTrue, onFalse], dy }) => [
    undefined,
    () => sumToShape(b, b.op('where', [cond!, dy, b.scalar(0)], {}), onTrue!.shape),
    () => sumToShape(b, b.op('where', [cond!, b.scalar(0), dy], {}), onFalse!.shape),
  ],
};
