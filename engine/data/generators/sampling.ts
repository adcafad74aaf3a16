/** Random draws and spacings the generators share, built on the uniform stream of SeededRandom. */
import type { SeededRandom } from '../../train/seeded-random.ts';

/** A standard normal draw (Box–Muller); 1 − u keeps the logarithm's argument in (0, 1]. */
export function standardNormal(random: SeededRandom): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Uniform in [low, high). */
export function uniform(random: SeededRandom, low: number, high: number): number {
  return low + (high - low) * random.next();
}

/** The i-th of `count` evenly spaced values from 0 to `end` inclusive, like numpy's linspace(0, end, count). */
export function linspaceAt(i: number, count: number, end: number): number {
  return count > 1 ? (end * i) / (count - 1) : 0;
}
