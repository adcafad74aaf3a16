/**
 * Dragging drawn nodes in the overview (use-overview-drag.ts), its pure rules: when a press becomes a drag, which
 * nodes a drag moves, and where they go. They follow React Flow's own node drag, so a node moves alike at any zoom.
 */
import type { XYPosition } from '@xyflow/react';

/** A press that moves the pointer at most this many screen pixels is a click (it selects), not a drag. */
export const CLICK_SLOP_PX = 3;

/** Whether the pointer moved far enough from where it went down for the press to be a drag. */
export function isDrag(down: XYPosition, now: XYPosition): boolean {
  return Math.hypot(now.x - down.x, now.y - down.y) > CLICK_SLOP_PX;
}

/** The part of React Flow's internal node a drag reads. */
export interface DragCandidate {
  readonly id: string;
  readonly position: XYPosition;
  readonly selected?: boolean;
  readonly draggable?: boolean;
}

/**
 * The nodes a drag of `grabbed` moves, each with its position when the drag began: the whole selection with it
 * when `withSelection` (it was selected, or Ctrl/⌘ adds it to the selection), else the grabbed node alone. Nodes
 * marked not draggable stay, and `nodesDraggable` is the default for the rest, as in React Flow.
 */
export function dragStarts(nodes: Iterable<DragCandidate>, grabbed: string, withSelection: boolean, nodesDraggable: boolean): Map<string, XYPosition> {
  const starts = new Map<string, XYPosition>();
  for (const node of nodes) {
    const dragged = node.id === grabbed || (withSelection && node.selected === true);
    if (dragged && (node.draggable ?? nodesDraggable)) starts.set(node.id, node.position);
  }
  return starts;
}

/**
 * Where the dragged nodes are once the pointer has moved from `grabbed` to `pointer`, both in flow coordinates: all
 * by that same amount, so the point grabbed stays under the pointer even if the view zooms during the drag.
 */
export function movedPositions(starts: ReadonlyMap<string, XYPosition>, grabbed: XYPosition, pointer: XYPosition): { id: string; position: XYPosition }[] {
  const dx = pointer.x - grabbed.x, dy = pointer.y - grabbed.y;
  return [...starts].map(([id, start]) => ({ id, position: { x: start.x + dx, y: start.y + dy } }));
}
