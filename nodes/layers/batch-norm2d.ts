import { defineNode } from '../../engine/compile/node-kind.ts';
import { batchNormParams, lowerBatchNorm } from '../common/batch-norm.ts';

export const batchNorm2d = defineNode({
  id: 'batch_norm2d',
  category: 'layers',
  label: 'BatchNorm2d',
  docs: {
    summary: 'Normalises each channel of [N,C,H,W] feature maps to zero mean and unit variance over the batch and all pixels, then applies a learned per-channel scale γ and shift β. Put it between a Conv2d and its activation (the conv’s bias is then redundant). Training uses the batch’s statistics and updates running averages; evaluation uses the running averages.',
    formula: '\\mu_c = \\tfrac{1}{NHW}\\textstyle\\sum_{n,i,j} x_{n,c,i,j},\\; \\sigma_c^2 = \\tfrac{1}{NHW}\\textstyle\\sum (x_{n,c,i,j} - \\mu_c)^2,\\; y = \\gamma_c \\frac{x - \\mu_c}{\\sqrt{\\sigma_c^2 + \\epsilon}} + \\beta_c;\\quad \\hat\\mu \\leftarrow (1-m)\\hat\\mu + m\\mu_c,\\; \\hat\\sigma^2 \\leftarrow (1-m)\\hat\\sigma^2 + m\\tfrac{n}{n-1}\\sigma_c^2,\\; n = NHW',
    seedNotes: 'The notes give μ = (1/m)Σz, σ² = (1/m)Σ(z−μ)² (biased), ẑ = (z−μ)/√(σ²+ε), z̃ = γ⊙ẑ + β per feature, applied before the activation, and say test time “uses train-time statistics”. For images PyTorch takes one μ, σ² per channel over N·H·W values, keeps exponential running averages (momentum 0.1) and stores the running variance unbiased (n/(n−1)). Parameters 2C, plus 2C buffers (running_mean, running_var).',
    pytorch: 'nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)',
  },
  params: batchNormParams,
  inputs: [{ name: 'x', rank: 4, doc: '[N, C, H, W]' }],
  outputs: [{ name: 'y', rank: 4, doc: 'same shape as x' }],
  example: { params: { num_features: 16 }, inputs: { x: ['N', 16, 4, 4] } },
  lower: (ctx) => lowerBatchNorm(ctx, { ranks: { 4: '[N,C,H,W]' }, hint: '; [N,C] or [N,C,L] need BatchNorm1d' }),
});
