/**
 * torch.optim.Adam and AdamW. They share the moment estimates and the bias-corrected step; Adam adds weight decay
 * to the gradient (L2), AdamW shrinks the weight by lr·λ before the step (decoupled).
 */
import type { Value } from '../../ir/program.ts';
import { blend, withL2Penalty } from './shared-terms.ts';
import { ZEROS, type UpdateContext, type UpdateRule } from './update-rule.ts';

export interface AdamHyper {
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weight_decay: number;
  readonly amsgrad: boolean;
}

/** θ − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε), with m and v updated from `grad`; amsgrad uses the largest v so far. */
function adamStep(ctx: UpdateContext, param: Value, grad: Value, hyper: AdamHyper): Value {
  const { b } = ctx;
  const expAvg = ctx.state('exp_avg', ZEROS);
  const expAvgSq = ctx.state('exp_avg_sq', ZEROS);
  const m = blend(b, expAvg, hyper.beta1, grad, 1 - hyper.beta1);
  const v = blend(b, expAvgSq, hyper.beta2, b.mul(grad, grad), 1 - hyper.beta2);
  b.assign(expAvg, m);
  b.assign(expAvgSq, v);
  let second = v;
  if (hyper.amsgrad) {
    // PyTorch ≥ 1.13 keeps the maximum of the raw v and bias-corrects that maximum with the current step.
    const maxExpAvgSq = ctx.state('max_exp_avg_sq', ZEROS);
    second = b.op('maximum', [maxExpAvgSq, v], {});
    b.assign(maxExpAvgSq, second);
  }
  const one = b.scalar(1);
  const biasCorrection1 = b.sub(one, b.op('pow', [b.scalar(hyper.beta1), ctx.step], {}));
  const biasCorrection2 = b.sub(one, b.op('pow', [b.scalar(hyper.beta2), ctx.step], {}));
  const stepSize = b.div(ctx.lr, biasCorrection1);
  const denom = b.add(b.div(b.unary('sqrt', second), b.unary('sqrt', biasCorrection2)), b.scalar(hyper.eps));
  return b.sub(param, b.mul(stepSize, b.div(m, denom)));
}

export const adamUpdate: UpdateRule<AdamHyper> = (ctx, param, grad, hyper) =>
  adamStep(ctx, param, withL2Penalty(ctx.b, grad, param, hyper.weight_decay), hyper);

export const adamwUpdate: UpdateRule<AdamHyper> = (ctx, param, grad, hyper) => {
  const { b } = ctx;
  const decayed = hyper.weight_decay === 0
    ? param
    : b.mul(param, b.sub(b.scalar(1), b.mul(ctx.lr, b.scalar(hyper.weight_decay))));
  return adamStep(ctx, decayed, grad, hyper);
};
