import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';

export const atan = defineNode({
  id: 'atan',
  category: 'activations',
  label: 'Arctan',
  docs: {
    summary: 'Inverse tangent: a sigmoid-shaped, zero-centred squashing function with range (−π/2, π/2). Its tails flatten more slowly than tanh’s (the gradient decays like 1/x² rather than exponentially).',
    formula: 'f(x) = \\arctan(x),\\quad f\'(x) = \\frac{1}{1 + x^2}',
    seedNotes: 'Listed among the activations in the notes, without a derivative; 1/(1 + x²) is the standard one.',
    pytorch: 'torch.atan(x)  # no nn module; wrap it in a small nn.Module',
  },
  params: {},
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 64] } },
  lower: (ctx) => ({ y: ctx.b.unary('atan', floatInput(ctx, 'x')) }),
});
