/**
 * Pooling windows as a flat table. Each spatial axis contributes, per output index, the list of input indices its
 * window reads; the N-d window of an output position is the product of its axes' lists. Max/avg pooling, adaptive
 * pooling and their gradients all walk the same table, computed once per dispatch and shared by every (n, c) plane.
 */
import { rowMajorStrides } from '../strides.ts';

export interface AxisWindows {
  /** For each output index, the input indices its window reads (inside the input). */
  readonly indices: readonly (readonly number[])[];
  /** For each output index, how many taps the average divides by when padding counts (countIncludePad). */
  readonly paddedCounts: readonly number[];
}

export interface WindowTable {
  /** Window of output position o: plane offsets offsets[starts[o]] … offsets[starts[o+1]−1]. */
  readonly starts: Int32Array;
  readonly offsets: Int32Array;
  /** Product of the axes' paddedCounts per output position. */
  readonly paddedCounts: Float64Array;
}

export function buildWindowTable(axes: readonly AxisWindows[], inSize: readonly number[]): WindowTable {
  const inStrides = rowMajorStrides(inSize);
  // Expand one axis at a time: every window so far × every output index of the next axis.
  let windows: { offsets: number[]; padded: number }[] = [{ offsets: [0], padded: 1 }];
  axes.forEach((axis, a) => {
    const next: typeof windows = [];
    for (const w of windows) {
      axis.indices.forEach((list, o) => {
        const offsets: number[] = [];
        for (const base of w.offsets) for (const i of list) offsets.push(base + i * inStrides[a]!);
        next.push({ offsets, padded: w.padded * axis.paddedCounts[o]! });
      });
    }
    windows = next;
  });
  const starts = new Int32Array(windows.length + 1);
  windows.forEach((w, o) => (starts[o + 1] = starts[o]! + w.offsets.length));
  const offsets = new Int32Array(starts[windows.length]!);
  windows.forEach((w, o) => offsets.set(w.offsets, starts[o]!));
  return { starts, offsets, paddedCounts: Float64Array.from(windows, (w) => w.padded) };
}

/** Sliding windows: output o reads o·s − p + t·d for t < k; padding counts up to the padded end L + p. */
export function slidingWindows(length: number, outLength: number, kernel: number, stride: number, pad: number, dilation: number): AxisWindows {
  const indices: number[][] = [];
  const paddedCounts: number[] = [];
  for (let o = 0; o < outLength; o++) {
    const list: number[] = [];
    let padded = 0;
    for (let t = 0; t < kernel; t++) {
      const i = o * stride - pad + t * dilation;
      if (i < length + pad) padded++; // taps past the padded end (ceil mode's partial window) never count
      if (i >= 0 && i < length) list.push(i);
    }
    indices.push(list);
    paddedCounts.push(padded);
  }
  return { indices, paddedCounts };
}

/** Adaptive windows: output i of `outLength` spans [⌊i·L/out⌋, ⌈(i+1)·L/out⌉). */
export function adaptiveWindows(length: number, outLength: number): AxisWindows {
  const indices: number[][] = [];
  for (let o = 0; o < outLength; o++) {
    const start = Math.floor((o * length) / outLength);
    const end = Math.ceil(((o + 1) * length) / outLength);
    indices.push(Array.from({ length: end - start }, (_, j) => start + j));
  }
  return { indices, paddedCounts: indices.map((list) => list.length) };
}
