/**
 * Convolution kernels (PyTorch ConvNd semantics: cross-correlation, grouped, strided, dilated, padded), all as
 * im2col/col2im plus one matrix product per (sample, group):
 *   conv            y_g  = W_g · cols(x_g)
 *   convGradWeight  dW_g = Σ_n dy_g · cols(x_g)ᵀ
 *   convGradInput   dx_g = col2im(W_gᵀ · dy_g)
 *   convTranspose   the input gradient of the convolution whose weight it shares, applied to x.
 * Weight layout [C_out, C_in/groups, ...kernel] makes W_g a contiguous [C_out/g, C_in/g·taps] matrix.
 */
import type { OpAttrs } from '../../ir/ops.ts';
import type { HostArray } from '../backend.ts';
import { transferColumns, type WindowGeometry } from './columns.ts';
import { gemm } from './gemm.ts';
import { sizeOf, type CpuKernel, type CpuTensor } from './tensor.ts';

type ConvOp = 'conv' | 'convTranspose' | 'convGradInput' | 'convGradWeight';

let columnScratch = new Float64Array(0);
function columnsOf(size: number): Float64Array {
  if (columnScratch.length < size) columnScratch = new Float64Array(size);
  return columnScratch.subarray(0, size);
}

/** Layout of one convolution x [N, C_in, ...in] ⊛ w [C_out, C_in/g, ...k] → y [N, C_out, ...out]. */
interface ConvLayout {
  readonly batch: number;
  readonly groups: number;
  readonly inPerGroup: number;
  readonly outPerGroup: number;
  readonly geometry: WindowGeometry;
}

function convLayout(
  x: readonly number[], y: readonly number[], kernel: readonly number[], groups: number,
  attrs: { readonly stride: readonly number[]; readonly dilation: readonly number[] }, padBefore: readonly number[],
): ConvLayout {
  return {
    batch: x[0]!, groups, inPerGroup: x[1]! / groups, outPerGroup: y[1]! / groups,
    geometry: { inSize: x.slice(2), outSize: y.slice(2), kernel, stride: attrs.stride, padBefore, dilation: attrs.dilation },
  };
}

const taps = (l: ConvLayout) => sizeOf(l.geometry.kernel);
const inPlane = (l: ConvLayout) => sizeOf(l.geometry.inSize);
const outPlane = (l: ConvLayout) => sizeOf(l.geometry.outSize);

function convForward(l: ConvLayout, x: HostArray, w: HostArray, y: HostArray): void {
  const rows = l.inPerGroup * taps(l), positions = outPlane(l);
  const cols = columnsOf(rows * positions);
  for (let n = 0; n < l.batch; n++) {
    for (let g = 0; g < l.groups; g++) {
      transferColumns('gather', x, (n * l.groups + g) * l.inPerGroup * inPlane(l), l.inPerGroup, l.geometry, cols);
      gemm(l.outPerGroup, rows, positions,
        { data: w, offset: g * l.outPerGroup * rows, rowStride: rows, colStride: 1 },
        { data: cols, offset: 0, rowStride: positions, colStride: 1 },
        y, (n * l.groups + g) * l.outPerGroup * positions, false);
    }
  }
}

/** dx from dy [N, C_out, ...out] and w; `dx` is accumulated in float64 and then stored. */
function convBackwardData(l: ConvLayout, dy: HostArray, w: HostArray, dx: HostArray): void {
  const rows = l.inPerGroup * taps(l), positions = outPlane(l);
  const cols = columnsOf(rows * positions);
  const image = new Float64Array(dx.length);
  for (let n = 0; n < l.batch; n++) {
    for (let g = 0; g < l.groups; g++) {
      gemm(rows, l.outPerGroup, positions,
        { data: w, offset: g * l.outPerGroup * rows, rowStride: 1, colStride: rows }, // W_gᵀ
        { data: dy, offset: (n * l.groups + g) * l.outPerGroup * positions, rowStride: positions, colStride: 1 },
        cols, 0, false);
      transferColumns('scatter', image, (n * l.groups + g) * l.inPerGroup * inPlane(l), l.inPerGroup, l.geometry, cols);
    }
  }
  dx.set(image);
}

function convBackwardWeight(l: ConvLayout, x: HostArray, dy: HostArray, dw: HostArray): void {
  const rows = l.inPerGroup * taps(l), positions = outPlane(l);
  const cols = columnsOf(rows * positions);
  const sum = new Float64Array(dw.length);
  for (let n = 0; n < l.batch; n++) {
    for (let g = 0; g < l.groups; g++) {
      transferColumns('gather', x, (n * l.groups + g) * l.inPerGroup * inPlane(l), l.inPerGroup, l.geometry, cols);
      gemm(l.outPerGroup, positions, rows,
        { data: dy, offset: (n * l.groups + g) * l.outPerGroup * positions, rowStride: positions, colStride: 1 },
        { data: cols, offset: 0, rowStride: 1, colStride: positions }, // colsᵀ
        sum, g * l.outPerGroup * rows, true);
    }
  }
  dw.set(sum);
}

const padBefore = (padding: OpAttrs['conv']['padding']) => padding.map(([before]) => before);
const kernelOf = (w: CpuTensor) => w.shape.slice(2);

export const CONV_KERNELS: { readonly [K in ConvOp]: CpuKernel<K> } = {
  conv: ([x, w], out, a) => {
    convForward(convLayout(x!.shape, out.shape, kernelOf(w!), a.groups, a, padBefore(a.padding)), x!.data, w!.data, out.data);
  },
  // The transposed convolution of x is the input gradient of a convolution out → x sharing the weight.
  convTranspose: ([x, w], out, a) => {
    convBackwardData(convLayout(out.shape, x!.shape, kernelOf(w!), a.groups, a, a.padding), x!.data, w!.data, out.data);
  },
  convGradInput: ([dy, w], out, a) => {
    convBackwardData(convLayout(out.shape, dy!.shape, kernelOf(w!), a.groups, a, padBefore(a.padding)), dy!.data, w!.data, out.data);
  },
  convGradWeight: ([x, dy], out, a) => {
    convBackwardWeight(convLayout(x!.shape, dy!.shape, a.kernel, a.groups, a, padBefore(a.padding)), x!.data, dy!.data, out.data);
  },
};
