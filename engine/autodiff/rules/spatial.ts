/**
 * Vector-Jacobian rules of the sliding-window and resampling primitives. Convolution, pooling and resizing emit
 * the dedicated gradient primitives; a transposed convolution is itself the input gradient of a convolution, so
 * its gradients are a convolution (∂x) and a convolution weight gradient with the roles of x and ∂y swapped (∂w).
 */
import type { Builder } from '../../ir/builder.ts';
import type { OpAttrs } from '../../ir/ops.ts';
import type { Value } from '../../ir/program.ts';
import { windowOutputSize } from '../../ir/window.ts';
import { concreteDims } from '../concrete-dims.ts';
import type { VjpEntry } from '../vjp-rule.ts';

type SpatialOp = 'conv' | 'convTranspose' | 'pool' | 'adaptiveAvgPool' | 'resize';

/** The convolution whose input gradient a transposed convolution computes (PyTorch defines it that way). */
function adjointConv(a: OpAttrs['convTranspose']): OpAttrs['conv'] {
  return { stride: a.stride, padding: a.padding.map((p) => [p, p] as const), dilation: a.dilation, groups: a.groups };
}

/** Cuts the spatial axes of [N, C, ...] down to `sizes` (keeps the start). */
function cropSpatial(b: Builder, v: Value, sizes: readonly number[]): Value {
  return sizes.reduce((acc, size, i) => (acc.shape[i + 2] === size ? acc : b.op('slice', [acc], { axis: i + 2, start: 0, end: size, step: 1 })), v);
}

/** Zero-extends the spatial axes of [N, C, ...] up to `sizes` (data at the start). */
function padSpatial(b: Builder, v: Value, sizes: readonly number[]): Value {
  return sizes.reduce((acc, size, i) => (acc.shape[i + 2] === size ? acc : b.op('sliceGrad', [acc], { axis: i + 2, start: 0, step: 1, length: size })), v);
}

export const SPATIAL_VJP: { readonly [K in SpatialOp]: VjpEntry<K> } = {
  conv: ({ b, attrs, inputs: [x, w], dy }) => [
    () => b.op('convGradInput', [dy, w!], { ...attrs, inputSpatial: x!.shape.slice(2) }),
    () => b.op('convGradWeight', [x!, dy], { ...attrs, kernel: concreteDims(w!.shape.slice(2), 'convolution kernel') }),
  ],
  convTranspose: ({ b, attrs, inputs: [x, w], dy }) => {
    const conv = adjointConv(attrs);
    const kernel = concreteDims(w!.shape.slice(2), 'convolution kernel');
    const inputSpatial = concreteDims(x!.shape.slice(2), 'transposed convolution input');
    // With output_padding ≥ stride (allowed when dilation is larger) the adjoint convolution yields more positions
    // than x has; the extra ones belong to no input element, so ∂x drops them and ∂w sees zeros there.
    const adjointSpatial = concreteDims(dy.shape.slice(2), 'transposed convolution output').map((length, i) =>
      windowOutputSize(length, kernel[i]!, conv.stride[i]!, 2 * attrs.padding[i]!, conv.dilation[i]!));
    return [
      () => cropSpatial(b, b.op('conv', [dy, w!], conv), inputSpatial),
      () => b.op('convGradWeight', [dy, padSpatial(b, x!, adjointSpatial)], { ...conv, kernel }),
    ];
  },
  pool: ({ b, attrs, inputs: [x], dy }) => [() => b.op('poolGrad', [x!, dy], attrs)],
  adaptiveAvgPool: ({ b, inputs: [x], dy }) => [() => b.op('adaptiveAvgPoolGrad', [dy], { inputSize: x!.shape.slice(2) })],
  resize: ({ b, attrs: { mode, alignCorners }, inputs: [x], dy }) => [
    () => b.op('resizeGrad', [dy], { mode, alignCorners, inputSize: x!.shape.slice(2) }),
  ],
};
