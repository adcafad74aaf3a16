/**
 * Selects a node and centres the view on it (the problems panel's "go to"). A node inside a collapsed block is
 * shown by its block: the block is selected and centred. Resolves once the view has arrived.
 */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorApi } from '../state/editor-context.tsx';
import { blockNodeId } from './flow-model.ts';
import { DEFAULT_NODE_SIZE } from './placement.ts';

export function useFocusNode(): (id: string) => Promise<void> {
  const api = useEditorApi();
  const flow = useReactFlow();
  return useCallback(async (id) => {
    const { doc, select } = api.getState();
    if (!doc.nodes.some((n) => n.id === id)) return;
    const folded = doc.groups?.find((g) => g.collapsed && g.block !== undefined && g.nodes.includes(id));
    select({ nodes: folded ? [...folded.nodes] : [id], edges: [] });
    const target = flow.getInternalNode(folded ? blockNodeId(folded.id) : id);
    if (!target) return;
    const { x, y } = target.internals.positionAbsolute;
    const width = target.measured.width ?? DEFAULT_NODE_SIZE.width, height = target.measured.height ?? DEFAULT_NODE_SIZE.height;
    await flow.setCenter(x + width / 2, y + height / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
  }, [api, flow]);
}
