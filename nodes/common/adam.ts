/** Params and checks shared by Adam and AdamW, which differ only in how weight decay enters. */
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import { p, type ParamSchema } from '../../engine/compile/params.ts';
import { lowerOptimizer, optimizerParams, scheduleAndClipParams } from './optimizer.ts';

export const adamParams = {
  ...optimizerParams,
  lr: p.float(0.001, 'learning rate η (DCGAN uses 0.0002)', { min: 0, exclusiveMin: true }),
  beta1: p.float(0.9, 'β₁: decay of the running mean of gradients (PyTorch betas[0]; DCGAN uses 0.5)', { min: 0, max: 1 }),
  beta2: p.float(0.999, 'β₂: decay of the running mean of squared gradients (PyTorch betas[1])', { min: 0, max: 1 }),
  eps: p.float(1e-8, 'ε added to √v̂ (outside the square root) to avoid division by zero', { min: 0 }),
  weight_decay: p.float(0, 'weight decay λ', { min: 0 }),
  amsgrad: p.bool(false, 'AMSGrad: divide by the largest second moment v seen so far (then bias-corrected) instead of the current one'),
  ...scheduleAndClipParams,
};

/** β = 1 would never forget and make the bias correction 1 − βᵗ zero. */
export function lowerAdamLike(ctx: LowerContext<ParamSchema>): Record<string, never> {
  for (const name of ['beta1', 'beta2'] as const) {
    const beta = ctx.params[name] as number;
    if (beta >= 1) {
      ctx.fail('invalid-graph', `${name} must be below 1 (PyTorch refuses ${beta}): the bias correction 1 − ${name}ᵗ would be 0`, {
        param: name, fix: { label: `Reset ${name}`, edits: [{ type: 'resetParam', node: ctx.node.id, param: name }] },
      });
    }
  }
  return lowerOptimizer(ctx);
}
