/**
 * Keeps a box in view without changing the zoom: the viewport translation that brings a box (flow coordinates) just
 * inside the pane, moving as little as possible, or undefined when it is already in view. The overview's node list
 * (OverviewNodeList.tsx) uses it so that a node reached with the keyboard is on screen, ringed.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport: screen = flow · zoom + (x, y). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Screen pixels kept free between the box and the pane's edge, so its focus ring shows whole. */
const MARGIN = 24;

/** Along one axis: the translation that puts [lo, hi] (screen, at translation 0) inside [0, size], or `now` if it is. */
function shift(now: number, lo: number, hi: number, size: number): number {
  if (lo + now >= MARGIN && hi + now <= size - MARGIN) return now;
  // A box wider than the pane is aligned at its start.
  if (hi - lo > size - 2 * MARGIN || lo + now < MARGIN) return MARGIN - lo;
  return size - MARGIN - hi;
}

export function panToShow(box: Box, viewport: Viewport, pane: { readonly width: number; readonly height: number }): Viewport | undefined {
  const { zoom } = viewport;
  const x = shift(viewport.x, box.x * zoom, (box.x + box.width) * zoom, pane.width);
  const y = shift(viewport.y, box.y * zoom, (box.y + box.height) * zoom, pane.height);
  return x === viewport.x && y === viewport.y ? undefined : { x, y, zoom };
}
