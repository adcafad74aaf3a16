/**
 * Dragging nodes in the overview (OverviewLayer.tsx). Their DOM nodes are not painted there, so the pointer lands on
 * React Flow's pane and React Flow's own node drag never starts. A press on a drawn node (use-overview-hit.ts) that
 * moves beyond a click becomes a drag that makes the changes React Flow's drag makes: position changes marked
 * `dragging` while the pointer moves, then one unmarked change on release, all through the store's
 * triggerNodeChanges. GraphCanvas's onNodesChange therefore turns the release into one Move edit, as at normal zoom.
 *
 * The nodes move live in React Flow's nodes rather than by an offset kept in the overview's scene: the scene is
 * rebuilt from React Flow's nodeLookup every frame anyway, so the nodes and their edges redraw where they are
 * dragged with no second source of positions, and the release needs exactly these changes to become the edit.
 */
import { useCallback, useEffect, useRef, type PointerEvent as ReactPointerEvent, type SyntheticEvent } from 'react';
import { useReactFlow, useStoreApi, type NodeChange, type XYPosition } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './flow-model.ts';
import { dragStarts, isDrag, movedPositions } from './overview-drag.ts';
import { isPane } from './use-overview-hit.ts';

export interface OverviewDragHandlers {
  /** For the canvas's wrapper: a press on a drawn node is taken here, before React Flow's pane sees it. */
  readonly onPointerDownCapture: (event: ReactPointerEvent) => void;
  /**
   * For the wrapper's mousedown and touchstart, captured: React Flow's pane pans on those (not on pointerdown),
   * so while a press is on a node they go no further.
   */
  readonly onPressCapture: (event: SyntheticEvent) => void;
}

/**
 * The click that ends a drag is not a click on a node: it would select the grabbed node alone, or React Flow's pane
 * would clear the selection. It comes right after the pointerup, so the listener lives for that one task.
 */
function swallowNextClick(): void {
  const swallow = (event: MouseEvent) => event.stopPropagation();
  window.addEventListener('click', swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
}

/**
 * `enabled` while the overview is shown; `hit` finds the node drawn under a screen point; `selectDrawn` selects it
 * as a click would (alone, or toggled into the selection when `toggle`).
 */
export function useOverviewDrag(
  enabled: boolean,
  hit: (screen: XYPosition) => string | undefined,
  selectDrawn: (id: string, toggle: boolean) => void,
): OverviewDragHandlers {
  const store = useStoreApi<FlowNode, FlowEdge>();
  const { screenToFlowPosition } = useReactFlow();
  const pressed = useRef(false);
  /** Removes the window listeners of the press in progress. */
  const endPress = useRef(() => {});
  useEffect(() => () => endPress.current(), []);

  const onPointerDownCapture = useCallback((event: ReactPointerEvent) => {
    if (!enabled || event.button !== 0 || !isPane(event.target)) return;
    const down = { x: event.clientX, y: event.clientY };
    // The point grabbed, in the flow: a wheel zoom during the drag changes the scale, not what is under the pointer.
    const grabbedAt = screenToFlowPosition(down);
    const grabbed = hit(down);
    if (grabbed === undefined) return;
    // React Flow's pane would start a selection box.
    event.stopPropagation();
    // A press whose pointerup never came (the window lost it) ends here.
    endPress.current();
    const { pointerId } = event;
    const toggle = event.ctrlKey || event.metaKey;
    /** The dragged nodes' positions when the drag began; undefined while the press may still be a click. */
    let starts: Map<string, XYPosition> | undefined;
    let moved: { id: string; position: XYPosition }[] = [];
    const positionChanges = (dragging: boolean): NodeChange<FlowNode>[] =>
      moved.map(({ id, position }) => ({ type: 'position', id, position, dragging }));

    const begin = (start: PointerEvent): Map<string, XYPosition> => {
      const { nodeLookup, nodesDraggable, onNodeDragStart } = store.getState();
      const node = nodeLookup.get(grabbed);
      if (!node) return new Map();
      // As React Flow's drag does: an unselected node is selected as it starts moving, and moves alone unless
      // Ctrl/⌘ adds it to the selection; a selected one takes the whole selection with it.
      if (!node.selected) selectDrawn(grabbed, toggle);
      const found = dragStarts(nodeLookup.values(), grabbed, node.selected === true || toggle, nodesDraggable);
      // GraphCanvas learns that the final change ends a drag (one Move step, not a coalescing keyboard move).
      if (found.size > 0) onNodeDragStart?.(start, node.internals.userNode, [...found.keys()].map((id) => nodeLookup.get(id)!.internals.userNode));
      return found;
    };

    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      const now = { x: e.clientX, y: e.clientY };
      if (!starts) {
        if (!isDrag(down, now)) return;
        starts = begin(e);
      }
      moved = movedPositions(starts, grabbedAt, screenToFlowPosition(now));
      store.getState().triggerNodeChanges(positionChanges(true));
    };

    const release = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      endPress.current();
      // A press that never moved beyond a click leaves selecting to the click.
      if (moved.length === 0) return;
      store.getState().triggerNodeChanges(positionChanges(false));
      swallowNextClick();
    };

    endPress.current = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      pressed.current = false;
      endPress.current = () => {};
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    pressed.current = true;
  }, [enabled, hit, selectDrawn, store, screenToFlowPosition]);

  const onPressCapture = useCallback((event: SyntheticEvent) => {
    if (pressed.current) event.stopPropagation();
  }, []);

  return { onPointerDownCapture, onPressCapture };
}
