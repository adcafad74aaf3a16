/**
 * Helpers for kinds with a `dim` param (Softmax, Concat, Split, Slice): PyTorch's negative dims, with friendly errors
 * that name the user's shape. Not a node kind; shared by the activations and structure folders.
 */
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import type { ParamSchema } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { formatShape, isSymbol, normAxis } from '../../engine/ir/shape.ts';

/** `dim` normalised to 0…rank−1, or a rank-mismatch diagnostic on the `dim` param (with a fix to `suggest`). */
export function resolveDim(
  ctx: LowerContext<ParamSchema>, x: Value, dim: number, port: string, suggest?: number, param = 'dim',
): number {
  const rank = x.shape.length;
  const axis = normAxis(dim, rank);
  if (axis < 0) {
    const range = rank === 0 ? 'a scalar has no dimensions' : `valid dims are ${-rank}…${rank - 1}`;
    const canFix = suggest !== undefined && rank > 0 && normAxis(suggest, rank) >= 0;
    ctx.fail('rank-mismatch', `${param} ${dim} is out of range for ${port} ${formatShape(x.shape)} (rank ${rank}); ${range}`, {
      param, port,
      ...(canFix ? { fix: { label: `Set ${param} to ${suggest}`, edits: [{ type: 'setParam', node: ctx.node.id, param, value: suggest }] } } : {}),
    });
  }
  return axis;
}

/** The size of `x` along `axis`, which must be a number (a symbolic batch or sequence length cannot be cut or joined). */
export function concreteSize(ctx: LowerContext<ParamSchema>, x: Value, axis: number, port: string, what: string, param = 'dim'): number {
  const d = x.shape[axis]!;
  if (isSymbol(d)) {
    const fix = x.shape.length > 1 && axis === 0
      ? { fix: { label: `Set ${param} to 1`, edits: [{ type: 'setParam' as const, node: ctx.node.id, param, value: 1 }] } } : {};
    ctx.fail('shape-mismatch',
      `cannot ${what} along dim ${axis} of ${port} ${formatShape(x.shape)}: its size is the symbol ${d} (${d === 'N' ? 'the batch size' : 'unknown until data arrives'}); choose a dimension with a fixed size`,
      { param, port, ...fix });
  }
  return d as number;
}
