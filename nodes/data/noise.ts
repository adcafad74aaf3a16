import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';

export const noise = defineNode({
  id: 'noise',
  category: 'data',
  label: 'Noise',
  docs: {
    summary: 'Fresh random numbers on every step: the latent codes z a GAN generator or a VAE decoder turns into samples, or the corruption a denoising autoencoder learns to remove (add normal noise to x, or multiply x by a Bernoulli mask). When the optional `like` input is connected, the noise takes that tensor’s shape.',
    formula: '\\text{normal: } \\varepsilon \\sim \\mathcal{N}(\\mu, \\sigma^2);\\quad \\text{uniform: } \\varepsilon \\sim \\mathcal{U}[a, b);\\quad \\text{bernoulli: } \\varepsilon \\sim \\operatorname{Bernoulli}(p) \\in \\{0, 1\\}',
    seedNotes: 'GAN: each step samples m noise vectors z ~ p(z) for the generator. Denoising AE: x̃ = x + η with η ~ N(0, σ²I), or x̃_i = ε_i·x_i with ε_i ~ Bernoulli(p). VAE sampling: z = μ + σ⊙ε with ε ~ N(0, I).',
    pytorch: 'torch.randn(N, 100) * std + mean  # uniform: torch.rand(N, 100) * (high - low) + low; bernoulli: torch.bernoulli(torch.full((N, 100), p))',
  },
  params: {
    shape: p.shape(['N', 100], 'shape of the noise; symbols such as N take the batch size (ignored when `like` is connected)'),
    distribution: p.choice(['normal', 'uniform', 'bernoulli'], 'normal', 'normal (Gaussian), uniform on [low, high), or bernoulli 0/1 with P(1) = p'),
    mean: p.float(0, 'normal: mean μ'),
    std: p.float(1, 'normal: standard deviation σ', { min: 0 }),
    low: p.float(0, 'uniform: lower bound a'),
    high: p.float(1, 'uniform: upper bound b (exclusive)'),
    p: p.float(0.5, 'bernoulli: probability of a 1', { min: 0, max: 1 }),
  },
  inputs: [{ name: 'like', optional: true, doc: 'optional: a tensor whose shape the noise copies (e.g. the x to corrupt)' }],
  outputs: [{ name: 'y', doc: 'random tensor, fresh every step' }],
  example: { params: { shape: ['N', 100] }, inputs: {} },
  lower(ctx) {
    const { distribution, mean, std, low, high } = ctx.params;
    const shape = ctx.optionalInput('like')?.shape ?? ctx.params.shape;
    const { b } = ctx;
    switch (distribution) {
      case 'normal':
        return { y: b.op('randomNormal', [], { shape, mean, std }) };
      case 'uniform':
        if (!(high > low)) {
          ctx.fail('invalid-graph', `uniform noise needs low < high, but low = ${low} and high = ${high}`, { param: 'high' });
        }
        return { y: b.op('randomUniform', [], { shape, low, high }) };
      case 'bernoulli':
        return { y: b.op('randomBernoulli', [], { shape, p: ctx.params.p }) };
    }
  },
});
