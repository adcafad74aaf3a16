import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';

export const constant = defineNode({
  id: 'constant',
  category: 'data',
  label: 'Constant',
  docs: {
    summary: 'A tensor filled with one value. With the batch symbol N in its shape it follows the batch size: e.g. GAN targets, ones [N,1] for “real” and zeros [N,1] for “fake”.',
    formula: 'y = v\\,\\mathbf{1}_{\\text{shape}}',
    pytorch: 'torch.full((x.size(0), 1), value)  # N becomes the batch size',
  },
  params: {
    shape: p.shape(['N', 1], 'shape of the tensor; symbols such as N take the batch size'),
    value: p.float(0, 'the value of every element'),
    dtype: p.choice(['f32', 'i32'], 'f32', 'f32 for targets and masks, i32 for class indices'),
  },
  inputs: [],
  outputs: [{ name: 'y', doc: 'a tensor of the given shape' }],
  example: { params: { shape: ['N', 1], value: 1 }, inputs: {} },
  lower(ctx) {
    const { shape, value, dtype } = ctx.params;
    if (dtype === 'i32' && !Number.isInteger(value)) {
      ctx.fail('dtype-mismatch', `value ${value} is not a whole number, so it cannot fill an integer (i32) tensor`, {
        param: 'value', fix: { label: 'Use dtype f32', edits: [{ type: 'setParam', node: ctx.node.id, param: 'dtype', value: 'f32' }] },
      });
    }
    return { y: ctx.b.op('constant', [], { shape, value, dtype }) };
  },
});
