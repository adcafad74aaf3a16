import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';
import { LOSS_PORTS, matchingTarget, reduceAll, reductionParam } from '../common/loss.ts';

export const bce = defineNode({
  id: 'bce',
  category: 'losses',
  prediction: 'binary-probabilities',
  label: 'BCELoss',
  docs: {
    summary: 'Binary cross-entropy on probabilities in [0, 1] (the output of a Sigmoid) against targets in [0, 1]. Each log is clamped at −100, so a confident wrong answer costs at most 100 instead of infinity. Prefer BCEWithLogitsLoss on the raw scores: it fuses the sigmoid and is numerically stable.',
    formula: '\\ell = -\\frac{1}{M} \\sum_i \\Big( y_i \\max(\\log p_i, -100) + (1 - y_i) \\max\\big(\\log(1 - p_i), -100\\big) \\Big)',
    seedNotes: 'The notes write −(1/N)Σ[y log π + (1 − y) log(1 − π)] with π = σ(xw); with a Sigmoid before it that is this node. The −100 clamp is PyTorch’s.',
    pytorch: 'nn.BCELoss(reduction="mean")',
  },
  params: { reduction: reductionParam },
  inputs: [{ name: 'input', doc: 'probabilities in [0, 1] (after a Sigmoid)' }, { name: 'target', doc: 'targets in [0, 1], shaped like input' }],
  outputs: LOSS_PORTS.outputs,
  example: { inputs: { input: ['N', 1], target: ['N', 1] } },
  lower(ctx) {
    const { b } = ctx;
    const p = floatInput(ctx, 'input');
    const y = matchingTarget(ctx, p);
    const floor = b.scalar(-100);
    const one = b.scalar(1);
    const logP = b.op('maximum', [b.unary('log', p), floor], {});
    const log1mP = b.op('maximum', [b.unary('log', b.sub(one, p)), floor], {});
    const pointwise = b.unary('neg', b.add(b.mul(y, logP), b.mul(b.sub(one, y), log1mP)));
    return { loss: reduceAll(ctx, pointwise, ctx.params.reduction) };
  },
});
