/**
 * Gradient norms per layer over time, for the chart that shows gradients shrinking from the last layer to the first
 * in a deep sigmoid stack: a layer's norm is the 2-norm of all its weights' gradients together, √(Σ ‖g_w‖²), and
 * the y axis is logarithmic because the layers differ by orders of magnitude.
 */
import type { HistogramsResult } from '../protocol.ts';
import type { HistogramLayer } from './histogram-layers.ts';

export interface GradientNormSeries {
  readonly layer: string;
  /** One per snapshot; undefined where the snapshot has no gradient for the layer (before the first update). */
  readonly values: readonly (number | undefined)[];
}

export function layerGradientNorms(snapshots: readonly HistogramsResult[], layers: readonly HistogramLayer[]): GradientNormSeries[] {
  return layers
    .map((layer) => ({
      layer: layer.node,
      values: snapshots.map((snapshot) => {
        const norms = layer.weights.map((name) => snapshot.gradientNorms[name]).filter((n): n is number => n !== undefined);
        return norms.length === 0 ? undefined : Math.sqrt(norms.reduce((sum, n) => sum + n * n, 0));
      }),
    }))
    .filter((series) => series.values.some((v) => v !== undefined));
}

export interface LogAxis {
  /** Whole decades around the data: lo = 10^a, hi = 10^b. */
  readonly lo: number;
  readonly hi: number;
  /** Powers of ten from lo to hi, every `stride`-th decade so there are at most `maxTicks`. */
  readonly ticks: readonly number[];
}

/** Undefined when no value is positive and finite (nothing to draw on a log scale). */
export function logAxis(values: Iterable<number | undefined>, maxTicks = 6): LogAxis | undefined {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (v === undefined || !(v > 0) || !Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min > max) return undefined;
  const a = Math.floor(Math.log10(min));
  // One decade at least, so a constant series still sits inside the chart.
  const b = Math.max(Math.ceil(Math.log10(max)), a + 1);
  const stride = Math.ceil((b - a + 1) / maxTicks);
  const ticks: number[] = [];
  for (let e = a; e <= b; e += stride) ticks.push(10 ** e);
  return { lo: 10 ** a, hi: 10 ** b, ticks };
}

/** Where v sits on the axis, 0 at lo and 1 at hi. */
export const logPosition = (axis: LogAxis, v: number): number => Math.log10(v / axis.lo) / Math.log10(axis.hi / axis.lo);
