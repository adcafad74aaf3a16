import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { lowerOptimizer, OPTIMIZER_PORTS, optimizerParams, optimizerSelection, scheduleAndClipParams } from '../common/optimizer.ts';

export const rmsprop = defineNode({
  id: 'rmsprop',
  category: 'optimizers',
  label: 'RMSprop',
  docs: {
    summary: 'Divides each weight’s step by a running root-mean-square of its recent gradients, so weights with large, noisy gradients take smaller steps. Optional momentum, and a centred variant that divides by the running variance instead of the raw second moment.',
    formula: 'g_t = \\nabla_\\theta L + \\lambda\\theta_{t-1},\\; v_t = \\alpha v_{t-1} + (1-\\alpha) g_t^2,\\; \\tilde v_t = \\text{centered} ?\\, v_t - \\bar g_t^2 : v_t\\; (\\bar g_t = \\alpha \\bar g_{t-1} + (1-\\alpha) g_t),\\; b_t = \\mu b_{t-1} + \\frac{g_t}{\\sqrt{\\tilde v_t} + \\epsilon},\\; \\theta_t = \\theta_{t-1} - \\eta\\, b_t\\; (\\mu = 0:\\; \\theta_t = \\theta_{t-1} - \\eta \\tfrac{g_t}{\\sqrt{\\tilde v_t} + \\epsilon})',
    seedNotes: 'Not in the course notes. Adam is RMSprop’s second-moment scaling plus a bias-corrected first moment. PyTorch adds ε outside the square root and starts v at 0 (no bias correction).',
    pytorch: 'torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False)',
  },
  params: {
    ...optimizerParams,
    lr: p.float(0.01, 'learning rate η', { min: 0, exclusiveMin: true }),
    alpha: p.float(0.99, 'smoothing constant α of the squared-gradient average', { min: 0, max: 1 }),
    eps: p.float(1e-8, 'ε added to the root to avoid division by zero', { min: 0 }),
    weight_decay: p.float(0, 'L2 penalty λ added to the gradient', { min: 0 }),
    momentum: p.float(0, 'momentum μ on the scaled step', { min: 0, max: 1 }),
    centered: p.bool(false, 'divide by the estimated variance (v − ḡ²) instead of the second moment'),
    ...scheduleAndClipParams,
  },
  ...OPTIMIZER_PORTS,
  optimizer: optimizerSelection,
  example: { params: { lr: 0.01 }, inputs: { loss: [] } },
  lower: (ctx) => lowerOptimizer(ctx),
});
