/**
 * Gradient clipping as IR, like torch.nn.utils.clip_grad_norm_ and clip_grad_value_, plus the global gradient norm
 * the training loop reads every step for its NaN guard.
 */
import type { Builder } from '../ir/builder.ts';
import type { Value } from '../ir/program.ts';

/** The 2-norm of all gradients taken together, √(Σ_g Σ g²): a scalar (0 when there are none, as in PyTorch). */
export function globalGradNorm(b: Builder, grads: readonly Value[]): Value {
  if (grads.length === 0) return b.scalar(0);
  const sumsOfSquares = grads.map((g) => {
    const squares = b.mul(g, g);
    return g.shape.length === 0 ? squares : b.sum(squares, g.shape.map((_, axis) => axis));
  });
  return b.unary('sqrt', sumsOfSquares.reduce((total, s) => b.add(total, s)));
}

export interface ClippedGradients {
  readonly grads: readonly Value[];
  /** The global norm before clipping (what clip_grad_norm_ returns). */
  readonly norm: Value;
}

/**
 * Scales every gradient by min(1, maxNorm / (‖g‖ + 1e-6)), so the global norm is at most maxNorm. Pass `norm`
 * when globalGradNorm of the same gradients is already in the program.
 */
export function clipGradNorm(b: Builder, grads: readonly Value[], maxNorm: number, norm = globalGradNorm(b, grads)): ClippedGradients {
  // PyTorch's 1e-6 keeps the division finite for all-zero gradients and makes the clipped norm land just below maxNorm.
  const coef = b.op('minimum', [b.div(b.scalar(maxNorm), b.add(norm, b.scalar(1e-6))), b.scalar(1)], {});
  return { grads: grads.map((g) => b.mul(g, coef)), norm };
}

/** Clamps every gradient element to [−clip, clip]. */
export function clipGradValue(b: Builder, grads: readonly Value[], clip: number): Value[] {
  const low = b.scalar(-clip);
  const high = b.scalar(clip);
  return grads.map((g) => b.op('minimum', [b.op('maximum', [g, low], {}), high], {}));
}
