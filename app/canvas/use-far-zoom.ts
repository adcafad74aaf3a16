/**
 * Level of detail: below this zoom, text on nodes and edge labels is too small to read, so nodes draw as plain
 * titled boxes and edges without labels. Far fewer elements keep panning over a whole 1,000-node graph smooth.
 * Components subscribe to the boolean, so they re-render only when the zoom crosses the threshold.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';

export const FAR_ZOOM = 0.35;

const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

export function useFarZoom(): boolean {
  return useStore(isFar);
}
