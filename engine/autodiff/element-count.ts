/**
 * The number of elements spanned by some dimensions, as a scalar value of the program. Symbolic dimensions (N, T)
 * are only known when data arrives, so their product is computed at run time: a scalar 1 expanded over them and
 * summed, times the product of the concrete dimensions.
 */
import type { Builder } from '../ir/builder.ts';
import type { Value } from '../ir/program.ts';
import { isSymbol, type Dim } from '../ir/shape.ts';

export function elementCount(b: Builder, dims: readonly Dim[]): Value {
  const known = dims.reduce<number>((acc, d) => (isSymbol(d) ? acc : acc * d), 1);
  const symbols = dims.filter(isSymbol);
  if (symbols.length === 0) return b.scalar(known);
  const ones = b.op('expand', [b.scalar(1)], { shape: symbols });
  const count = b.sum(ones, symbols.map((_, i) => i));
  return known === 1 ? count : b.mul(count, b.scalar(known));
}
