/**
 * Two interleaving half circles, as scikit-learn's make_moons: ⌊n/2⌋ points on the upper unit half circle (class 0)
 * and the rest on a lower half circle shifted to (1, 0.5) (class 1), evenly spaced in angle, plus Gaussian noise.
 */
import type { Generator } from './generator.ts';
import { linspaceAt, standardNormal } from './sampling.ts';
import { ShuffledPoints } from './shuffled-points.ts';

/** Standard deviation of the noise on each coordinate. */
export const MOONS_NOISE = 0.1;

export const moons: Generator = (random, samples) => {
  const points = new ShuffledPoints(random, samples);
  const noise = (): number => MOONS_NOISE * standardNormal(random);
  const outer = Math.floor(samples / 2);
  const inner = samples - outer;
  for (let i = 0; i < outer; i++) {
    const t = linspaceAt(i, outer, Math.PI);
    points.add(Math.cos(t) + noise(), Math.sin(t) + noise(), 0);
  }
  for (let i = 0; i < inner; i++) {
    const t = linspaceAt(i, inner, Math.PI);
    points.add(1 - Math.cos(t) + noise(), 1 - Math.sin(t) - 0.5 + noise(), 1);
  }
  return points.split();
};
