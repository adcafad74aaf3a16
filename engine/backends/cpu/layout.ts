/**
 * Data movement: transpose, reshape, expand, concat, slice and slice's gradient. Each is one strided copy (strided.ts)
 * with the source or destination strides that describe the view.
 */
import type { CpuKernel } from './tensor.ts';
import { copyStrided } from './strided.ts';
import { normAxis } from '../../ir/shape.ts';
import { broadcastStrides, rowMajorStrides } from '../strides.ts';

type LayoutOp = 'transpose' | 'reshape' | 'expand' | 'concat' | 'slice' | 'sliceGrad';

export const LAYOUT_KERNELS: { readonly [K in LayoutOp]: CpuKernel<K> } = {
  transpose: ([x], out, { perm }) => {
    const strides = rowMajorStrides(x!.shape);
    copyStrided(x!.data, 0, perm.map((p) => strides[p]!), out.data, 0, rowMajorStrides(out.shape), out.shape);
  },
  // Row-major data is unchanged by a reshape; the executor usually aliases instead of dispatching this copy.
  reshape: ([x], out) => out.data.set(x!.data),
  expand: ([x], out) => {
    copyStrided(x!.data, 0, broadcastStrides(x!.shape, out.shape), out.data, 0, rowMajorStrides(out.shape), out.shape);
  },
  concat: (inputs, out, { axis }) => {
    const ax = normAxis(axis, out.shape.length);
    const outStrides = rowMajorStrides(out.shape);
    let start = 0;
    for (const x of inputs) {
      copyStrided(x.data, 0, rowMajorStrides(x.shape), out.data, start * outStrides[ax]!, outStrides, x.shape);
      start += x.shape[ax]!;
    }
  },
  slice: ([x], out, { axis, start, step }) => {
    const ax = normAxis(axis, x!.shape.length);
    const strides = rowMajorStrides(x!.shape);
    const view = strides.map((s, i) => (i === ax ? s * step : s));
    copyStrided(x!.data, start * strides[ax]!, view, out.data, 0, rowMajorStrides(out.shape), out.shape);
  },
  sliceGrad: ([dy], out, { axis, start, step }) => {
    const ax = normAxis(axis, out.shape.length);
    const strides = rowMajorStrides(out.shape);
    const view = strides.map((s, i) => (i === ax ? s * step : s));
    out.data.fill(0);
    copyStrided(dy!.data, 0, rowMajorStrides(dy!.shape), out.data, start * strides[ax]!, view, dy!.shape);
  },
};
