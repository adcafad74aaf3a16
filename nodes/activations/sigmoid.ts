import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';

export const sigmoid = defineNode({
  id: 'sigmoid',
  category: 'activations',
  label: 'Sigmoid',
  docs: {
    summary: 'Logistic function: squashes any real number into (0, 1), so it turns a score into a probability for binary tasks. As a hidden activation it saturates (gradient at most 1/4), which makes deep stacks hard to train. Before a loss, prefer BCEWithLogitsLoss on the raw score, which includes the sigmoid and is numerically stable.',
    formula: '\\sigma(x) = \\frac{1}{1 + e^{-x}},\\quad \\sigma\'(x) = \\sigma(x)\\,\\big(1 - \\sigma(x)\\big)',
    seedNotes: 'The notes use σ (one sheet writes ϑ) as a hidden activation or as the output for binary tasks; same function.',
    pytorch: 'nn.Sigmoid()',
  },
  params: {},
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 1] } },
  lower: (ctx) => ({ y: ctx.b.unary('sigmoid', floatInput(ctx, 'x')) }),
});
