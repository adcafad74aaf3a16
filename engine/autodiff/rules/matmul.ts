/**
 * Vector-Jacobian rule of the batched matrix product Y = A·B: ∂A = ∂Y·Bᵀ and ∂B = Aᵀ·∂Y (transposing the last two
 * axes), each with the batch axes it was broadcast over summed away.
 */
import type { Builder } from '../../ir/builder.ts';
import type { Value } from '../../ir/program.ts';
import { sumToShape } from '../sum-to-shape.ts';
import type { VjpEntry } from '../vjp-rule.ts';

/** Swaps the two matrix axes of [..., M, K]. */
function transposeMatrices(b: Builder, x: Value): Value {
  const rank = x.shape.length;
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return b.transpose(x, perm);
}

export const MATMUL_VJP: { readonly matmul: VjpEntry<'matmul'> } = {
  matmul: ({ b, inputs: [lhs, rhs], dy }) => [
    () => sumToShape(b, b.matmul(dy, transposeMatrices(b, rhs!)), lhs!.shape),
    () => sumToShape(b, b.matmul(transposeMatrices(b, lhs!), dy), rhs!.shape),
  ],
};
