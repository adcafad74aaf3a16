import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';
import { LOSS_PORTS, matchingTarget, reduceAll, reductionParam } from '../common/loss.ts';
import { bypassHead, headOfKind } from './head.ts';

export const bceWithLogits = defineNode({
  id: 'bce_with_logits',
  category: 'losses',
  prediction: 'binary-logits',
  label: 'BCEWithLogitsLoss',
  docs: {
    summary: 'Binary cross-entropy on raw scores (logits): the sigmoid is applied inside, in a form that never overflows, so do not put a Sigmoid before it. Targets are in [0, 1] and shaped like the input — for a [N,1] score, a [N,1] target. The usual loss for binary and multi-label tasks and for GAN discriminators (real = 1, fake = 0).',
    formula: '\\ell = \\frac{1}{M} \\sum_i \\Big( \\max(x_i, 0) - x_i y_i + \\log\\big(1 + e^{-|x_i|}\\big) \\Big) = -\\frac{1}{M} \\sum_i \\Big( y_i \\log \\sigma(x_i) + (1 - y_i) \\log\\big(1 - \\sigma(x_i)\\big) \\Big)',
    seedNotes: 'The notes write −(1/N)Σ[y log π + (1 − y) log(1 − π)] with π = σ(xw), whose gradient is (1/N)Σ(σ(x_n w) − y_n)x_n; the stable form on the left is the same value. GAN losses: the discriminator uses targets 1 (real) and 0 (fake), the non-saturating generator loss uses target 1 on fakes.',
    pytorch: 'nn.BCEWithLogitsLoss(reduction="mean")',
  },
  params: { reduction: reductionParam },
  inputs: [{ name: 'input', doc: 'raw scores (logits), no Sigmoid' }, { name: 'target', doc: 'targets in [0, 1], shaped like input' }],
  outputs: LOSS_PORTS.outputs,
  example: { inputs: { input: ['N', 1], target: ['N', 1] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'input');
    const y = matchingTarget(ctx, x);
    const head = headOfKind(ctx, ['sigmoid']);
    if (head) {
      ctx.warn('loss-head',
        `its input comes from Sigmoid ${head.node}, but BCEWithLogitsLoss applies the sigmoid itself, so the scores are squashed twice (its probabilities σ(σ(z)) stay between 0.5 and 0.73 and it learns slowly) — feed it the logits, or use BCELoss after the Sigmoid`,
        bypassHead(ctx, head));
    }
    const zero = b.scalar(0);
    // log(1 + e^{−|x|}) never overflows, and max(x, 0) − x·y completes −[y log σ(x) + (1 − y) log(1 − σ(x))].
    const softplusTail = b.unary('log', b.add(b.scalar(1), b.unary('exp', b.unary('neg', b.unary('abs', x)))));
    const pointwise = b.add(b.sub(b.op('maximum', [x, zero], {}), b.mul(x, y)), softplusTail);
    return { loss: reduceAll(ctx, pointwise, ctx.params.reduction) };
  },
});
