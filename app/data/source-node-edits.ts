/**
 * The edits that point the graph at chosen data, applied as one undoable step: the target data node gets the new
 * params; a Dataset node becomes a Your-data node (or back) in place, keeping its id, position and links (both kinds
 * have the ports `features` and `labels`); with no target, a new data node goes left of the graph.
 */
import { uniqueNodeId } from '../../engine/graph/edit.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import type { GraphDocument, GraphNode } from '../../engine/graph/types.ts';

export interface SourceNodeEdits {
  /** The node that reads the data once the edits are applied. */
  readonly node: string;
  readonly edits: readonly Edit[];
}

/** Room left of the leftmost node for a new data node. */
const NEW_NODE_OFFSET = 300;

export function sourceNodeEdits(doc: GraphDocument, target: string | undefined, kind: string, params: GraphNode['params']): SourceNodeEdits {
  const existing = target === undefined ? undefined : doc.nodes.find((n) => n.id === target);
  if (!existing) {
    const id = uniqueNodeId(doc, kind);
    const left = Math.min(...doc.nodes.map((n) => n.position.x), NEW_NODE_OFFSET);
    const top = Math.min(...doc.nodes.map((n) => n.position.y), 0);
    return { node: id, edits: [{ type: 'addNode', node: { id, kind, params, position: { x: left - NEW_NODE_OFFSET, y: top } } }] };
  }
  if (existing.kind === kind) {
    const stale = Object.keys(existing.params).filter((name) => !Object.hasOwn(params, name));
    return {
      node: existing.id,
      edits: [
        ...Object.entries(params).map(([param, value]): Edit => ({ type: 'setParam', node: existing.id, param, value })),
        ...stale.map((param): Edit => ({ type: 'resetParam', node: existing.id, param })),
      ],
    };
  }
  const links = doc.edges.filter((e) => e.from.node === existing.id);
  return {
    node: existing.id,
    edits: [
      { type: 'removeNode', node: existing.id },
      { type: 'addNode', node: { ...existing, kind, params } },
      ...links.map((e): Edit => ({ type: 'connect', from: e.from, to: e.to, id: e.id })),
    ],
  };
}
