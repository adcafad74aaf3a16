/**
 * Auto-layout with dagre: data flows left to right in ranks, and the result is one batch of moveNode edits, so a
 * layout is one undoable step. A collapsed block is laid out as the one box it is drawn as, and its nodes move
 * with it.
 */
import dagre from '@dagrejs/dagre';
import type { Edit } from '../../engine/graph/edit-types.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { groupOfBlockNode } from './flow-model.ts';

export interface LayoutBox {
  /** A React Flow node id: a graph node's id, or a collapsed block's `block:<group>`. */
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LayoutLink {
  readonly source: string;
  readonly target: string;
}

export function layoutEdits(doc: GraphDocument, boxes: readonly LayoutBox[], links: readonly LayoutLink[]): Edit[] {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const box of boxes) graph.setNode(box.id, { width: box.width, height: box.height });
  links.forEach((link, i) => {
    if (graph.hasNode(link.source) && graph.hasNode(link.target)) graph.setEdge(link.source, link.target, {}, `e${i}`);
  });
  dagre.layout(graph);

  const edits: Edit[] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const box of boxes) {
    const placed = graph.node(box.id);
    // dagre gives centres; nodes are placed by their top-left corner.
    const dx = Math.round(placed.x - box.width / 2) - box.x;
    const dy = Math.round(placed.y - box.height / 2) - box.y;
    if (dx === 0 && dy === 0) continue;
    const group = groupOfBlockNode(box.id);
    const members = group === undefined ? [box.id] : doc.groups?.find((g) => g.id === group)?.nodes ?? [];
    for (const id of members) {
      const node = byId.get(id);
      if (node) edits.push({ type: 'moveNode', node: id, position: { x: Math.round(node.position.x + dx), y: Math.round(node.position.y + dy) } });
    }
  }
  return edits;
}
