/**
 * The reverse of broadcasting: a gradient that was computed at a broadcast shape is summed back to the shape of
 * the operand that was broadcast (NumPy/PyTorch rules: added leading axes and size-1 axes that were stretched).
 */
import type { Builder } from '../ir/builder.ts';
import type { Value } from '../ir/program.ts';
import { formatShape, sameShape, type Shape } from '../ir/shape.ts';
import { AutodiffError } from './errors.ts';

export function sumToShape(b: Builder, gradient: Value, shape: Shape): Value {
  let g = gradient;
  const lead = g.shape.length - shape.length;
  if (lead > 0) g = b.sum(g, Array.from({ length: lead }, (_, i) => i));
  const stretched = shape.flatMap((d, i) => (d === 1 && g.shape[i] !== 1 ? [i] : []));
  if (stretched.length > 0) g = b.sum(g, stretched, true);
  if (!sameShape(g.shape, shape)) {
    throw new AutodiffError(`cannot sum a gradient of shape ${formatShape(gradient.shape)} back to ${formatShape(shape)}`);
  }
  return g;
}
