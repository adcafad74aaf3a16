/** The number of elements of a shape that came from a file, where nothing about the shape can be trusted. */

/**
 * The product of `shape`, or undefined when a dimension is not a non-negative safe integer or the product is too
 * large to be exact (a hostile header must not make a reader allocate by a wrapped or fractional size). A zero
 * dimension makes the product 0 however large the others are.
 */
export function fileElementCount(shape: readonly unknown[]): number | undefined {
  if (!shape.every((d): d is number => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) return undefined;
  if (shape.includes(0)) return 0;
  let count = 1;
  for (const d of shape) {
    count *= d;
    if (!Number.isSafeInteger(count)) return undefined;
  }
  return count;
}
