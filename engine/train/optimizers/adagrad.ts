/** torch.optim.Adagrad: steps scaled by the root of the sum of all past squared gradients, with lr decay. */
import { withL2Penalty } from './shared-terms.ts';
import type { UpdateRule } from './update-rule.ts';

export interface AdagradHyper {
  readonly lr_decay: number;
  readonly weight_decay: number;
  readonly initial_accumulator_value: number;
  readonly eps: number;
}

export const adagradUpdate: UpdateRule<AdagradHyper> = (ctx, param, grad, hyper) => {
  const { b } = ctx;
  const g = withL2Penalty(b, grad, param, hyper.weight_decay);
  const sum = ctx.state('sum', { dist: 'constant', value: hyper.initial_accumulator_value });
  const nextSum = b.add(sum, b.mul(g, g));
  b.assign(sum, nextSum);
  // clr = lr / (1 + (t − 1)·lr_decay)
  const one = b.scalar(1);
  const decayedLr = hyper.lr_decay === 0
    ? ctx.lr
    : b.div(ctx.lr, b.add(one, b.mul(b.sub(ctx.step, one), b.scalar(hyper.lr_decay))));
  const std = b.add(b.unary('sqrt', nextSum), b.scalar(hyper.eps));
  return b.sub(param, b.mul(decayedLr, b.div(g, std)));
};
