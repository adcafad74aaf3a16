import { defineNode } from '../../engine/compile/node-kind.ts';

export const output = defineNode({
  id: 'output',
  category: 'structure',
  label: 'Output',
  docs: {
    summary: 'Marks a tensor as a result of the model: what Run shows, what exported code returns from forward(), and an ONNX graph output (named after this node). Nodes that feed neither a loss nor an Output are flagged as unused.',
    formula: '\\text{output}_{\\text{id}} = x',
    pytorch: 'return x  # from forward()',
  },
  params: {},
  inputs: [{ name: 'x', doc: 'the tensor to expose' }],
  outputs: [],
  example: { inputs: { x: ['N', 10] } },
  lower(ctx) {
    ctx.b.output(ctx.node.id, ctx.input('x'));
    return {};
  },
});
