/** Selecting samples (rows along dimension 0) of host tensors: mini-batches and data splits. */
import type { HostArray, HostTensor } from '../backends/backend.ts';

export function sampleCount(t: HostTensor): number {
  return t.shape[0] ?? 0;
}

/** The rows `indices[from..to)` of `t`, copied into a new tensor. */
export function takeRows(t: HostTensor, indices: ArrayLike<number>, from = 0, to = indices.length): HostTensor {
  const rowSize = t.shape.slice(1).reduce((a, d) => a * d, 1);
  const count = to - from;
  const data = new (t.data.constructor as new (n: number) => HostArray)(count * rowSize);
  for (let r = 0; r < count; r++) {
    const src = indices[from + r]! * rowSize;
    data.set(t.data.subarray(src, src + rowSize), r * rowSize);
  }
  return { shape: [count, ...t.shape.slice(1)], dtype: t.dtype, data };
}
