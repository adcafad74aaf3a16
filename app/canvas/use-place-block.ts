/** Places a new instance of a block definition: at a drop point, or at a free spot in the current view. */
import { useCallback } from 'react';
import { useReactFlow, type XYPosition } from '@xyflow/react';
import { uniqueNodeId } from '../../engine/graph/edit.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { useEditorApi } from '../state/editor-context.tsx';

/** Fresh ids for the copies (`conv1` → `conv3` when conv1 and conv2 exist) and for the instance's group. */
export function instanceIds(doc: GraphDocument, blockId: string): { nodes: string[]; group: string } | undefined {
  const block = doc.blocks?.find((b) => b.id === blockId);
  if (!block) return undefined;
  let scratch = doc;
  const nodes = block.nodes.map((n) => {
    const id = uniqueNodeId(scratch, n.id.replace(/_?\d+$/, '') || n.id);
    scratch = { ...scratch, nodes: [...scratch.nodes, { id, kind: n.kind, params: {}, position: { x: 0, y: 0 } }] };
    return id;
  });
  const taken = new Set([...(doc.groups ?? []).map((g) => g.id), ...doc.nodes.map((n) => n.id)]);
  let group = `${block.id}_1`;
  for (let k = 2; taken.has(group); k++) group = `${block.id}_${k}`;
  return { nodes, group };
}

export function usePlaceBlock(): (blockId: string, at?: XYPosition) => void {
  const api = useEditorApi();
  const flow = useReactFlow();
  return useCallback((blockId, at) => {
    const { doc, apply, select } = api.getState();
    const ids = instanceIds(doc, blockId);
    if (!ids) return;
    const position = at ?? (() => {
      const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const centre = flow.screenToFlowPosition({ x: (box?.left ?? 0) + (box?.width ?? 0) / 2, y: (box?.top ?? 0) + (box?.height ?? 0) / 2 });
      return { x: Math.round(centre.x), y: Math.round(centre.y) };
    })();
    const label = doc.blocks?.find((b) => b.id === blockId)?.label ?? blockId;
    if (apply([{ type: 'placeBlock', block: blockId, group: ids.group, nodes: ids.nodes, position }], { label: `Place ${label}` })) {
      select({ nodes: ids.nodes, edges: [] });
    }
  }, [api, flow]);
}
