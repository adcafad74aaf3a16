/**
 * Clicks and drags on the overview (OverviewLayer.tsx), whose nodes are drawn on a canvas while their DOM nodes are
 * not painted: the pointer lands on React Flow's pane, so the node under it is found by hit-testing the drawn boxes.
 */
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { FlowEdge, FlowNode } from './flow-model.ts';
import { boxAt, buildScene } from './overview-scene.ts';

/** Whether a pointer event landed on React Flow's pane, where the overview's nodes are drawn. */
export function isPane(target: EventTarget | null): boolean {
  return target instanceof Element && target.classList.contains('react-flow__pane');
}

/** The id of the node drawn under a pointer position (screen pixels), if any. */
export function useOverviewHit(): (screen: { x: number; y: number }) => string | undefined {
  const store = useStoreApi<FlowNode, FlowEdge>();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback((screen) => {
    const { boxes } = buildScene(store.getState().nodeLookup.values(), []);
    return boxAt(boxes, screenToFlowPosition(screen))?.id;
  }, [store, screenToFlowPosition]);
}
