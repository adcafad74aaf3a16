import type { LowerContext } from '../../engine/compile/node-kind.ts';
import { defineNode } from '../../engine/compile/node-kind.ts';
import { p, type ParamSchema } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';
import { floatInput } from '../common/checks.ts';
import { resolveDim } from '../common/dim.ts';

export const softmaxDimParam = p.int(-1, 'dimension that sums to 1 (−1: the last, e.g. the classes of [N,C])');

/**
 * The normalised softmax axis of `x`, with a warning when it is the symbolic batch dimension (dim 0 of a batched
 * tensor): each sample's output would then depend on the rest of its batch. A symbolic T elsewhere (attention
 * scores over keys) is legitimate and passes.
 */
export function softmaxAxis(ctx: LowerContext<ParamSchema>, x: Value, dim: number, what: string): number {
  const axis = resolveDim(ctx, x, dim, 'x', -1);
  const size = x.shape[axis]!;
  if (axis === 0 && isSymbol(size) && x.shape.length > 1) {
    ctx.warn('shape-mismatch',
      `${what} over dim ${dim} of x ${formatShape(x.shape)} normalises across the batch dimension ${size}, so each sample’s output depends on the other samples in its batch; the classes are usually the last dimension`,
      { param: 'dim', port: 'x', fix: { label: 'Set dim to -1', edits: [{ type: 'setParam', node: ctx.node.id, param: 'dim', value: -1 }] } });
  }
  return axis;
}

export const softmax = defineNode({
  id: 'softmax',
  category: 'activations',
  label: 'Softmax',
  docs: {
    summary: 'Turns a vector of scores into probabilities along one dimension: all positive, summing to 1. Computed stably by subtracting the maximum first. It has no parameters. Do not put it before CrossEntropyLoss (which includes it) or NLLLoss (which wants LogSoftmax).',
    formula: '\\mathrm{softmax}(x)_i = \\frac{e^{x_i - m}}{\\sum_k e^{x_k - m}},\\; m = \\max_k x_k;\\quad \\frac{\\partial y_i}{\\partial x_j} = y_i(\\delta_{ij} - y_j)',
    seedNotes: 'The notes write e^{u_i}/Σ_k e^{u_k} (the max subtraction changes nothing mathematically) and give the Jacobian f_i(1 − f_i) on the diagonal and −f_i f_j off it. PyTorch’s nn.Softmax() without dim guesses a dimension and warns; netloom defaults to the last one.',
    pytorch: 'nn.Softmax(dim=-1)',
  },
  params: { dim: softmaxDimParam },
  inputs: [{ name: 'x' }],
  outputs: [{ name: 'y' }],
  example: { inputs: { x: ['N', 10] } },
  lower(ctx) {
    const { b } = ctx;
    const x = floatInput(ctx, 'x');
    const axis = softmaxAxis(ctx, x, ctx.params.dim, 'softmax');
    const e = b.unary('exp', b.sub(x, b.max(x, [axis], true)));
    return { y: b.div(e, b.sum(e, [axis], true)) };
  },
});
