import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { floatInput } from '../common/checks.ts';
import { LOSS_PORTS, matchingTarget } from '../common/loss.ts';
import { headOfKind } from './head.ts';

export const klDiv = defineNode({
  id: 'kl_div',
  category: 'losses',
  label: 'KLDivLoss',
  docs: {
    summary: 'Kullback–Leibler divergence KL(p ‖ q) of a target distribution p from the model’s q, with PyTorch’s argument order: input is log q (LogSoftmax output), target is p (probabilities, or log p with log_target). Terms with p = 0 count as 0. batchmean divides the sum by the batch size, which gives the true KL per sample — used for distillation and soft labels.',
    formula: '\\ell = \\frac{1}{N} \\sum_{n,i} p_{n,i} \\big(\\log p_{n,i} - x_{n,i}\\big),\\; x = \\log q,\\; 0 \\log 0 = 0;\\quad \\text{log\\_target: } \\sum e^{t} (t - x)',
    seedNotes: 'The notes define KL[p‖q] = E_p[log p/q] and stress it is not symmetric; one sheet labels the cross-entropy −Σ p log q as KL (the two differ by the entropy of p, a constant in q). PyTorch’s default reduction "mean" divides by every element (N·C), not by N, so it is not the KL and PyTorch warns about it; netloom defaults to "batchmean" and keeps "mean" only for compatibility.',
    pytorch: 'nn.KLDivLoss(reduction="batchmean", log_target=False)',
  },
  params: {
    reduction: p.choice(['batchmean', 'sum', 'mean'], 'batchmean', 'batchmean: sum / batch size (the true KL); sum; mean: over every element (PyTorch’s default, mis-scaled)'),
    log_target: p.bool(false, 'the target is log p rather than p'),
  },
  inputs: [{ name: 'input', doc: 'log-probabilities log q (after LogSoftmax)' }, { name: 'target', doc: 'probabilities p (or log p with log_target), shaped like input' }],
  outputs: LOSS_PORTS.outputs,
  example: { inputs: { input: ['N', 10], target: ['N', 10] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'input');
    const t = matchingTarget(ctx, x);
    if (x.shape.length === 0) ctx.fail('rank-mismatch', `needs a batch of distributions [N, …] but input is a scalar ${formatShape(x.shape)}`, { port: 'input' });
    const head = headOfKind(ctx, ['softmax']);
    if (head) {
      ctx.warn('loss-head',
        `its input comes from Softmax ${head.node}, but KLDivLoss wants log-probabilities log q as its input — replace the Softmax with LogSoftmax`,
        { port: 'input' });
    }
    let pointwise;
    if (ctx.params.log_target) {
      pointwise = b.mul(b.unary('exp', t), b.sub(t, x));
    } else {
      // 0·log 0 = 0: where p ≤ 0 the term is 0, and log only ever sees positive numbers so no NaN reaches the gradient.
      const zero = b.scalar(0);
      const positive = b.op('greater', [t, zero], {});
      const safeLog = b.unary('log', b.op('where', [positive, t, b.scalar(1)], {}));
      pointwise = b.op('where', [positive, b.mul(t, b.sub(safeLog, x)), zero], {});
    }
    const all = pointwise.shape.map((_, i) => i);
    let loss;
    switch (ctx.params.reduction) {
      case 'sum': loss = b.sum(pointwise, all); break;
      case 'mean': loss = b.mean(pointwise, all); break;
      // Sum within each sample, then average over the batch: Σ/N without knowing N while editing.
      case 'batchmean': loss = b.mean(all.length > 1 ? b.sum(pointwise, all.slice(1)) : pointwise, [0]); break;
    }
    return { loss };
  },
});
