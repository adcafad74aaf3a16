import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';
import { floatInput } from '../common/checks.ts';
import { ONES, ZEROS } from '../common/init.ts';

export const layerNorm = defineNode({
  id: 'layer_norm',
  category: 'layers',
  label: 'LayerNorm',
  docs: {
    summary: 'Normalises each sample over its trailing dimensions (normalized_shape, usually the feature size D) to zero mean and unit variance, then applies a learned elementwise scale γ and shift β. Statistics are per sample, so it behaves the same in training and evaluation and with any batch size: the normalisation of Transformers and RNNs.',
    formula: '\\mu = \\tfrac{1}{D}\\textstyle\\sum_{d} x_{d},\\; \\sigma^2 = \\tfrac{1}{D}\\textstyle\\sum_{d} (x_{d} - \\mu)^2,\\; y_d = \\gamma_d \\frac{x_d - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta_d',
    seedNotes: 'The notes write ā_{n,d} = β + γ(a_{n,d} − E[a_{n,·}])/√(Var(a_{n,·}) + ε) (one sheet writes β_α, γ_α for the per-feature β_d, γ_d) and use it after each attention and feed-forward block, Z = LayerNorm(Y(X) + X). The variance is the biased one, as in PyTorch. Parameters 2D.',
    pytorch: 'nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)',
  },
  params: {
    normalized_shape: p.ints([64], 'the trailing dimensions to normalise over, e.g. [D] for [N,T,D]', 1),
    eps: p.float(1e-5, 'ε added to the variance before the square root', { min: 0, exclusiveMin: true }),
    elementwise_affine: p.bool(true, 'learn a scale γ (weight) and shift β (bias) of shape normalized_shape'),
  },
  inputs: [{ name: 'x', doc: '[N, …, *normalized_shape]' }],
  outputs: [{ name: 'y', doc: 'same shape as x' }],
  example: { params: { normalized_shape: [64] }, inputs: { x: ['N', 7, 64] } },
  lower(ctx) {
    const { normalized_shape: normalized, eps, elementwise_affine: affine } = ctx.params;
    const x = floatInput(ctx, 'x');
    const k = normalized.length;
    if (k === 0) ctx.fail('invalid-graph', 'normalized_shape is empty; give the trailing dimensions to normalise over, e.g. [64]', { param: 'normalized_shape' });
    const trailing = x.shape.slice(-k);
    const mismatch = x.shape.length < k || trailing.some((d, i) => d !== normalized[i]);
    if (mismatch) {
      const last = x.shape.slice(Math.max(1, x.shape.length - k));
      const fixable = last.length > 0 && last.every((d) => !isSymbol(d));
      ctx.fail('shape-mismatch',
        x.shape.length < k
          ? `normalized_shape ${formatShape(normalized)} needs x to have at least ${k} dimension${k > 1 ? 's' : ''}, but x is ${formatShape(x.shape)}`
          : `normalized_shape ${formatShape(normalized)} must equal the last ${k} dimension${k > 1 ? 's' : ''} of x ${formatShape(x.shape)}, which ${k > 1 ? 'are' : 'is'} ${formatShape(trailing)}${fixable ? ` — set normalized_shape to ${formatShape(last)}` : ' and must be numbers'}`,
        {
          param: 'normalized_shape', port: 'x',
          ...(fixable && x.shape.length > k
            ? { fix: { label: `Set normalized_shape to ${formatShape(last)}`, edits: [{ type: 'setParam' as const, node: ctx.node.id, param: 'normalized_shape', value: last as number[] }] } }
            : {}),
        });
    }
    const { b } = ctx;
    const rank = x.shape.length;
    const axes = Array.from({ length: k }, (_, i) => rank - k + i);
    const mean = b.mean(x, axes, true);
    const centred = b.sub(x, mean);
    const variance = b.mean(b.mul(centred, centred), axes, true);
    let y = b.div(centred, b.unary('sqrt', b.add(variance, b.scalar(eps))));
    if (affine) {
      y = b.add(b.mul(y, ctx.weight('weight', normalized, ONES)), ctx.weight('bias', normalized, ZEROS));
    }
    return { y };
  },
});
