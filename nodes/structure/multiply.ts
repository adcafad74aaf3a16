import { defineNode } from '../../engine/compile/node-kind.ts';
import { inputsParam, lowerMerge, numberedPorts } from './merge.ts';

export const multiply = defineNode({
  id: 'multiply',
  category: 'structure',
  label: 'Multiply',
  docs: {
    summary: 'Elementwise (Hadamard) product of its inputs, with PyTorch broadcasting: gates in LSTM/GRU cells (f ⊙ C), attention or channel weights, masks, and the σ ⊙ ε of the VAE reparameterisation.',
    formula: 'y = x_1 \\odot x_2 \\odot \\dots \\odot x_K',
    seedNotes: 'The notes write gate products with ⊙, e.g. C_t = f ⊙ C_{t−1} + i ⊙ C̃ and z = μ + σ ⊙ ε.',
    pytorch: 'x1 * x2  # in forward()',
  },
  params: { inputs: inputsParam },
  inputs: (params) => numberedPorts(params.inputs, 'factor'),
  outputs: [{ name: 'y', doc: 'the broadcast product' }],
  example: { inputs: { x1: ['N', 32], x2: ['N', 32] } },
  lower: (ctx) => ({ y: lowerMerge(ctx, ctx.params.inputs, 'mul', false) }),
});
