/**
 * Spatial resize of [N, C, ...spatial] (PyTorch interpolate with `size`) and its gradient. Both modes are separable:
 * the N-d resize is one 1-d resample per spatial axis, and the gradient applies the adjoint resamples in reverse
 * order. Each output index o of an axis reads input i0 with weight 1−λ and i1 with weight λ.
 *   nearest:                       i0 = ⌊o·in/out⌋ (exact integer arithmetic), λ = 0
 *   linear, align_corners=true:    src = o·(in−1)/(out−1)
 *   linear, align_corners=false:   src = max(0, (o+½)·in/out − ½)
 *   then i0 = ⌊src⌋, i1 = min(i0+1, in−1), λ = src − i0.
 */
import type { OpAttrs } from '../../ir/ops.ts';
import type { HostArray } from '../backend.ts';
import { sizeOf, type CpuKernel } from './tensor.ts';

interface AxisTaps {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly lambda: Float64Array;
}

function axisTaps(mode: OpAttrs['resize']['mode'], alignCorners: boolean, inLen: number, outLen: number): AxisTaps {
  const i0 = new Int32Array(outLen), i1 = new Int32Array(outLen), lambda = new Float64Array(outLen);
  for (let o = 0; o < outLen; o++) {
    if (mode === 'nearest') {
      i0[o] = i1[o] = Math.min(Math.floor((o * inLen) / outLen), inLen - 1);
      continue;
    }
    const src = alignCorners
      ? (outLen > 1 ? (o * (inLen - 1)) / (outLen - 1) : 0)
      : Math.max(0, ((o + 0.5) * inLen) / outLen - 0.5);
    const lo = Math.min(Math.floor(src), inLen - 1);
    i0[o] = lo;
    i1[o] = Math.min(lo + 1, inLen - 1);
    lambda[o] = src - lo;
  }
  return { i0, i1, lambda };
}

/**
 * Resamples axis `axis` of a tensor viewed as [outer, length, inner]: `forward` maps length inLen → outLen, the
 * adjoint maps a gradient of length outLen back to inLen.
 */
function resampleAxis(
  src: ArrayLike<number>, dst: HostArray | Float64Array, outer: number, inner: number,
  inLen: number, outLen: number, taps: AxisTaps, adjoint: boolean,
): void {
  const { i0, i1, lambda } = taps;
  if (adjoint) dst.fill(0);
  for (let b = 0; b < outer; b++) {
    const inBase = b * inLen * inner, outBase = b * outLen * inner;
    for (let o = 0; o < outLen; o++) {
      const p0 = inBase + i0[o]! * inner, p1 = inBase + i1[o]! * inner, po = outBase + o * inner;
      const w1 = lambda[o]!, w0 = 1 - w1;
      if (adjoint) {
        for (let j = 0; j < inner; j++) {
          const g = src[po + j]!;
          dst[p0 + j]! += w0 * g;
          dst[p1 + j]! += w1 * g;
        }
      } else if (w1 === 0) {
        for (let j = 0; j < inner; j++) dst[po + j] = src[p0 + j]!; // a plain copy: 0·∞ must not turn into NaN
      } else {
        for (let j = 0; j < inner; j++) dst[po + j] = w0 * src[p0 + j]! + w1 * src[p1 + j]!;
      }
    }
  }
}

/**
 * Runs one resample per spatial axis (in the given axis order) from `fromShape` towards `toShape`, keeping
 * intermediate results in float64; the last pass writes `out`.
 */
function resampleAll(
  x: ArrayLike<number>, fromShape: readonly number[], toShape: readonly number[], out: HostArray,
  axisOrder: readonly number[], tapsOf: (axis: number) => AxisTaps, adjoint: boolean,
): void {
  let current: ArrayLike<number> = x;
  const shape = [...fromShape];
  axisOrder.forEach((axis, step) => {
    const fromLen = shape[axis]!, toLen = toShape[axis]!;
    const outer = sizeOf(shape.slice(0, axis)), inner = sizeOf(shape.slice(axis + 1));
    shape[axis] = toLen;
    const target = step === axisOrder.length - 1 ? out : new Float64Array(sizeOf(shape));
    // resampleAxis takes the forward lengths; an adjoint pass runs from the forward output back to its input.
    const [inLen, outLen] = adjoint ? [toLen, fromLen] : [fromLen, toLen];
    resampleAxis(current, target, outer, inner, inLen, outLen, tapsOf(axis), adjoint);
    current = target;
  });
}

const spatialAxes = (rank: number): number[] => Array.from({ length: rank - 2 }, (_, i) => i + 2);

export const RESIZE_KERNELS: { readonly [K in 'resize' | 'resizeGrad']: CpuKernel<K> } = {
  resize: ([x], out, { mode, alignCorners }) => {
    const tapsOf = (axis: number) => axisTaps(mode, alignCorners, x!.shape[axis]!, out.shape[axis]!);
    resampleAll(x!.data, x!.shape, out.shape, out.data, spatialAxes(out.shape.length), tapsOf, false);
  },
  resizeGrad: ([dy], out, { mode, alignCorners }) => {
    const tapsOf = (axis: number) => axisTaps(mode, alignCorners, out.shape[axis]!, dy!.shape[axis]!);
    resampleAll(dy!.data, dy!.shape, out.shape, out.data, spatialAxes(out.shape.length).reverse(), tapsOf, true);
  },
};
