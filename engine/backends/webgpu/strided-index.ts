/**
 * Index arithmetic for strided kernels (broadcasting, transposes, slices, reductions): from a thread's linear index
 * over an iteration shape to each operand's element offset, as WGSL statements with the shape and strides baked in.
 * Axes that every operand walks contiguously are merged first, so same-shaped operands need no arithmetic at all
 * and [N,C,H,W] + [1,C,1,1] needs two divisions instead of four.
 */
import { u32Literal } from './wgsl-math.ts';
import { collapseAxes, rowMajorStrides } from '../strides.ts';

/** An operand read or written through strides from a start offset; `name` is the WGSL `let` its offset gets. */
export interface StridedOperand {
  readonly name: string;
  readonly strides: readonly number[];
  readonly start?: number;
}

/**
 * WGSL statements binding `let <operand.name>: u32` to each operand's offset at linear position `index` (a u32
 * expression) of the row-major iteration `shape`. `tag` keeps the temporaries of several calls in one kernel apart.
 */
export function offsetStatements(index: string, shape: readonly number[], operands: readonly StridedOperand[], tag = 'p'): string {
  const c = collapseAxes(shape, operands.map((o) => o.strides));
  const rank = c.shape.length;
  const contiguous = rowMajorStrides(c.shape);
  const lines: string[] = [];
  const needsCoordinates = operands.some((_, k) => c.strides[k]!.some((s, a) => s !== contiguous[a]));
  if (needsCoordinates && rank > 0) {
    lines.push(`  var ${tag}_rest = ${index};`);
    for (let axis = rank - 1; axis >= 1; axis--) {
      lines.push(`  let ${tag}_${axis} = ${tag}_rest % ${u32Literal(c.shape[axis]!)}; ${tag}_rest = ${tag}_rest / ${u32Literal(c.shape[axis]!)};`);
    }
    lines.push(`  let ${tag}_0 = ${tag}_rest;`);
  }
  operands.forEach((operand, k) => {
    const strides = c.strides[k]!;
    const terms: string[] = [];
    if (operand.start) terms.push(u32Literal(operand.start));
    if (rank > 0 && strides.every((s, a) => s === contiguous[a])) terms.push(index);
    else strides.forEach((s, a) => {
      if (s !== 0) terms.push(s === 1 ? `${tag}_${a}` : `${tag}_${a} * ${u32Literal(s)}`);
    });
    lines.push(`  let ${operand.name} = ${terms.length > 0 ? terms.join(' + ') : '0u'};`);
  });
  return lines.join('\n');
}
