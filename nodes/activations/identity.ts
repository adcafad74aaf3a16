import { defineNode } from '../../engine/compile/node-kind.ts';

export const identity = defineNode({
  id: 'identity',
  category: 'activations',
  label: 'Identity',
  docs: {
    summary: 'Passes its input through unchanged: the “linear” output activation of a regression network, or a placeholder while sketching.',
    formula: 'f(x) = x,\\quad f\'(x) = 1',
    seedNotes: 'The notes call it the linear activation, used on the output layer for regression.',
    pytorch: 'nn.Identity()',
  },
  params: {},
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 1] } },
  lower: (ctx) => ({ y: ctx.input('x') }),
});
