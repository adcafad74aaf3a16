import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { floatInput } from '../common/checks.ts';

export const dropout = defineNode({
  id: 'dropout',
  category: 'layers',
  label: 'Dropout',
  docs: {
    summary: 'While training, zeroes each element independently with probability p and scales the survivors by 1/(1−p) (“inverted dropout”), so no unit can rely on any other; in evaluation it passes x through unchanged. A regulariser that acts like averaging an ensemble of thinned networks.',
    formula: '\\text{train: } y = \\frac{m \\odot x}{1-p},\\; m_i \\sim \\operatorname{Bernoulli}(1-p);\\qquad \\text{eval: } y = x',
    seedNotes: 'The notes delete each hidden unit with probability ρ = 0.5 while training, keep the weights as they are, and at test time multiply the weights by ρ (with ρ the drop probability the factor should really be the keep probability 1−ρ; the two agree at 0.5). One sheet just multiplies by a random binary mask b with no scaling at all. PyTorch scales the kept units by 1/(1−p) during training instead, so that E[y] = (1−p)·x/(1−p) = x: the expected activation during training already equals the test-time one, and the test-time network is the plain one with no rescaling. Both schemes give the same expected pre-activations; inverted dropout just moves the factor to training time. A net with H hidden units has 2^H thinned sub-networks.',
    pytorch: 'nn.Dropout(p=0.5)',
  },
  params: {
    p: p.float(0.5, 'probability of zeroing each element while training', { min: 0, max: 1 }),
  },
  inputs: [{ name: 'x', doc: 'any float tensor' }],
  outputs: [{ name: 'y', doc: 'same shape as x' }],
  example: { params: { p: 0.3 }, inputs: { x: ['N', 6] } },
  lower(ctx) {
    const x = floatInput(ctx, 'x');
    const rate = ctx.params.p;
    const { b } = ctx;
    if (ctx.mode === 'eval' || rate === 0) return { y: x };
    // PyTorch returns x·0 for p = 1 (not a mask divided by zero).
    if (rate === 1) return { y: b.mul(x, b.scalar(0)) };
    const mask = b.op('randomBernoulli', [], { shape: x.shape, p: 1 - rate });
    return { y: b.mul(x, b.mul(mask, b.scalar(1 / (1 - rate)))) };
  },
});
