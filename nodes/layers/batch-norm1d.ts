import { defineNode } from '../../engine/compile/node-kind.ts';
import { batchNormParams, lowerBatchNorm } from '../common/batch-norm.ts';

export const batchNorm1d = defineNode({
  id: 'batch_norm1d',
  category: 'layers',
  label: 'BatchNorm1d',
  docs: {
    summary: 'Normalises each feature (channel, dimension 1) to zero mean and unit variance over the batch (and the length L), then applies a learned scale γ and shift β. Put it between a Linear/Conv1d and its activation. Training uses the batch’s statistics and updates running averages; evaluation uses the running averages.',
    formula: '\\mu_c = \\tfrac{1}{n}\\textstyle\\sum x_{\\cdot,c,\\cdot},\\; \\sigma_c^2 = \\tfrac{1}{n}\\textstyle\\sum (x_{\\cdot,c,\\cdot} - \\mu_c)^2,\\; y = \\gamma_c \\frac{x - \\mu_c}{\\sqrt{\\sigma_c^2 + \\epsilon}} + \\beta_c;\\quad \\hat\\mu \\leftarrow (1-m)\\hat\\mu + m\\mu_c,\\; \\hat\\sigma^2 \\leftarrow (1-m)\\hat\\sigma^2 + m\\tfrac{n}{n-1}\\sigma_c^2',
    seedNotes: 'The notes give μ = (1/m)Σz, σ² = (1/m)Σ(z−μ)² (biased), ẑ = (z−μ)/√(σ²+ε), z̃ = γ⊙ẑ + β, applied before the activation, and say test time “uses train-time statistics”. PyTorch keeps those as exponential running averages (momentum 0.1) and stores the running variance unbiased (n/(n−1)). Parameters 2C, plus 2C buffers (running_mean, running_var).',
    pytorch: 'nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)',
  },
  params: { ...batchNormParams, num_features: { ...batchNormParams.num_features, default: 64 } },
  inputs: [{ name: 'x', doc: '[N, C] or [N, C, L]' }],
  outputs: [{ name: 'y', doc: 'same shape as x' }],
  example: { params: { num_features: 10 }, inputs: { x: ['N', 10] } },
  lower: (ctx) => lowerBatchNorm(ctx, { ranks: { 2: '[N,C]', 3: '[N,C,L]' }, hint: '; images [N,C,H,W] need BatchNorm2d' }),
});
