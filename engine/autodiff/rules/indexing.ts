/**
 * Vector-Jacobian rules of the primitives that select elements: the gradient goes back to the positions the
 * elements came from (scatter-added rows for gather, zero-filled gaps for slice, pieces of ∂y for concat).
 */
import { normAxis } from '../../ir/shape.ts';
import { concreteDims } from '../concrete-dims.ts';
import { zeroGradient, type VjpEntry } from '../vjp-rule.ts';

type IndexingOp = 'gather' | 'slice' | 'concat' | 'oneHot';

export const INDEXING_VJP: { readonly [K in IndexingOp]: VjpEntry<K> } = {
  gather: ({ b, inputs: [table, indices], dy }) => [
    () => b.op('gatherGrad', [indices!, dy], { rows: concreteDims(table!.shape.slice(0, 1), 'gathered table')[0]! }),
    undefined,
  ],
  slice: ({ b, attrs: { axis, start, step }, inputs: [x], dy }) => {
    const ax = normAxis(axis, x!.shape.length);
    const [length] = concreteDims([x!.shape[ax]!], 'sliced axis');
    return [() => b.op('sliceGrad', [dy], { axis: ax, start, step, length: length! })];
  },
  concat: ({ b, attrs, inputs, dy }) => {
    const axis = normAxis(attrs.axis, dy.shape.length);
    let offset = 0;
    return inputs.map((x) => {
      const [length] = concreteDims([x.shape[axis]!], 'concatenated axis');
      const start = offset;
      offset += length!;
      return inputs.length === 1 ? () => dy : () => b.op('slice', [dy], { axis, start, end: start + length!, step: 1 });
    });
  },
  oneHot: zeroGradient('its operand holds integer class indices'),
};
