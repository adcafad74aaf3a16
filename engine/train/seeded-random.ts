/**
 * The host-side random stream of a training run (shuffling, the validation split, per-step seeds): a counter over
 * the same hash the kernels use, so a run is reproducible from its seed on any machine.
 */
import { counterUniform, hash32 } from '../backends/random.ts';

export class SeededRandom {
  private counter = 0;
  private readonly seed: number;

  constructor(seed: number, stream: string) {
    // Separate streams (shuffle, split, dropout seeds) from one user seed, so changing one use does not shift another.
    let h = hash32(seed >>> 0);
    for (let i = 0; i < stream.length; i++) h = hash32((h ^ stream.charCodeAt(i)) >>> 0);
    this.seed = h;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return counterUniform(this.seed, this.counter++);
  }

  /** A 32-bit integer, for seeding the random primitives of one step. */
  nextSeed(): number {
    return hash32((this.seed + Math.imul(++this.counter, 0x9e3779b9)) >>> 0);
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.min(n - 1, Math.floor(this.next() * n));
  }

  /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  }
}
