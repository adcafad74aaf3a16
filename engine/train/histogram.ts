/** Histograms of weights, activations or gradient norms, for watching a network's numbers over training. */

export interface Histogram {
  readonly min: number;
  readonly max: number;
  /** counts[i] covers [min + i·w, min + (i+1)·w) with w = (max − min)/bins; the last bin includes max. */
  readonly counts: readonly number[];
  /** Values that were NaN or ±∞ (not binned). */
  readonly nonFinite: number;
}

export function histogram(values: ArrayLike<number>, bins = 30): Histogram {
  let min = Infinity, max = -Infinity, nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) nonFinite++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const counts = new Array<number>(bins).fill(0);
  if (min > max) return { min: 0, max: 0, counts, nonFinite };
  // A constant tensor (e.g. freshly zeroed biases) gets all its values in the middle bin of a unit-wide range.
  if (min === max) {
    counts[Math.floor(bins / 2)] = values.length - nonFinite;
    return { min: min - 0.5, max: max + 0.5, counts, nonFinite };
  }
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - min) / width))]!++;
  }
  return { min, max, counts, nonFinite };
}
