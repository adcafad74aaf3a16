import { defineNode } from '../../engine/compile/node-kind.ts';
import { adamParams, lowerAdamLike } from '../common/adam.ts';
import { OPTIMIZER_PORTS, optimizerSelection } from '../common/optimizer.ts';

export const adamw = defineNode({
  id: 'adamw',
  category: 'optimizers',
  label: 'AdamW',
  docs: {
    summary: 'Adam with decoupled weight decay: the weights shrink by lr·λ·θ directly each step instead of through the gradient, so the decay is not divided by √v̂ and regularises every weight evenly. The usual optimizer for Transformers.',
    formula: '\\theta_{t-1}\\! \\leftarrow \\theta_{t-1}(1 - \\eta\\lambda),\\; g_t = \\nabla_\\theta L,\\; m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t,\\; v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2,\\; \\theta_t = \\theta_{t-1} - \\eta \\frac{m_t/(1-\\beta_1^t)}{\\sqrt{v_t/(1-\\beta_2^t)} + \\epsilon}',
    seedNotes: 'The notes mention only that AdamW decouples weight decay; their L2 penalty (λ/2)‖φ‖² is weight_decay = λ for SGD and Adam, while AdamW’s λ multiplies the learning rate directly. ε is outside the square root, as in PyTorch’s Adam.',
    pytorch: 'torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, amsgrad=False)',
  },
  params: { ...adamParams, weight_decay: { ...adamParams.weight_decay, default: 0.01, doc: 'decoupled weight decay λ: θ ← θ(1 − lr·λ) each step' } },
  ...OPTIMIZER_PORTS,
  optimizer: optimizerSelection,
  example: { params: { lr: 0.001 }, inputs: { loss: [] } },
  lower: (ctx) => lowerAdamLike(ctx),
});
