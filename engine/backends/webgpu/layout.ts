/**
 * Data movement: transpose, reshape, expand, concat, slice and slice's gradient. Each is a strided copy (one thread
 * per element read, the source and destination offsets from strides, as the CPU's copyStrided), a plain buffer copy
 * where the bytes do not move, or a clear followed by a copy.
 */
import { normAxis } from '../../ir/shape.ts';
import {
  bind, elementCount, input, OUTPUT, perElementStep, wgslType, type KernelBuilder, type KernelLimits, type KernelStep, type TensorType,
} from './kernel-spec.ts';
import { offsetStatements } from './strided-index.ts';
import { broadcastStrides, rowMajorStrides } from '../strides.ts';

type LayoutOp = 'transpose' | 'reshape' | 'expand' | 'concat' | 'slice' | 'sliceGrad';

interface StridedView {
  readonly start: number;
  readonly strides: readonly number[];
}

/** Copies the elements of `shape` from input `from` (read through `source`) into the output (written through `target`). */
function stridedCopy(from: number, x: TensorType, shape: readonly number[], source: StridedView, target: StridedView, limits: KernelLimits): KernelStep[] {
  const count = elementCount(shape);
  if (count === 0) return [];
  const element = wgslType(x.dtype);
  const offsets = offsetStatements('i', shape, [{ name: 's', ...source }, { name: 'd', ...target }]);
  return [perElementStep([bind(input(from), 'x', element), bind(OUTPUT, 'y', element)], '', count, `${offsets}\n  y[d] = x[s];`, limits)];
}

const dense = (shape: readonly number[], start = 0): StridedView => ({ start, strides: rowMajorStrides(shape) });

/** A view of `shape` that steps `step` elements at a time along `axis` from index `start`. */
function steppedView(shape: readonly number[], axis: number, start: number, step: number): StridedView {
  const strides = rowMajorStrides(shape);
  return { start: start * strides[axis]!, strides: strides.map((s, i) => (i === axis ? s * step : s)) };
}

export const LAYOUT_KERNELS: { readonly [K in LayoutOp]: KernelBuilder<K> } = {
  transpose: ({ perm }, { inputs: [x], output }, limits) => {
    const strides = rowMajorStrides(x!.shape);
    return { steps: stridedCopy(0, x!, output.shape, { start: 0, strides: perm.map((p) => strides[p]!) }, dense(output.shape), limits) };
  },
  // Row-major data is unchanged by a reshape; the executor usually aliases instead of dispatching this copy.
  reshape: () => ({ steps: [{ kind: 'copy', from: input(0) }] }),
  expand: (_, { inputs: [x], output }, limits) => ({
    steps: stridedCopy(0, x!, output.shape, { start: 0, strides: broadcastStrides(x!.shape, output.shape) }, dense(output.shape), limits),
  }),
  concat: ({ axis }, { inputs, output }, limits) => {
    const ax = normAxis(axis, output.shape.length);
    const outStrides = rowMajorStrides(output.shape);
    let start = 0;
    return {
      steps: inputs.flatMap((x, k) => {
        const target = { start: start * outStrides[ax]!, strides: outStrides };
        start += x.shape[ax]!;
        return stridedCopy(k, x, x.shape, dense(x.shape), target, limits);
      }),
    };
  },
  slice: ({ axis, start, step }, { inputs: [x], output }, limits) => {
    const ax = normAxis(axis, x!.shape.length);
    return { steps: stridedCopy(0, x!, output.shape, steppedView(x!.shape, ax, start, step), dense(output.shape), limits) };
  },
  sliceGrad: ({ axis, start, step }, { inputs: [dy], output }, limits) => {
    const ax = normAxis(axis, output.shape.length);
    return { steps: [{ kind: 'clear' }, ...stridedCopy(0, dy!, dy!.shape, dense(dy!.shape), steppedView(output.shape, ax, start, step), limits)] };
  },
};
