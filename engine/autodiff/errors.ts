/** A program that cannot be differentiated as asked (not a scalar loss, an integer parameter, a second derivative). */
export class AutodiffError extends Error {
  override readonly name = 'AutodiffError';
}
