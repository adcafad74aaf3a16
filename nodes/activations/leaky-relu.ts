import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { floatInput } from '../common/checks.ts';

export const leakyRelu = defineNode({
  id: 'leaky_relu',
  category: 'activations',
  label: 'LeakyReLU',
  docs: {
    summary: 'ReLU with a small slope for negative inputs, so a unit that only sees negative inputs still gets a gradient and cannot “die”.',
    formula: '\\mathrm{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases},\\quad f\'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}',
    seedNotes: 'The notes write max(αz, z) with α ≪ 1 (one sheet calls the slope ε ∈ (0, 0.1)); that equals the formula above whenever α ≤ 1. PyTorch’s default slope is 0.01.',
    pytorch: 'nn.LeakyReLU(negative_slope=0.01)',
  },
  params: {
    negative_slope: p.float(0.01, 'slope α applied to negative inputs'),
  },
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { params: { negative_slope: 0.1 }, inputs: { x: ['N', 128] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'x');
    const positive = b.op('greater', [x, b.scalar(0)], {});
    return { y: b.op('where', [positive, x, b.mul(x, b.scalar(ctx.params.negative_slope))], {}) };
  },
});
