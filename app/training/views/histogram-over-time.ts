/**
 * TensorBoard's "distribution over time" for one tensor: each snapshot's histogram has its own value range, so they
 * are first rebinned onto one common range, then drawn as columns (x = step, y = value, opacity = share of the
 * values in that cell).
 */
import type { Histogram } from '../../../engine/train/histogram.ts';

export interface DistributionColumn {
  readonly step: number;
  readonly histogram: Histogram;
}

export interface DistributionGrid {
  /** One step per column, ascending. */
  readonly steps: readonly number[];
  /** The common value range: row 0 starts at `lo`, the last row ends at `hi`. */
  readonly lo: number;
  readonly hi: number;
  readonly rows: number;
  /** density[column · rows + row] in 0..1: each column scaled so its fullest row is 1 (every time slice readable). */
  readonly density: Float32Array;
}

/**
 * The histogram's counts over `rows` equal bins of [lo, hi], each source bin's count shared among the target bins
 * in proportion to their overlap (values are taken as spread evenly within a bin, the histogram's own assumption).
 */
export function rebin(histogram: Histogram, lo: number, hi: number, rows: number): Float64Array {
  const out = new Float64Array(rows);
  const bins = histogram.counts.length;
  const sourceWidth = (histogram.max - histogram.min) / bins, targetWidth = (hi - lo) / rows;
  for (let i = 0; i < bins; i++) {
    const count = histogram.counts[i]!;
    if (count === 0) continue;
    const from = histogram.min + i * sourceWidth, to = from + sourceWidth;
    const first = Math.max(0, Math.floor((from - lo) / targetWidth)), last = Math.min(rows - 1, Math.floor((to - lo) / targetWidth));
    for (let r = first; r <= last; r++) {
      const overlap = Math.min(to, lo + (r + 1) * targetWidth) - Math.max(from, lo + r * targetWidth);
      if (overlap > 0) out[r]! += (count * overlap) / sourceWidth;
    }
  }
  return out;
}

/** Undefined when there is no column. */
export function distributionOverTime(columns: readonly DistributionColumn[], rows: number): DistributionGrid | undefined {
  if (columns.length === 0) return undefined;
  let lo = Infinity, hi = -Infinity;
  for (const { histogram } of columns) {
    lo = Math.min(lo, histogram.min);
    hi = Math.max(hi, histogram.max);
  }
  const density = new Float32Array(columns.length * rows);
  columns.forEach(({ histogram }, c) => {
    const counts = rebin(histogram, lo, hi, rows);
    const fullest = Math.max(...counts);
    if (fullest > 0) for (let r = 0; r < rows; r++) density[c * rows + r] = counts[r]! / fullest;
  });
  return { steps: columns.map((c) => c.step), lo, hi, rows, density };
}

/**
 * The grid as a width × height RGBA image with only the alpha channel set (the caller tints it with the theme's
 * colour). Each pixel column shows the snapshot whose step is nearest, so columns widen where snapshots were
 * thinned; top is `hi`. Opacity is the square root of the density: counts are heavy-tailed, and the root keeps the
 * tails of a distribution visible beside its peak.
 */
export function rasterizeDistribution(grid: DistributionGrid, width: number, height: number): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(width * height * 4);
  const { steps, rows, density } = grid;
  // Lookups made once, so the per-pixel loop only copies bytes (a view redraws dozens of these each second).
  const opacity = Uint8ClampedArray.from(density, (d) => Math.round(255 * Math.sqrt(d)));
  const rowOfY = Int32Array.from({ length: height }, (_, y) => Math.min(rows - 1, Math.floor(((height - 1 - y + 0.5) / height) * rows)));
  const first = steps[0]!, span = steps[steps.length - 1]! - first;
  let column = 0;
  for (let x = 0; x < width; x++) {
    const step = first + ((x + 0.5) / width) * span;
    // Steps ascend and so does x: the nearest column only ever moves right.
    while (column + 1 < steps.length && Math.abs(steps[column + 1]! - step) <= Math.abs(steps[column]! - step)) column++;
    const base = column * rows;
    for (let y = 0; y < height; y++) rgba[(y * width + x) * 4 + 3] = opacity[base + rowOfY[y]!]!;
  }
  return rgba;
}
