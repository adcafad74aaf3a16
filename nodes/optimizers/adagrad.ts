import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { lowerOptimizer, OPTIMIZER_PORTS, optimizerParams, optimizerSelection, scheduleAndClipParams } from '../common/optimizer.ts';

export const adagrad = defineNode({
  id: 'adagrad',
  category: 'optimizers',
  label: 'Adagrad',
  docs: {
    summary: 'Scales each weight’s step by the root of the sum of all its past squared gradients: rarely updated weights (e.g. embeddings of rare words) keep large steps, frequently updated ones slow down. The sum only grows, so learning eventually stalls; RMSprop and Adam use decaying averages instead.',
    formula: 'g_t = \\nabla_\\theta L + \\lambda\\theta_{t-1},\\; \\tilde\\eta_t = \\frac{\\eta}{1 + (t-1)\\,\\text{lr\\_decay}},\\; s_t = s_{t-1} + g_t^2\\; (s_0 = \\text{initial\\_accumulator\\_value}),\\; \\theta_t = \\theta_{t-1} - \\tilde\\eta_t \\frac{g_t}{\\sqrt{s_t} + \\epsilon}',
    seedNotes: 'Not in the course notes. PyTorch adds ε outside the square root.',
    pytorch: 'torch.optim.Adagrad(params, lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)',
  },
  params: {
    ...optimizerParams,
    lr: p.float(0.01, 'learning rate η', { min: 0, exclusiveMin: true }),
    lr_decay: p.float(0, 'learning-rate decay: step t uses η/(1 + (t−1)·lr_decay)', { min: 0 }),
    weight_decay: p.float(0, 'L2 penalty λ added to the gradient', { min: 0 }),
    initial_accumulator_value: p.float(0, 'starting value of the squared-gradient sum', { min: 0 }),
    eps: p.float(1e-10, 'ε added to the root to avoid division by zero', { min: 0 }),
    ...scheduleAndClipParams,
  },
  ...OPTIMIZER_PORTS,
  optimizer: optimizerSelection,
  example: { params: { lr: 0.01 }, inputs: { loss: [] } },
  lower: (ctx) => lowerOptimizer(ctx),
});
