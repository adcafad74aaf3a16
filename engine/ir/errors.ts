/** Raised by a shape rule when a primitive cannot accept its operands; the compiler pins it to the node that lowered the op. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}
