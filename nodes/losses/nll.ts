import { defineNode } from '../../engine/compile/node-kind.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';
import { floatInput } from '../common/checks.ts';
import { LOSS_PORTS, reductionParam } from '../common/loss.ts';
import { headOfKind } from './head.ts';

export const nll = defineNode({
  id: 'nll',
  category: 'losses',
  prediction: 'class-scores',
  label: 'NLLLoss',
  docs: {
    summary: 'Negative log-likelihood for classification: takes log-probabilities [N,C] (the output of LogSoftmax) and 0-based class indices [N], and averages minus the log-probability of each true class. LogSoftmax + NLLLoss is exactly CrossEntropyLoss, which takes the logits directly.',
    formula: '\\ell = -\\frac{1}{N} \\sum_{n} x_{n, y_n} \\;\\; (\\text{sum: no } 1/N),\\quad x = \\log \\pi',
    seedNotes: 'The notes write −(1/N)Σ log p(y_n | f(x_n)); PyTorch expects that log p already computed (LogSoftmax), not probabilities, and class indices that start at 0.',
    pytorch: 'nn.NLLLoss(reduction="mean")',
  },
  params: { reduction: reductionParam },
  inputs: [{ name: 'input', doc: 'log-probabilities [N, C] (after LogSoftmax)' }, { name: 'target', doc: 'class indices [N], integers 0…C−1', dtype: 'i32' }],
  outputs: LOSS_PORTS.outputs,
  example: { inputs: { input: ['N', 10], target: { shape: ['N'], dtype: 'i32' } } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'input');
    const target = ctx.input('target');
    if (x.shape.length !== 2) ctx.fail('rank-mismatch', `needs log-probabilities [N,C] but input is ${formatShape(x.shape)}`, { port: 'input' });
    const classes = x.shape[1]!;
    if (isSymbol(classes)) return ctx.fail('shape-mismatch', `the class dimension of ${formatShape(x.shape)} must be a number`, { port: 'input' });
    if (target.dtype !== 'i32' || target.shape.length !== 1 || target.shape[0] !== x.shape[0]) {
      ctx.fail('target-mismatch',
        `target must be class indices [${String(x.shape[0])}] (integers 0…${classes - 1}) but is ${target.dtype === 'i32' ? 'integer' : 'float'} ${formatShape(target.shape)}${target.dtype === 'f32' && target.shape.length === 2 ? ' (one-hot or soft targets? NLLLoss takes class indices; compare whole distributions with KLDivLoss)' : ''}`,
        { port: 'target' });
    }
    const head = headOfKind(ctx, ['softmax']);
    if (head) {
      ctx.warn('loss-head',
        `its input comes from Softmax ${head.node}, but NLLLoss wants log-probabilities: on probabilities it computes −p instead of −log p, which barely punishes confident mistakes — replace the Softmax with LogSoftmax, or feed the logits to CrossEntropyLoss`,
        { port: 'input' });
    }
    const picked = b.sum(b.mul(b.op('oneHot', [target], { depth: classes }), x), [1]);
    const total = ctx.params.reduction === 'mean' ? b.mean(picked, [0]) : b.sum(picked, [0]);
    return { loss: b.unary('neg', total) };
  },
});
