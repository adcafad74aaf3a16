/**
 * Stride arithmetic shared by every backend's strided kernels (broadcasting, transposes, slices, reductions):
 * row-major strides, broadcast strides, and merging axes every operand walks contiguously.
 */

export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** Strides that read a tensor of `shape` as if broadcast to `target`: 0 on stretched and on missing leading axes. */
export function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const own = rowMajorStrides(shape);
  const offset = target.length - shape.length;
  return target.map((_, i) => (i < offset || shape[i - offset] === 1 ? 0 : own[i - offset]!));
}

/**
 * Drops unit axes and merges neighbouring axes that every operand walks contiguously
 * (stride[a] = stride[a+1]·shape[a+1]), so that same-shape operands become one flat loop and
 * [N,C,H,W] + [1,C,1,1] needs three axes instead of four.
 */
export function collapseAxes(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let axis = 0; axis < shape.length; axis++) {
    const size = shape[axis]!;
    if (size === 1) continue; // a unit axis contributes nothing to any offset
    const last = outShape.length - 1;
    if (last >= 0 && strides.every((s, k) => outStrides[k]![last] === s[axis]! * size)) {
      outShape[last] = outShape[last]! * size;
      strides.forEach((s, k) => (outStrides[k]![last] = s[axis]!));
    } else {
      outShape.push(size);
      strides.forEach((s, k) => outStrides[k]!.push(s[axis]!));
    }
  }
  return { shape: outShape, strides: outStrides };
}
