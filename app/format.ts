/** Number and value formatting shared by the canvas and the panels. */
import type { ParamValue } from '../engine/graph/types.ts';

/** 1370 → "1,370" (fixed locale, so the e2e tests and screenshots read the same everywhere). */
export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

/** 1234567 → "1.23 M"; FLOPs and bytes span many orders of magnitude. */
export function formatSI(n: number, unit = ''): string {
  const steps: [number, string][] = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, prefix] of steps) {
    if (Math.abs(n) >= size) return `${+(n / size).toPrecision(3)} ${prefix}${unit}`;
  }
  return `${+n.toPrecision(3)}${unit ? ` ${unit}` : ''}`;
}

export function formatBytes(n: number): string {
  const steps: [number, string][] = [[2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [2 ** 10, 'KiB']];
  for (const [size, unit] of steps) if (n >= size) return `${+(n / size).toPrecision(3)} ${unit}`;
  return `${n} B`;
}

/** A param value as shown inline on a node: `3`, `3×5`, `digits`, `all, enc`. */
export function formatParamValue(value: ParamValue): string {
  if (Array.isArray(value)) return value.join(value.every((v) => typeof v === 'number') ? '×' : ', ');
  return String(value);
}
