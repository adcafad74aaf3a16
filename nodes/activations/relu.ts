import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';

export const relu = defineNode({
  id: 'relu',
  category: 'activations',
  label: 'ReLU',
  docs: {
    summary: 'Rectified linear unit: passes positive values, zeroes negative ones. Its gradient does not vanish for positive inputs, which lets deep stacks train (pair it with He initialisation).',
    formula: '\\mathrm{ReLU}(x) = \\max(0, x),\\quad \\mathrm{ReLU}\'(x) = \\mathbb{1}[x > 0]',
    pytorch: 'nn.ReLU()',
  },
  params: {},
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 128] } },
  lower: (ctx) => ({ y: ctx.b.unary('relu', floatInput(ctx, 'x')) }),
});
