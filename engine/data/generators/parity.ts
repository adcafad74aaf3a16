/**
 * Parity: PARITY_BITS independent fair bits per sample, given as a sequence [N, T, 1] of 0s and 1s; the class is 1
 * when the number of ones is odd. A classic task that needs the whole sequence: no single bit says anything.
 */
import type { Generator } from './generator.ts';

export const PARITY_BITS = 8;

export const parity: Generator = (random, samples) => {
  const bits = new Float32Array(samples * PARITY_BITS);
  const labels = new Int32Array(samples);
  for (let n = 0; n < samples; n++) {
    let ones = 0;
    for (let t = 0; t < PARITY_BITS; t++) {
      const bit = random.below(2);
      bits[n * PARITY_BITS + t] = bit;
      ones += bit;
    }
    labels[n] = ones % 2;
  }
  return {
    features: { shape: [samples, PARITY_BITS, 1], dtype: 'f32', data: bits },
    labels: { shape: [samples], dtype: 'i32', data: labels },
  };
};
