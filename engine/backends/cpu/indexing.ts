/**
 * Integer-indexed ops: gather (embedding lookup), its gradient, and one-hot encoding. An index outside its range is
 * an Error naming the value, where it sits in the index tensor, and the valid range; never a silent wrong read.
 */
import { sizeOf, type CpuKernel, type CpuTensor } from './tensor.ts';

type IndexingOp = 'gather' | 'gatherGrad' | 'oneHot';

/** Position of flat element `flat` in a tensor of `shape`, as `[i, j, …]`. */
function positionOf(flat: number, shape: readonly number[]): string {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis]!;
    flat = Math.floor(flat / shape[axis]!);
  }
  return `[${index.join(', ')}]`;
}

/** Reads index `flat` of `indices`, checked against [0, count). */
function checkedIndex(op: string, what: string, indices: CpuTensor, flat: number, count: number): number {
  const v = indices.data[flat]!;
  if (v < 0 || v >= count) {
    throw new Error(`${op}: ${what} ${v} at position ${positionOf(flat, indices.shape)} of the indices is out of range; valid ${what} indices are 0 to ${count - 1}`);
  }
  return v;
}

export const INDEXING_KERNELS: { readonly [K in IndexingOp]: CpuKernel<K> } = {
  gather: ([table, indices], out) => {
    const rows = table!.shape[0]!, rowSize = sizeOf(table!.shape.slice(1));
    for (let p = 0; p < indices!.data.length; p++) {
      const row = checkedIndex('gather', 'row', indices!, p, rows);
      out.data.set(table!.data.subarray(row * rowSize, (row + 1) * rowSize), p * rowSize);
    }
  },
  gatherGrad: ([indices, dy], out, { rows }) => {
    const rowSize = sizeOf(out.shape.slice(1));
    const dst = out.data, src = dy!.data;
    dst.fill(0);
    for (let p = 0; p < indices!.data.length; p++) {
      const row = checkedIndex('gatherGrad', 'row', indices!, p, rows);
      for (let j = 0, d = row * rowSize, s = p * rowSize; j < rowSize; j++) dst[d + j]! += src[s + j]!;
    }
  },
  oneHot: ([indices], out, { depth }) => {
    out.data.fill(0);
    for (let p = 0; p < indices!.data.length; p++) out.data[p * depth + checkedIndex('oneHot', 'class', indices!, p, depth)] = 1;
  },
};
