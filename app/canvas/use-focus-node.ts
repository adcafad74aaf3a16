/** Selects a node and centres the view on it (the problems panel's "go to"). */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorApi } from '../state/editor-context.tsx';
import { DEFAULT_NODE_SIZE } from './placement.ts';

export function useFocusNode(): (id: string) => void {
  const api = useEditorApi();
  const flow = useReactFlow();
  return useCallback((id) => {
    const node = api.getState().doc.nodes.find((n) => n.id === id);
    if (!node) return;
    api.getState().select({ nodes: [id], edges: [] });
    const measured = flow.getInternalNode(id)?.measured;
    const width = measured?.width ?? DEFAULT_NODE_SIZE.width, height = measured?.height ?? DEFAULT_NODE_SIZE.height;
    void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
  }, [api, flow]);
}
