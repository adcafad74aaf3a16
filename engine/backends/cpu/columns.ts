/**
 * im2col and its adjoint col2im for N-d sliding windows. The column matrix has one row per (channel, kernel tap) and
 * one column per output position: convolution becomes one matrix product, and its input gradient becomes a product
 * followed by the scatter-add back into the image.
 */
import type { HostArray } from '../backend.ts';
import { sizeOf } from './tensor.ts';
import { rowMajorStrides } from '../strides.ts';

/** One spatial window arrangement: input and output lengths per axis, and how taps map between them. */
export interface WindowGeometry {
  readonly inSize: readonly number[];
  readonly outSize: readonly number[];
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly padBefore: readonly number[];
  readonly dilation: readonly number[];
}

/** Per axis, for tap t and output o: the input index o·s − p + t·d, or −1 where it falls in the padding. */
function tapIndices(g: WindowGeometry): Int32Array[] {
  return g.inSize.map((len, axis) => {
    const k = g.kernel[axis]!, out = g.outSize[axis]!;
    const table = new Int32Array(k * out);
    for (let t = 0; t < k; t++) {
      for (let o = 0; o < out; o++) {
        const i = o * g.stride[axis]! - g.padBefore[axis]! + t * g.dilation[axis]!;
        table[t * out + o] = i >= 0 && i < len ? i : -1;
      }
    }
    return table;
  });
}

/**
 * 'gather' fills `columns` [channels·taps, outPositions] from `image` [channels, ...inSize] (padding reads 0);
 * 'scatter' adds `columns` back into `image` (padding positions are dropped).
 */
export function transferColumns(
  direction: 'gather' | 'scatter', image: HostArray, imageOffset: number, channels: number,
  g: WindowGeometry, columns: Float64Array,
): void {
  const taps = tapIndices(g);
  const rank = g.inSize.length;
  const inStrides = rowMajorStrides(g.inSize);
  const plane = sizeOf(g.inSize);
  const kernelCount = sizeOf(g.kernel);
  const positions = sizeOf(g.outSize);
  const lastLen = g.outSize[rank - 1]!;
  const lastStride = inStrides[rank - 1]!;
  const tap = new Array<number>(rank).fill(0);
  for (let c = 0; c < channels; c++) {
    for (let kFlat = 0; kFlat < kernelCount; kFlat++) {
      for (let axis = rank - 1, rest = kFlat; axis >= 0; axis--) {
        tap[axis] = rest % g.kernel[axis]!;
        rest = Math.floor(rest / g.kernel[axis]!);
      }
      const lastTaps = taps[rank - 1]!.subarray(tap[rank - 1]! * lastLen, (tap[rank - 1]! + 1) * lastLen);
      const rowStart = (c * kernelCount + kFlat) * positions;
      for (let outer = 0; outer < positions / lastLen; outer++) {
        // Offset of this row of output positions in the image, from the tap indices of the outer axes.
        let base = imageOffset + c * plane;
        let inside = true;
        for (let axis = rank - 2, rest = outer; axis >= 0; axis--) {
          const o = rest % g.outSize[axis]!;
          rest = Math.floor(rest / g.outSize[axis]!);
          const i = taps[axis]![tap[axis]! * g.outSize[axis]! + o]!;
          if (i < 0) inside = false;
          base += i * inStrides[axis]!;
        }
        const colStart = rowStart + outer * lastLen;
        if (direction === 'gather') {
          if (!inside) columns.fill(0, colStart, colStart + lastLen);
          else for (let o = 0; o < lastLen; o++) {
            const i = lastTaps[o]!;
            columns[colStart + o] = i < 0 ? 0 : image[base + i * lastStride]!;
          }
        } else if (inside) {
          for (let o = 0; o < lastLen; o++) {
            const i = lastTaps[o]!;
            if (i >= 0) image[base + i * lastStride]! += columns[colStart + o]!;
          }
        }
      }
    }
  }
}
