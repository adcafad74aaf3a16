/** Sine regression: x uniform in [−π, π), y = sin(x) plus Gaussian noise; features [N, 1], targets [N, 1]. */
import type { Generator } from './generator.ts';
import { standardNormal, uniform } from './sampling.ts';

export const SINE_NOISE = 0.1;

export const sine: Generator = (random, samples) => {
  const x = new Float32Array(samples);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    x[i] = uniform(random, -Math.PI, Math.PI);
    y[i] = Math.sin(x[i]!) + SINE_NOISE * standardNormal(random);
  }
  return { features: { shape: [samples, 1], dtype: 'f32', data: x }, labels: { shape: [samples, 1], dtype: 'f32', data: y } };
};
