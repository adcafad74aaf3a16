/** Where a node added without a drop point goes: near the centre of the view, avoiding the nodes already there. */
import type { XYPosition } from '@xyflow/react';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Size assumed for a node that has not been measured yet (and for the node being placed). */
export const DEFAULT_NODE_SIZE = { width: 220, height: 150 } as const;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Tries the centre, then rings of candidates around it, and returns the first spot (top-left corner) that is
 * clear of `occupied` and inside `view`; the centre itself when nothing fits.
 */
export function freeSpot(center: XYPosition, occupied: readonly Box[], view?: Box, gap = 24): XYPosition {
  const { width, height } = DEFAULT_NODE_SIZE;
  const origin = { x: center.x - width / 2, y: center.y - height / 2 };
  const step = { x: width / 2, y: height / 2 };
  for (let ring = 0; ring <= 6; ring++) {
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const box = { x: origin.x + i * step.x, y: origin.y + j * step.y, width, height };
        const inside = !view || (box.x >= view.x && box.y >= view.y && box.x + width <= view.x + view.width && box.y + height <= view.y + view.height);
        if (inside && !occupied.some((o) => overlaps(box, o, gap))) return { x: Math.round(box.x), y: Math.round(box.y) };
      }
    }
  }
  return { x: Math.round(origin.x), y: Math.round(origin.y) };
}
