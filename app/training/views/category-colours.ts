/**
 * One colour per class (decision boundary, points, images) and per run (charts): d3's category10, mid-tone colours
 * that stay readable on both the light and the dark panel. Past ten, the colours repeat.
 */
const CATEGORY10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;

export type Rgb = readonly [number, number, number];

export function categoryColour(index: number): string {
  const n = CATEGORY10.length;
  return CATEGORY10[((index % n) + n) % n]!;
}

export function categoryRgb(index: number): Rgb {
  const hex = categoryColour(index);
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}
