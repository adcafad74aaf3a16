/** torch.optim.RMSprop: steps scaled by a running root-mean-square of the gradient; optional momentum and centring. */
import { blend, withL2Penalty } from './shared-terms.ts';
import { ZEROS, type UpdateRule } from './update-rule.ts';

export interface RmspropHyper {
  readonly alpha: number;
  readonly eps: number;
  readonly weight_decay: number;
  readonly momentum: number;
  readonly centered: boolean;
}

export const rmspropUpdate: UpdateRule<RmspropHyper> = (ctx, param, grad, hyper) => {
  const { b } = ctx;
  const g = withL2Penalty(b, grad, param, hyper.weight_decay);
  const squareAvg = ctx.state('square_avg', ZEROS);
  const v = blend(b, squareAvg, hyper.alpha, b.mul(g, g), 1 - hyper.alpha);
  b.assign(squareAvg, v);
  let variance = v;
  if (hyper.centered) {
    const gradAvg = ctx.state('grad_avg', ZEROS);
    const mean = blend(b, gradAvg, hyper.alpha, g, 1 - hyper.alpha);
    b.assign(gradAvg, mean);
    variance = b.sub(v, b.mul(mean, mean));
  }
  const avg = b.add(b.unary('sqrt', variance), b.scalar(hyper.eps));
  const scaled = b.div(g, avg);
  if (hyper.momentum > 0) {
    // Unlike SGD's, this buffer starts at zero in PyTorch, so the first step needs no special case.
    const buffer = ctx.state('momentum_buffer', ZEROS);
    const next = b.add(b.mul(buffer, b.scalar(hyper.momentum)), scaled);
    b.assign(buffer, next);
    return b.sub(param, b.mul(ctx.lr, next));
  }
  return b.sub(param, b.mul(ctx.lr, scaled));
};
