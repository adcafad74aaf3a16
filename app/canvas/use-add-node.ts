/** Adds a node of a kind with a fresh id, at a given flow position or at a free spot in the current view. */
import { useCallback } from 'react';
import { useReactFlow, useStoreApi, type XYPosition } from '@xyflow/react';
import { uniqueNodeId } from '../../engine/graph/edit.ts';
import { useEditorApi } from '../state/editor-context.tsx';
import { DEFAULT_NODE_SIZE, freeSpot, type Box } from './placement.ts';

export function useAddNode(): (kind: string, at?: XYPosition) => string | undefined {
  const api = useEditorApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useCallback((kind, at) => {
    const { doc, apply, select } = api.getState();
    const id = uniqueNodeId(doc, kind);
    let position = at;
    if (!position) {
      const { width, height, transform: [tx, ty, zoom] } = flowStore.getState();
      const view: Box = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
      const occupied = doc.nodes.map((n): Box => {
        const measured = flow.getInternalNode(n.id)?.measured;
        return { ...n.position, width: measured?.width ?? DEFAULT_NODE_SIZE.width, height: measured?.height ?? DEFAULT_NODE_SIZE.height };
      });
      position = freeSpot({ x: view.x + view.width / 2, y: view.y + view.height / 2 }, occupied, view);
    }
    // Params stay empty: defaults apply, and the document records only what the user chose.
    if (!apply([{ type: 'addNode', node: { id, kind, params: {}, position } }])) return undefined;
    select({ nodes: [id], edges: [] });
    return id;
  }, [api, flow, flowStore]);
}
