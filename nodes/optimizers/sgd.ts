import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { lowerOptimizer, OPTIMIZER_PORTS, optimizerParams, optimizerSelection, scheduleAndClipParams } from '../common/optimizer.ts';

export const sgd = defineNode({
  id: 'sgd',
  category: 'optimizers',
  label: 'SGD',
  docs: {
    summary: 'Stochastic gradient descent on mini-batches, optionally with (Nesterov) momentum and L2 weight decay.',
    formula: 'g_t = \\nabla_\\theta L + \\lambda\\theta,\\; b_t = \\mu b_{t-1} + (1-\\tau) g_t,\\; \\theta \\leftarrow \\theta - \\eta\\,(\\text{nesterov} ? g_t + \\mu b_t : b_t)',
    seedNotes: 'One sheet sums per-example gradients with no learning rate (φ ← φ − Σ∂ℓ_i/∂φ); another averages over the batch with step α. PyTorch uses the mean loss and lr. Momentum V_t = βV_{t−1} + ∇ℓ, w ← w − αV_t is PyTorch’s rule with dampening 0. The notes’ penalty (λ/2)‖φ‖² is weight_decay = λ.',
    pytorch: 'torch.optim.SGD(params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False)',
  },
  params: {
    ...optimizerParams,
    lr: p.float(0.001, 'learning rate η', { min: 0, exclusiveMin: true }),
    momentum: p.float(0, 'momentum μ', { min: 0, max: 1 }),
    dampening: p.float(0, 'dampening τ for momentum', { min: 0, max: 1 }),
    weight_decay: p.float(0, 'L2 penalty λ added to the gradient', { min: 0 }),
    nesterov: p.bool(false, 'Nesterov momentum (needs momentum > 0 and dampening 0)'),
    ...scheduleAndClipParams,
  },
  ...OPTIMIZER_PORTS,
  optimizer: optimizerSelection,
  example: { params: { lr: 0.1, momentum: 0.9 }, inputs: { loss: [] } },
  lower(ctx) {
    if (ctx.params.nesterov && (ctx.params.momentum <= 0 || ctx.params.dampening !== 0)) {
      ctx.fail('invalid-graph', 'Nesterov momentum needs momentum > 0 and dampening 0 (PyTorch refuses otherwise)', { param: 'nesterov' });
    }
    return lowerOptimizer(ctx);
  },
});
