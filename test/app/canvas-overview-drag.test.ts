/** Dragging nodes in the canvas overview, its pure rules: click or drag, which nodes move, and where to. */
import { describe, expect, it } from 'vitest';
import { CLICK_SLOP_PX, dragStarts, isDrag, movedPositions, type DragCandidate } from '../../app/canvas/overview-drag.ts';

const node = (id: string, x: number, y: number, extra: { selected?: boolean; draggable?: boolean } = {}): DragCandidate => ({ id, position: { x, y }, ...extra });

describe('overview drag', () => {
  it('is a click while the pointer stays within a few pixels of where it went down, a drag beyond', () => {
    const down = { x: 100, y: 200 };
    expect(isDrag(down, down)).toBe(false);
    expect(isDrag(down, { x: 100 + CLICK_SLOP_PX, y: 200 })).toBe(false);
    expect(isDrag(down, { x: 100 + CLICK_SLOP_PX + 1, y: 200 })).toBe(true);
    // Distance, not each axis: 3 px across and 3 px down is more than 3 px away.
    expect(isDrag(down, { x: 103, y: 203 })).toBe(true);
  });

  it('moves an unselected node alone, remembering where it started', () => {
    const nodes = [node('a', 10, 20), node('b', 300, 20, { selected: true }), node('c', 600, 20, { selected: true })];
    expect(dragStarts(nodes, 'a', false, true)).toEqual(new Map([['a', { x: 10, y: 20 }]]));
  });

  it('moves the whole selection with a selected node, or with a node Ctrl/⌘ adds to it', () => {
    const nodes = [node('a', 10, 20), node('b', 300, 20, { selected: true }), node('c', 600, 20, { selected: true })];
    expect([...dragStarts(nodes, 'b', true, true).keys()]).toEqual(['b', 'c']);
    expect([...dragStarts(nodes, 'a', true, true).keys()]).toEqual(['a', 'b', 'c']);
  });

  it('leaves nodes that may not be dragged where they are', () => {
    const nodes = [node('a', 0, 0, { selected: true }), node('b', 0, 0, { selected: true, draggable: false }), node('c', 0, 0, { selected: true, draggable: true })];
    expect([...dragStarts(nodes, 'a', true, true).keys()]).toEqual(['a', 'c']);
    // With nodes not draggable by default, only those marked draggable move.
    expect([...dragStarts(nodes, 'a', true, false).keys()]).toEqual(['c']);
  });

  it('moves every dragged node by the pointer’s move in flow coordinates, keeping the grabbed point under it', () => {
    const starts = dragStarts([node('a', 10, 20, { selected: true }), node('b', 300, -40, { selected: true })], 'a', true, true);
    // Grabbed 5 units inside a's corner; the pointer is now 300 right and 150 up in the flow.
    expect(movedPositions(starts, { x: 15, y: 25 }, { x: 315, y: -125 })).toEqual([
      { id: 'a', position: { x: 310, y: -130 } },
      { id: 'b', position: { x: 600, y: -190 } },
    ]);
    expect(movedPositions(starts, { x: 15, y: 25 }, { x: 15, y: 25 })).toEqual([
      { id: 'a', position: { x: 10, y: 20 } },
      { id: 'b', position: { x: 300, y: -40 } },
    ]);
  });
});
