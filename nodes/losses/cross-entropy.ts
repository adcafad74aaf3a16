import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';
import { floatInput } from '../common/checks.ts';
import { LOSS_PORTS, reductionParam } from '../common/loss.ts';

export const crossEntropy = defineNode({
  id: 'cross_entropy',
  category: 'losses',
  prediction: 'class-scores',
  label: 'CrossEntropyLoss',
  docs: {
    summary: 'Multi-class classification loss on raw scores (logits) and 0-based class indices. It applies log-softmax itself, computed stably as log-sum-exp with the row maximum subtracted — so do not put a Softmax before it.',
    formula: '\\ell = -\\frac{1}{N}\\sum_n \\Big( z_{n,y_n} - \\log \\sum_c e^{z_{n,c}} \\Big)',
    seedNotes: 'The notes write −(1/N)ΣΣ y_nd log π_nd with π = softmax(z) and one-hot y (one sheet numbers classes from 1). PyTorch takes logits and 0-based indices; label smoothing ε mixes the one-hot target with the uniform distribution.',
    pytorch: 'nn.CrossEntropyLoss(reduction="mean", label_smoothing=0.0)',
  },
  params: {
    reduction: reductionParam,
    label_smoothing: p.float(0, 'ε: target = (1−ε)·one-hot + ε/C', { min: 0, max: 1 }),
  },
  ...LOSS_PORTS,
  example: { inputs: { input: ['N', 10], target: { shape: ['N'], dtype: 'i32' } } },
  lower(ctx) {
    const z = floatInput(ctx, 'input');
    const target = ctx.input('target');
    if (z.shape.length !== 2) ctx.fail('rank-mismatch', `needs logits [N,C] but input is ${formatShape(z.shape)}`, { port: 'input' });
    const classes = z.shape[1]!;
    if (isSymbol(classes)) return ctx.fail('shape-mismatch', `the class dimension of ${formatShape(z.shape)} must be a number`, { port: 'input' });
    if (target.dtype !== 'i32' || target.shape.length !== 1 || target.shape[0] !== z.shape[0]) {
      ctx.fail('target-mismatch', `target must be class indices [${String(z.shape[0])}] (integers 0…${classes - 1}) but is ${target.dtype === 'i32' ? 'integer' : 'float'} ${formatShape(target.shape)}`, { port: 'target' });
    }
    const head = ctx.producer('input');
    if (head && (head.kind === 'softmax' || head.kind === 'log_softmax')) {
      ctx.warn('loss-head',
        `its input comes from ${head.kind === 'softmax' ? 'Softmax' : 'LogSoftmax'} ${head.node}, but CrossEntropyLoss applies log-softmax itself; the extra ${head.kind === 'softmax' ? 'softmax squashes the scores and slows learning' : 'normalisation is redundant'} — feed it the logits`,
        { port: 'input', ...(head.input ? { fix: { label: `Bypass ${head.node}`, edits: [{ type: 'connect', from: head.input, to: { node: ctx.node.id, port: 'input' } }] } } : {}) });
    }
    const { b } = ctx;
    const logProbs = b.sub(z, b.logSumExp(z, 1));
    const eps = ctx.params.label_smoothing;
    let weights = b.op('oneHot', [target], { depth: classes });
    if (eps > 0) weights = b.add(b.mul(weights, b.scalar(1 - eps)), b.scalar(eps / classes));
    const perSample = b.op('neg', [b.sum(b.mul(weights, logProbs), [1])], {});
    return { loss: ctx.params.reduction === 'mean' ? b.mean(perSample, [0]) : b.sum(perSample, [0]) };
  },
});
