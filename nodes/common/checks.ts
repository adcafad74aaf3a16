/** Friendly input checks shared by many node kinds: they explain in the user's terms what the IR would refuse. */
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import type { ParamSchema } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';

/** The value on `port`, which must have exactly `rank` dims laid out as `layout` (e.g. `[N,C,H,W]`). */
export function inputOfRank(ctx: LowerContext<ParamSchema>, port: string, rank: number, layout: string, hint = ''): Value {
  const x = ctx.input(port);
  if (x.shape.length !== rank) {
    ctx.fail('rank-mismatch', `needs a rank-${rank} input ${layout} but ${port} is ${formatShape(x.shape)} (rank ${x.shape.length})${hint}`, { port });
  }
  return x;
}

export function floatInput(ctx: LowerContext<ParamSchema>, port: string): Value {
  const x = ctx.input(port);
  if (x.dtype !== 'f32') {
    ctx.fail('dtype-mismatch', `${port} must be a float tensor but receives integer data ${formatShape(x.shape)} (class indices or token ids?)`, { port });
  }
  return x;
}

/** A dimension that must be a concrete number (channels, features). */
export function concreteDim(ctx: LowerContext<ParamSchema>, x: Value, axis: number, what: string, port: string): number {
  const d = x.shape[axis < 0 ? x.shape.length + axis : axis]!;
  if (isSymbol(d)) ctx.fail('shape-mismatch', `the ${what} of ${port} ${formatShape(x.shape)} is the symbol ${d}; it must be a number`, { port });
  return d as number;
}
