/**
 * Counter-based random numbers: element i of a random tensor is a pure function of (seed, i). Every backend draws
 * the same numbers this way (WGSL ports these few integer operations), so dropout masks and noise agree between
 * CPU and WebGPU, and a step is reproducible from its seed alone.
 */

/** A 32-bit integer hash with good avalanche (the "lowbias32" constants). */
export function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Uniform in [0, 1) with 24 bits of resolution (exactly representable in float32). */
export function counterUniform(seed: number, index: number): number {
  return (hash32((seed ^ hash32(index)) >>> 0) >>> 8) / 16777216;
}

/** Standard normal by Box–Muller from the uniforms at 2i and 2i+1; the first uniform is kept off 0 for the log. */
export function counterNormal(seed: number, index: number): number {
  const u1 = ((hash32((seed ^ hash32(2 * index)) >>> 0) >>> 8) + 0.5) / 16777216;
  const u2 = counterUniform(seed, 2 * index + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Seed of the k-th random primitive in a step: distinct per (step seed, op) pair. */
export function dispatchSeed(stepSeed: number, opIndex: number): number {
  return hash32((hash32(stepSeed >>> 0) + Math.imul(opIndex + 1, 0x9e3779b9)) >>> 0);
}
