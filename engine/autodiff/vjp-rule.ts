/**
 * The shape of a vector-Jacobian rule: given ∂L/∂y of one primitive's result, build (as more IR ops) the
 * contribution ∂L/∂xᵢ for each operand xᵢ. Rules never differentiate again what they emit.
 */
import type { Builder } from '../ir/builder.ts';
import type { OpAttrs, OpId } from '../ir/ops.ts';
import type { Value } from '../ir/program.ts';

export interface VjpArgs<K extends OpId> {
  /** Where the gradient ops go; its shape rules check every one of them. */
  readonly b: Builder;
  readonly attrs: OpAttrs[K];
  /** The forward operands, in order. */
  readonly inputs: readonly Value[];
  /** The forward result y. */
  readonly output: Value;
  /** ∂L/∂y, with y's shape. */
  readonly dy: Value;
}

/**
 * Builds ∂L/∂xᵢ with xᵢ's exact shape. It is a thunk so that the driver emits only the gradients it needs (an
 * integer operand, a data input or a constant never gets one).
 */
export type OperandGradient = () => Value;

/**
 * One entry per operand, in order; `undefined` for an operand the primitive does not differentiate (the condition
 * of `where`, the indices of `gather`): the loss then depends on it only through a zero gradient.
 */
export type VjpRule<K extends OpId> = (args: VjpArgs<K>) => readonly (OperandGradient | undefined)[];

/**
 * A primitive without a rule. `zero`: its result is treated as a constant, so everything upstream of it gets no
 * gradient through it (sources, random samples, step-like functions whose derivative is zero almost everywhere).
 * `refuse`: differentiating through it is an error (gradient primitives; second derivatives are not supported).
 */
export interface NotDifferentiable {
  readonly notDifferentiable: 'zero' | 'refuse';
  readonly reason: string;
}

export const zeroGradient = (reason: string): NotDifferentiable => ({ notDifferentiable: 'zero', reason });
export const refuseGradient = (reason: string): NotDifferentiable => ({ notDifferentiable: 'refuse', reason });

export type VjpEntry<K extends OpId> = VjpRule<K> | NotDifferentiable;

export const isNotDifferentiable = (entry: unknown): entry is NotDifferentiable =>
  typeof entry === 'object' && entry !== null && 'notDifferentiable' in entry;
