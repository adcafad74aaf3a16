import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';

export const tanh = defineNode({
  id: 'tanh',
  category: 'activations',
  label: 'Tanh',
  docs: {
    summary: 'Hyperbolic tangent: squashes values into (−1, 1) and is zero-centred, unlike the sigmoid. The usual activation inside RNN cells; it saturates for large |x|.',
    formula: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\\sigma(2x) - 1,\\quad \\tanh\'(x) = 1 - \\tanh^2(x)',
    pytorch: 'nn.Tanh()',
  },
  params: {},
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 64] } },
  lower: (ctx) => ({ y: ctx.b.unary('tanh', floatInput(ctx, 'x')) }),
});
