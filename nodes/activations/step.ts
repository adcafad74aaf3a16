import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { floatInput } from '../common/checks.ts';

export const step = defineNode({
  id: 'step',
  category: 'activations',
  label: 'Step',
  docs: {
    summary: 'Hard threshold unit of the classic perceptron: 0/1 (Heaviside) or −1/+1 (perceptron sign). Its gradient is zero everywhere it is defined, so layers before it do not learn by backpropagation — train it with the perceptron rule, or use Sigmoid/Tanh as a smooth stand-in.',
    formula: '\\text{heaviside: } H(x) = \\mathbb{1}[x > 0];\\quad \\text{sign: } \\psi(x) = -1 + 2\\,\\mathbb{1}[x > 0];\\quad f\'(x) = 0 \\;(x \\ne 0)',
    seedNotes: 'The notes define the step as 1 if u > 0 else 0, and the perceptron sign as ψ(z) = −1 + 2·𝟙[z > 0], which gives −1 at z = 0. torch.sign differs at 0 (it returns 0), and torch.heaviside(x, values) lets you pick the value at 0; a threshold θ is the same as a bias b = −θ.',
    pytorch: 'torch.heaviside(x, torch.tensor(0.0))  # sign: 2 * (x > 0).float() - 1',
  },
  params: {
    mode: p.choice(['heaviside', 'sign'], 'heaviside', 'heaviside gives 0/1, sign gives −1/+1 (−1 at 0, like the perceptron)'),
  },
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { params: { mode: 'sign' }, inputs: { x: ['N', 1] } },
  lower(ctx) {
    const { b } = ctx;
    const h = b.unary('step', floatInput(ctx, 'x'));
    return { y: ctx.params.mode === 'sign' ? b.sub(b.mul(b.scalar(2), h), b.scalar(1)) : h };
  },
});
