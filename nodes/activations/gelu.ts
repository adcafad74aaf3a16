import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { floatInput } from '../common/checks.ts';

export const gelu = defineNode({
  id: 'gelu',
  category: 'activations',
  label: 'GELU',
  docs: {
    summary: 'Gaussian error linear unit: weights each input by the probability that a standard normal variable is below it. A smooth ReLU-like curve used in Transformers (BERT, GPT, ViT).',
    formula: '\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\tfrac{1}{2} x \\Big(1 + \\mathrm{erf}\\big(x/\\sqrt{2}\\big)\\Big);\\quad \\text{tanh: } \\tfrac{1}{2} x \\Big(1 + \\tanh\\big(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\big)\\Big)',
    seedNotes: 'Not in the course notes. approximate = "tanh" is the older approximation used by the original BERT and GPT-2 code; it differs from the exact form by less than 10⁻³.',
    pytorch: 'nn.GELU(approximate="none")',
  },
  params: {
    approximate: p.choice(['none', 'tanh'], 'none', 'exact erf form, or the tanh approximation'),
  },
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { params: { approximate: 'tanh' }, inputs: { x: ['N', 'T', 256] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'x');
    let inner: Value;
    if (ctx.params.approximate === 'tanh') {
      const cube = b.mul(b.mul(x, x), x);
      const arg = b.mul(b.scalar(Math.sqrt(2 / Math.PI)), b.add(x, b.mul(b.scalar(0.044715), cube)));
      inner = b.unary('tanh', arg);
    } else {
      inner = b.unary('erf', b.mul(x, b.scalar(Math.SQRT1_2)));
    }
    return { y: b.mul(b.mul(b.scalar(0.5), x), b.add(b.scalar(1), inner)) };
  },
});
