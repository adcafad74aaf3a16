/**
 * Level of detail: below this zoom, text on nodes and edge labels is too small to read, so the graph is drawn on one
 * canvas (OverviewLayer.tsx: boxes, status rings, curves, titles while legible) and the DOM nodes and edges are
 * mounted but not painted, nodes as small stand-ins and edges without labels. Rasterising a thousand DOM nodes at
 * every zoom step is what made a whole 1,000-node graph pan and zoom below 50 fps on software rendering.
 * Components subscribe to the boolean, so they re-render only when the zoom crosses the threshold.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';

export const FAR_ZOOM = 0.35;

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

export function useFarZoom(): boolean {
  return useStore(isFar);
}
