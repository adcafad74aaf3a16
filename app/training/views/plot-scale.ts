/** Axis arithmetic for the canvas plots: "nice" tick values over a data range and the data ↔ pixel mapping. */

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** A rectangle of the canvas (CSS pixels) that shows `x` × `y` of data space, y growing upwards. */
export interface PlotFrame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly x: Range;
  readonly y: Range;
}

export const toPixelX = (frame: PlotFrame, x: number): number => frame.left + ((x - frame.x.min) / (frame.x.max - frame.x.min)) * frame.width;
export const toPixelY = (frame: PlotFrame, y: number): number => frame.top + (1 - (y - frame.y.min) / (frame.y.max - frame.y.min)) * frame.height;
export const toDataX = (frame: PlotFrame, px: number): number => frame.x.min + ((px - frame.left) / frame.width) * (frame.x.max - frame.x.min);
export const toDataY = (frame: PlotFrame, py: number): number => frame.y.min + (1 - (py - frame.top) / frame.height) * (frame.y.max - frame.y.min);

/** The smallest and largest finite value, widened by `margin` of the span each side (a flat range gets ±margin). */
export function paddedRange(values: Iterable<number>, margin = 0.05): Range | undefined {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min > max) return undefined;
  const pad = (max - min || 1) * margin;
  return { min: min - pad, max: max + pad };
}

/**
 * Tick values at a step of 1, 2 or 5 × 10ⁿ, chosen so at most `maxTicks` fall inside the range (like d3's ticks),
 * rounded to the step's decimals so labels do not show float noise.
 */
export function niceTicks(range: Range, maxTicks = 6): number[] {
  const span = range.max - range.min;
  if (!(span > 0) || !Number.isFinite(span) || maxTicks < 1) return [];
  const rough = span / maxTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const count = (step: number) => Math.floor(range.max / step + 1e-9) - Math.ceil(range.min / step - 1e-9) + 1;
  const step = [1, 2, 5, 10, 20].map((m) => m * power).find((s) => count(s) <= maxTicks)!;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const ticks: number[] = [];
  for (let t = Math.ceil(range.min / step) * step; t <= range.max + step * 1e-9; t += step) ticks.push(Number(t.toFixed(decimals)));
  return ticks;
}

/** A tick's label: as many decimals as the step between ticks needs, and a real minus sign. */
export function tickLabel(value: number, ticks: readonly number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return value.toFixed(decimals).replace(/^-(?=.*[1-9])/, '−').replace(/^-/, '');
}

/** One column of a row-major [rows, columns] array (a point's x or y among [N,2] features). */
export function column(values: ArrayLike<number>, index: number, columns: number): Float64Array {
  const out = new Float64Array(Math.floor(values.length / columns));
  for (let i = 0; i < out.length; i++) out[i] = values[i * columns + index]!;
  return out;
}
