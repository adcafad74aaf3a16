/** torch.optim.SGD: plain, momentum (with dampening) and Nesterov steps, with coupled L2 weight decay. */
import { blend, withL2Penalty } from './shared-terms.ts';
import { ZEROS, type UpdateRule } from './update-rule.ts';

export interface SgdHyper {
  readonly momentum: number;
  readonly dampening: number;
  readonly weight_decay: number;
  readonly nesterov: boolean;
}

export const sgdUpdate: UpdateRule<SgdHyper> = (ctx, param, grad, hyper) => {
  const { b } = ctx;
  let direction = withL2Penalty(b, grad, param, hyper.weight_decay);
  if (hyper.momentum !== 0) {
    const buffer = ctx.state('momentum_buffer', ZEROS);
    // PyTorch starts the buffer as a copy of the first gradient (no dampening on step 1); a buffer has one fixed
    // initial value, so the first step is told apart by the step count instead.
    const isFirstStep = b.op('equal', [ctx.step, b.scalar(1)], {});
    const next = b.op('where', [isFirstStep, direction, blend(b, buffer, hyper.momentum, direction, 1 - hyper.dampening)], {});
    b.assign(buffer, next);
    direction = hyper.nesterov ? b.add(direction, b.mul(b.scalar(hyper.momentum), next)) : next;
  }
  return b.sub(param, b.mul(ctx.lr, direction));
};
