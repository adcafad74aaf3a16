/**
 * Reproducible test tensors for gradient checks, drawn from the engine's counter-based generator so that a case
 * always sees the same numbers. Each sampler advances its own counter: the draws depend only on the seed and the
 * order of the calls.
 */
import { counterUniform } from '../../engine/backends/random.ts';
import type { DType } from '../../engine/ir/ops.ts';

export interface InputSpec {
  readonly shape: readonly number[];
  readonly data: readonly number[];
  readonly dtype: DType;
  /** Whether the gradient check differentiates this operand (float operands do unless they are data). */
  readonly differentiate: boolean;
}

const count = (shape: readonly number[]): number => shape.reduce((a, d) => a * d, 1);

export const floats = (shape: readonly number[], data: readonly number[]): InputSpec =>
  ({ shape, data, dtype: 'f32', differentiate: true });

/** A float operand that is held fixed (a mask, a constant exponent): not differentiated. */
export const fixedData = (spec: InputSpec): InputSpec => ({ ...spec, differentiate: false });

export function sampler(seed: number) {
  let counter = 0;
  const next = (): number => counterUniform(seed, counter++);
  const draw = (shape: readonly number[], f: () => number): number[] => Array.from({ length: count(shape) }, f);
  return {
    /** Uniform in [lo, hi). */
    uniform: (shape: readonly number[], lo = -1, hi = 1): InputSpec => floats(shape, draw(shape, () => lo + (hi - lo) * next())),
    /** Magnitudes in [0.2, 1) with random signs: clear of a kink at 0 by far more than the finite-difference step. */
    awayFromZero: (shape: readonly number[]): InputSpec =>
      floats(shape, draw(shape, () => (next() < 0.5 ? -1 : 1) * (0.2 + 0.8 * next()))),
    /** A shuffle of −1, −1+δ, −1+2δ, …: no two elements tie, so maxima are unique. */
    distinct: (shape: readonly number[]): InputSpec => {
      const n = count(shape);
      const keys = draw(shape, next);
      const order = keys.map((_, i) => i).sort((i, j) => keys[i]! - keys[j]!);
      return floats(shape, order.map((rank) => -1 + (2 * rank) / n));
    },
    /** Integer indices in [0, rows). */
    indices: (shape: readonly number[], rows: number): InputSpec =>
      ({ shape, data: draw(shape, () => Math.floor(next() * rows)), dtype: 'i32', differentiate: false }),
    /** 0/1 values (a condition for `where`), held fixed. */
    mask: (shape: readonly number[]): InputSpec => fixedData(floats(shape, draw(shape, () => (next() < 0.5 ? 0 : 1)))),
    /** Plain uniform [-1, 1) numbers (weightings, directions). */
    numbers: (n: number): number[] => Array.from({ length: n }, () => 2 * next() - 1),
  };
}
