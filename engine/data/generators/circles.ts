/**
 * An outer and an inner ring, as scikit-learn's make_circles: ⌊n/2⌋ points on the unit circle (class 0) and the
 * rest on a circle of radius CIRCLES_FACTOR (class 1), evenly spaced in angle (endpoint excluded), plus Gaussian
 * noise.
 */
import type { Generator } from './generator.ts';
import { standardNormal } from './sampling.ts';
import { ShuffledPoints } from './shuffled-points.ts';

/** Inner radius relative to the outer one. */
export const CIRCLES_FACTOR = 0.5;
/** Standard deviation of the noise on each coordinate. */
export const CIRCLES_NOISE = 0.05;

export const circles: Generator = (random, samples) => {
  const points = new ShuffledPoints(random, samples);
  const noise = (): number => CIRCLES_NOISE * standardNormal(random);
  const outer = Math.floor(samples / 2);
  const rings = [{ count: outer, radius: 1 }, { count: samples - outer, radius: CIRCLES_FACTOR }];
  rings.forEach(({ count, radius }, label) => {
    for (let i = 0; i < count; i++) {
      const t = (2 * Math.PI * i) / count;
      points.add(radius * Math.cos(t) + noise(), radius * Math.sin(t) + noise(), label);
    }
  });
  return points.split();
};
