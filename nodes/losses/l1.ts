import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';
import { LOSS_PORTS, matchingTarget, reduceAll, reductionParam } from '../common/loss.ts';

export const l1 = defineNode({
  id: 'l1',
  category: 'losses',
  prediction: 'regression',
  label: 'L1Loss',
  docs: {
    summary: 'Mean absolute error: the average of |prediction − target| over every element. Less sensitive to outliers than MSE; its gradient has the same size (±1) however large the error.',
    formula: '\\ell = \\frac{1}{M} \\sum_{i=1}^{M} |x_i - y_i| \\;\\; (M = \\text{all elements; sum: no } 1/M),\\quad \\frac{\\partial \\ell}{\\partial x_i} = \\frac{\\mathrm{sign}(x_i - y_i)}{M}',
    seedNotes: 'The notes use the L1 norm as a weight penalty λ‖φ‖₁ (gradient λ·sign(φ)) rather than as a loss; the same function applied to the errors.',
    pytorch: 'nn.L1Loss(reduction="mean")',
  },
  params: { reduction: reductionParam },
  ...LOSS_PORTS,
  example: { inputs: { input: ['N', 1], target: ['N', 1] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'input');
    return { loss: reduceAll(ctx, b.unary('abs', b.sub(x, matchingTarget(ctx, x))), ctx.params.reduction) };
  },
});
