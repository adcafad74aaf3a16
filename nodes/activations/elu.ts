import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { floatInput } from '../common/checks.ts';

export const elu = defineNode({
  id: 'elu',
  category: 'activations',
  label: 'ELU',
  docs: {
    summary: 'Exponential linear unit: the identity for positive inputs and a smooth curve that levels off at −α for negative ones, which keeps mean activations closer to zero than ReLU.',
    formula: '\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases},\\quad f\'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}',
    seedNotes: 'Not in the course notes. netloom evaluates the negative branch as α(exp(min(x, 0)) − 1), so a large positive input never reaches exp and cannot overflow.',
    pytorch: 'nn.ELU(alpha=1.0)',
  },
  params: {
    alpha: p.float(1, 'α: the value the output approaches for very negative inputs is −α'),
  },
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 128] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'x');
    const zero = b.scalar(0);
    // exp only ever sees non-positive numbers: no overflow for large x, and the branch not taken stays finite.
    const negative = b.mul(b.scalar(ctx.params.alpha), b.sub(b.unary('exp', b.op('minimum', [x, zero], {})), b.scalar(1)));
    return { y: b.op('where', [b.op('greater', [x, zero], {}), x, negative], {}) };
  },
});
