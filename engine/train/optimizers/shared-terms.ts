/**
 * Terms several update rules share, each written in the operation order PyTorch 1.13's single-tensor optimizers
 * use, so float64 results agree to the last few bits.
 */
import type { Builder } from '../../ir/builder.ts';
import type { Value } from '../../ir/program.ts';

/** Coupled L2 weight decay: g + λθ (`grad.add(param, alpha=weight_decay)`); λ = 0 adds nothing to the program. */
export function withL2Penalty(b: Builder, grad: Value, param: Value, weightDecay: number): Value {
  return weightDecay === 0 ? grad : b.add(grad, b.mul(b.scalar(weightDecay), param));
}

/** `average·keep + x·weight` (PyTorch's `average.mul_(keep).add_(x, alpha=weight)`). */
export function blend(b: Builder, average: Value, keep: number, x: Value, weight: number): Value {
  return b.add(b.mul(average, b.scalar(keep)), b.mul(b.scalar(weight), x));
}
