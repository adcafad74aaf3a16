/** Dimensions that gradient attributes must know as numbers (a kernel size, a table's row count). */
import { formatShape, isSymbol, type Shape } from '../ir/shape.ts';
import { AutodiffError } from './errors.ts';

export function concreteDims(shape: Shape, what: string): number[] {
  return shape.map((d) => {
    if (isSymbol(d)) throw new AutodiffError(`the ${what} ${formatShape(shape)} must be concrete to differentiate, but has the symbol ${d}`);
    return d;
  });
}
