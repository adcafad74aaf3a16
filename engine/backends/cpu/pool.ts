/**
 * Pooling over the spatial axes of [N, C, ...spatial] (PyTorch MaxPoolNd / AvgPoolNd / AdaptiveAvgPoolNd) and the
 * gradients. Max keeps the first maximum of a window (ties go to the lowest index, NaN wins, as in PyTorch); the
 * average divides by the taps inside the input, or with countIncludePad by the taps inside the padded input.
 */
import type { OpAttrs } from '../../ir/ops.ts';
import type { HostArray } from '../backend.ts';
import { sizeOf, type CpuKernel } from './tensor.ts';
import { adaptiveWindows, buildWindowTable, slidingWindows, type WindowTable } from './window-table.ts';

type PoolOp = 'pool' | 'poolGrad' | 'adaptiveAvgPool' | 'adaptiveAvgPoolGrad';

/** Elements of one (n, c) plane of [N, C, ...spatial], and the number of planes. */
const planeSize = (shape: readonly number[]): number => sizeOf(shape.slice(2));
const planeCount = (shape: readonly number[]): number => shape[0]! * shape[1]!;

function poolTable(a: OpAttrs['pool'], inShape: readonly number[], outShape: readonly number[]): WindowTable {
  const inSize = inShape.slice(2);
  return buildWindowTable(
    inSize.map((len, i) => slidingWindows(len, outShape[i + 2]!, a.kernel[i]!, a.stride[i]!, a.padding[i]!, a.dilation[i]!)),
    inSize);
}

function adaptiveTable(inShape: readonly number[], outShape: readonly number[]): WindowTable {
  const inSize = inShape.slice(2);
  return buildWindowTable(inSize.map((len, i) => adaptiveWindows(len, outShape[i + 2]!)), inSize);
}

/** Offset (within the plane) of the first maximum of window o; −1 for a window that lies wholly in the padding. */
function argMax(x: HostArray, base: number, table: WindowTable, o: number): number {
  const { starts, offsets } = table;
  if (starts[o] === starts[o + 1]) return -1;
  let best = offsets[starts[o]!]!;
  let max = x[base + best]!;
  for (let t = starts[o]! + 1; t < starts[o + 1]! && max === max; t++) {
    const v = x[base + offsets[t]!]!;
    if (v > max || v !== v) {
      max = v;
      best = offsets[t]!;
    }
  }
  return best;
}

function divisors(table: WindowTable, countPadding: boolean): Float64Array {
  if (countPadding) return table.paddedCounts;
  return Float64Array.from(table.paddedCounts, (_, o) => table.starts[o + 1]! - table.starts[o]!);
}

function average(table: WindowTable, divisor: Float64Array, x: HostArray, xShape: readonly number[], y: HostArray, yShape: readonly number[]): void {
  const inPlane = planeSize(xShape), outPlane = planeSize(yShape);
  const { starts, offsets } = table;
  for (let p = 0; p < planeCount(xShape); p++) {
    for (let o = 0; o < outPlane; o++) {
      let sum = 0;
      for (let t = starts[o]!; t < starts[o + 1]!; t++) sum += x[p * inPlane + offsets[t]!]!;
      y[p * outPlane + o] = sum / divisor[o]!;
    }
  }
}

/** The adjoint of `average`: each output's gradient spread evenly over its window (accumulated in float64). */
function averageGrad(table: WindowTable, divisor: Float64Array, dy: HostArray, dyShape: readonly number[], dx: HostArray, dxShape: readonly number[]): void {
  const inPlane = planeSize(dxShape), outPlane = planeSize(dyShape);
  const { starts, offsets } = table;
  const sum = new Float64Array(dx.length);
  for (let p = 0; p < planeCount(dxShape); p++) {
    for (let o = 0; o < outPlane; o++) {
      const share = dy[p * outPlane + o]! / divisor[o]!;
      for (let t = starts[o]!; t < starts[o + 1]!; t++) sum[p * inPlane + offsets[t]!]! += share;
    }
  }
  dx.set(sum);
}

export const POOL_KERNELS: { readonly [K in PoolOp]: CpuKernel<K> } = {
  pool: ([x], out, a) => {
    const table = poolTable(a, x!.shape, out.shape);
    if (a.mode === 'avg') {
      average(table, divisors(table, a.countIncludePad), x!.data, x!.shape, out.data, out.shape);
      return;
    }
    const inPlane = planeSize(x!.shape), outPlane = planeSize(out.shape);
    for (let p = 0; p < planeCount(x!.shape); p++) {
      for (let o = 0; o < outPlane; o++) {
        const best = argMax(x!.data, p * inPlane, table, o);
        out.data[p * outPlane + o] = best < 0 ? -Infinity : x!.data[p * inPlane + best]!; // PyTorch's −∞ padding
      }
    }
  },
  poolGrad: ([x, dy], out, a) => {
    const table = poolTable(a, x!.shape, dy!.shape);
    if (a.mode === 'avg') {
      averageGrad(table, divisors(table, a.countIncludePad), dy!.data, dy!.shape, out.data, out.shape);
      return;
    }
    const inPlane = planeSize(x!.shape), outPlane = planeSize(dy!.shape);
    const sum = new Float64Array(out.data.length);
    for (let p = 0; p < planeCount(x!.shape); p++) {
      for (let o = 0; o < outPlane; o++) {
        const best = argMax(x!.data, p * inPlane, table, o);
        if (best >= 0) sum[p * inPlane + best]! += dy!.data[p * outPlane + o]!;
      }
    }
    out.data.set(sum);
  },
  adaptiveAvgPool: ([x], out) => {
    const table = adaptiveTable(x!.shape, out.shape);
    average(table, table.paddedCounts, x!.data, x!.shape, out.data, out.shape);
  },
  adaptiveAvgPoolGrad: ([dy], out) => {
    const table = adaptiveTable(out.shape, dy!.shape);
    averageGrad(table, table.paddedCounts, dy!.data, dy!.shape, out.data, out.shape);
  },
};
