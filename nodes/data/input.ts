import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';

export const input = defineNode({
  id: 'input',
  category: 'data',
  label: 'Input',
  docs: {
    summary: 'A tensor fed from outside the graph, with an explicit shape. Keep the batch dimension symbolic (N) so any batch size fits.',
    formula: 'x \\in \\mathbb{R}^{N \\times \\dots}',
    seedNotes: 'The notes write images as H×W×C; netloom, like PyTorch, uses [N,C,H,W].',
    pytorch: 'the argument of forward(x)',
  },
  params: {
    shape: p.shape(['N', 784], 'shape including the batch dimension; symbols such as N or T stay symbolic'),
    dtype: p.choice(['f32', 'i32'], 'f32', 'f32 for features, i32 for class indices or token ids'),
  },
  inputs: [],
  outputs: [{ name: 'y' }],
  example: { inputs: {} },
  lower: (ctx) => ({ y: ctx.b.op('input', [], { name: ctx.node.id, shape: ctx.params.shape, dtype: ctx.params.dtype }) }),
});
