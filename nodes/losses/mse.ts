import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';
import { LOSS_PORTS, matchingTarget, reduceAll, reductionParam } from '../common/loss.ts';

export const mse = defineNode({
  id: 'mse',
  category: 'losses',
  prediction: 'regression',
  label: 'MSELoss',
  docs: {
    summary: 'Mean squared error for regression: the average of the squared differences between prediction and target over every element. It is the negative log-likelihood of a Gaussian with fixed variance, up to constants.',
    formula: '\\ell = \\frac{1}{M} \\sum_{i=1}^{M} (x_i - y_i)^2 \\;\\; (M = \\text{all elements; sum: no } 1/M)',
    seedNotes: 'The notes normalise differently: (1/N)Σ_n‖f(x_n) − y_n‖² sums over the K outputs and averages over the N samples (K times PyTorch’s value), one sheet uses ½(d − y)² per sample, and the Gaussian view gives (1/(2σ²))Σ(y − f)². PyTorch’s mean divides by N·K.',
    pytorch: 'nn.MSELoss(reduction="mean")',
  },
  params: { reduction: reductionParam },
  ...LOSS_PORTS,
  example: { inputs: { input: ['N', 1], target: ['N', 1] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'input');
    const d = b.sub(x, matchingTarget(ctx, x));
    return { loss: reduceAll(ctx, b.mul(d, d), ctx.params.reduction) };
  },
});
