/**
 * Strided iteration: the one loop behind broadcasting, transposes, slices, concatenation and reductions. Each operand
 * is read or written through its own strides over a common iteration shape.
 */
import type { HostArray } from '../backend.ts';
import { sizeOf } from './tensor.ts';
import { collapseAxes } from '../strides.ts';

/**
 * Visits every row (all axes but the innermost) of the iteration `shape`; `offsets[k]` is operand k's offset at the
 * row start, and the visitor walks `inner` elements with `innerStrides[k]`. A scalar shape is one row of length 1.
 */
export function forEachRow(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  starts: readonly number[],
  visit: (offsets: readonly number[], inner: number, innerStrides: readonly number[]) => void,
): void {
  if (sizeOf(shape) === 0) return;
  const c = collapseAxes(shape, strides);
  const rank = c.shape.length;
  const offsets = [...starts];
  if (rank === 0) {
    visit(offsets, 1, strides.map(() => 0));
    return;
  }
  const inner = c.shape[rank - 1]!;
  const innerStrides = c.strides.map((s) => s[rank - 1]!);
  const index = new Array<number>(rank - 1).fill(0);
  const rows = sizeOf(c.shape) / inner;
  for (let row = 0; row < rows; row++) {
    visit(offsets, inner, innerStrides);
    for (let axis = rank - 2; axis >= 0; axis--) {
      index[axis]!++;
      for (let k = 0; k < offsets.length; k++) offsets[k]! += c.strides[k]![axis]!;
      if (index[axis]! < c.shape[axis]!) break;
      for (let k = 0; k < offsets.length; k++) offsets[k]! -= c.strides[k]![axis]! * c.shape[axis]!;
      index[axis] = 0;
    }
  }
}

/** Copies the elements of `shape` from `src` (read through srcStrides from srcStart) into `dst` likewise. */
export function copyStrided(
  src: HostArray, srcStart: number, srcStrides: readonly number[],
  dst: HostArray, dstStart: number, dstStrides: readonly number[],
  shape: readonly number[],
): void {
  forEachRow(shape, [srcStrides, dstStrides], [srcStart, dstStart], ([s, d], inner, [si, di]) => {
    for (let j = 0, ps = s!, pd = d!; j < inner; j++, ps += si!, pd += di!) dst[pd] = src[ps]!;
  });
}

/** The offset of every position of `shape` under `strides`, in row-major order of the positions. */
export function offsetsOf(shape: readonly number[], strides: readonly number[]): Int32Array {
  const result = new Int32Array(sizeOf(shape));
  let n = 0;
  forEachRow(shape, [strides], [0], ([s], inner, [si]) => {
    for (let j = 0, p = s!; j < inner; j++, p += si!) result[n++] = p;
  });
  return result;
}
