/**
 * Two interleaved spirals, as in the TensorFlow Playground: arm k's i-th of m points has radius r = i/m (up to 1)
 * and angle t = 1.75 · 2π · i/m + kπ, so each arm turns 1.75 times and the second is the first rotated by half a
 * turn; the point is (r sin t, r cos t) plus Gaussian noise.
 */
import type { Generator } from './generator.ts';
import { standardNormal } from './sampling.ts';
import { ShuffledPoints } from './shuffled-points.ts';

export const SPIRAL_TURNS = 1.75;
/** Standard deviation of the noise on each coordinate (the arms are 0.29 apart along a ray). */
export const SPIRALS_NOISE = 0.03;

export const spirals: Generator = (random, samples) => {
  const points = new ShuffledPoints(random, samples);
  const noise = (): number => SPIRALS_NOISE * standardNormal(random);
  const first = Math.floor(samples / 2);
  [first, samples - first].forEach((count, arm) => {
    for (let i = 0; i < count; i++) {
      const r = i / count;
      const t = SPIRAL_TURNS * 2 * Math.PI * (i / count) + arm * Math.PI;
      points.add(r * Math.sin(t) + noise(), r * Math.cos(t) + noise(), arm);
    }
  });
  return points.split();
};
