import { defineNode } from '../../engine/compile/node-kind.ts';
import { inputsParam, lowerMerge, numberedPorts } from './merge.ts';

export const add = defineNode({
  id: 'add',
  category: 'structure',
  label: 'Add',
  docs: {
    summary: 'Elementwise sum of its inputs, with PyTorch broadcasting. This is the residual (skip) connection: y = x + f(x) lets gradients flow straight through, so very deep networks train. The branches must have the same shape; when a block changes channels or resolution, project the skip with a 1×1 convolution. Also sums loss terms (e.g. a GAN discriminator’s real and fake losses).',
    formula: 'y = x_1 + x_2 + \\dots + x_K;\\quad \\text{residual: } h^{(l)} = h^{(l-1)} + f\\big(h^{(l-1)}\\big),\\; \\frac{\\partial h^{(l)}}{\\partial h^{(l-1)}} = I + \\frac{\\partial f}{\\partial h^{(l-1)}}',
    seedNotes: 'The notes write the skip as h_ℓ = φ(W_{ℓ−1}ᵀh_{ℓ−1}) + h_{ℓ−1}, adding a trainable projection Uᵀh_{ℓ−1} when the widths differ; ResNet’s projection is a 1×1 convolution with the block’s stride.',
    pytorch: 'x1 + x2  # in forward(); ResNet skip: out = block(x) + shortcut(x)',
  },
  params: { inputs: inputsParam },
  inputs: (params) => numberedPorts(params.inputs, 'summand'),
  outputs: [{ name: 'y', doc: 'the broadcast sum' }],
  example: { inputs: { x1: ['N', 64, 8, 8], x2: ['N', 64, 8, 8] } },
  lower: (ctx) => ({ y: lowerMerge(ctx, ctx.params.inputs, 'add', true) }),
});
