/** Params and ports every optimizer shares: which loss it minimises, which weights it updates, and how often. */
import { p } from '../../engine/compile/params.ts';
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import type { ParamSchema } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { LR_SCHEDULES } from '../../engine/train/schedules.ts';

export const optimizerParams = {
  parameters: p.texts(['all'], 'weights to update: "all" (every weight the loss depends on), or group ids / node ids — a GAN gives its generator and discriminator optimizers different groups'),
  steps: p.int(1, 'updates per training iteration (a GAN’s discriminator often takes k steps per generator step)', { min: 1, max: 100 }),
};

/**
 * Learning-rate schedule and gradient clipping, listed after each optimizer's own params. The defaults change
 * nothing (constant rate, no warm-up, no clipping); names follow torch.optim.lr_scheduler's arguments.
 */
export const scheduleAndClipParams = {
  schedule: p.choice(LR_SCHEDULES, 'constant', 'learning-rate schedule, stepped once per epoch: constant, step (StepLR), exponential (ExponentialLR) or cosine (CosineAnnealingLR)'),
  step_size: p.int(30, 'step schedule: multiply the learning rate by gamma every step_size epochs', { min: 1 }),
  gamma: p.float(0.1, 'step schedule: factor every step_size epochs; exponential schedule: factor every epoch (e.g. 0.95)', { min: 0, exclusiveMin: true }),
  t_max: p.int(50, 'cosine schedule: epochs to go from lr down to eta_min (PyTorch T_max)', { min: 1 }),
  eta_min: p.float(0, 'cosine schedule: the lowest learning rate', { min: 0 }),
  warmup_steps: p.int(0, 'linear warm-up: update s < k uses lr·(s+1)/(k+1), reaching the scheduled rate at update k; 0 = none', { min: 0 }),
  clip_grad_norm: p.float(0, 'scale all gradients together so their global 2-norm is at most this (clip_grad_norm_); 0 = off', { min: 0 }),
  clip_grad_value: p.float(0, 'clamp every gradient element to [−v, v] (clip_grad_value_, after norm clipping); 0 = off', { min: 0 }),
};

export const OPTIMIZER_PORTS = {
  inputs: [{ name: 'loss', rank: 0, doc: 'the scalar loss this optimizer minimises' }],
  outputs: [],
} as const;

export const optimizerSelection = {
  parameterSelection: (params: { readonly parameters: readonly string[] }) => params.parameters,
};

/** An optimizer adds no computation; lowering only checks that what it minimises is a scalar. */
export function lowerOptimizer(ctx: LowerContext<ParamSchema>): Record<string, never> {
  const loss = ctx.input('loss');
  if (loss.shape.length !== 0) {
    ctx.fail('shape-mismatch', `minimises a scalar loss, but its loss input is ${formatShape(loss.shape)} (use a loss node, or reduction "mean"/"sum")`, { port: 'loss' });
  }
  return {};
}
