/**
 * XOR as four quadrants: points uniform in the quadrants of [−1, 1]², kept XOR_MARGIN away from the axes, the
 * quadrants taking turns so that each holds a quarter of the points. The class is 1 where x and y have opposite
 * signs (x·y < 0, the XOR of the two sign bits) and 0 where they agree; no line separates the classes.
 */
import type { Generator } from './generator.ts';
import { uniform } from './sampling.ts';
import { ShuffledPoints } from './shuffled-points.ts';

export const XOR_MARGIN = 0.1;

const QUADRANTS = [[1, 1], [-1, 1], [-1, -1], [1, -1]] as const;

export const xor: Generator = (random, samples) => {
  const points = new ShuffledPoints(random, samples);
  for (let i = 0; i < samples; i++) {
    const [sx, sy] = QUADRANTS[i % QUADRANTS.length]!;
    const x = sx * uniform(random, XOR_MARGIN, 1);
    const y = sy * uniform(random, XOR_MARGIN, 1);
    points.add(x, y, sx * sy < 0 ? 1 : 0);
  }
  return points.split();
};
