/**
 * How big the boundary and curve plots are drawn: as big as the drawer's view leaves room for (the user may make
 * the drawer taller or the window wider), within bounds that keep the axes legible and the per-redraw cost of a
 * large canvas in check. The hook follows the view's size with a ResizeObserver.
 */
import { useEffect, useState } from 'react';

export interface PlotSize {
  readonly width: number;
  readonly height: number;
}

/** Room the caption under the canvas takes (class key, hover read-out), kept free below the plot. */
const CAPTION = 48;
const MIN_SIDE = 240;
/** Beyond this, a 60×60 decision grid is only blurrier and each redraw fills more pixels. */
const MAX_SIDE = 720;
const MAX_CURVE_WIDTH = 960;
const DEFAULT: PlotSize = { width: 420, height: 400 };

const clamp = (value: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.floor(value)));

/**
 * The plot's size for a view whose content box is `box`: a square for the decision boundary (the two input
 * features get the same scale of screen space), the full width for a fitted curve. An empty box (a hidden tab)
 * gives undefined: keep the size there was.
 */
export function plotSizeFor(box: PlotSize, shape: 'square' | 'wide'): PlotSize | undefined {
  if (box.width <= 0 || box.height <= 0) return undefined;
  const height = clamp(box.height - CAPTION, MIN_SIDE, MAX_SIDE);
  if (shape === 'wide') return { width: clamp(box.width, MIN_SIDE, MAX_CURVE_WIDTH), height: Math.min(height, clamp(box.width, MIN_SIDE, MAX_SIDE)) };
  const side = Math.min(clamp(box.width, MIN_SIDE, MAX_SIDE), height);
  return { width: side, height: side };
}

/**
 * The size to draw at, following the content box of the element given to the returned callback ref (the element
 * the plot lives in; a state, not a ref object, so an element that appears after the first render is observed too).
 */
export function usePlotSize(shape: 'square' | 'wide'): [(element: HTMLElement | null) => void, PlotSize] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [size, setSize] = useState<PlotSize>(DEFAULT);
  useEffect(() => {
    if (!element) return;
    const update = (box: PlotSize) => {
      const next = plotSizeFor(box, shape);
      if (next) setSize((now) => (now.width === next.width && now.height === next.height ? now : next));
    };
    const observer = new ResizeObserver(([entry]) => update({ width: entry!.contentRect.width, height: entry!.contentRect.height }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, shape]);
  return [setElement, size];
}
