import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput } from '../common/checks.ts';
import { softmaxAxis, softmaxDimParam } from './softmax.ts';

export const logSoftmax = defineNode({
  id: 'log_softmax',
  category: 'activations',
  label: 'LogSoftmax',
  docs: {
    summary: 'The logarithm of softmax, computed stably as x minus log-sum-exp (never as log(softmax(x)), which gives −∞ once a probability underflows). Feed it to NLLLoss; LogSoftmax + NLLLoss is exactly CrossEntropyLoss.',
    formula: '\\mathrm{log\\_softmax}(x)_i = x_i - \\log \\sum_k e^{x_k} = x_i - m - \\log \\sum_k e^{x_k - m},\\; m = \\max_k x_k',
    seedNotes: 'The notes’ log-likelihoods use log π_nd with π = softmax(z); this node is that log π, computed without forming π first.',
    pytorch: 'nn.LogSoftmax(dim=-1)',
  },
  params: { dim: softmaxDimParam },
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 10] } },
  lower(ctx) {
    const x = floatInput(ctx, 'x');
    const axis = softmaxAxis(ctx, x, ctx.params.dim, 'log-softmax');
    return { y: ctx.b.sub(x, ctx.b.logSumExp(x, axis)) };
  },
});
