/**
 * The edits that delete a selection as one step: selected edges, selected nodes with their edges, and block
 * instances whose nodes are all selected (unpacked first, because the engine refuses to take a node out of a block).
 */
import type { Edit } from '../../engine/graph/edit-types.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import type { Selection } from './editor-store.ts';

export function deleteEdits(doc: GraphDocument, selection: Selection): Edit[] {
  const nodes = new Set(selection.nodes);
  const unpack = (doc.groups ?? [])
    .filter((g) => g.block !== undefined && g.nodes.length > 0 && g.nodes.every((id) => nodes.has(id)))
    .map((g): Edit => ({ type: 'removeGroup', group: g.id }));
  // Edges of removed nodes go with their nodes; only the other selected edges are disconnected.
  const cut = doc.edges
    .filter((e) => selection.edges.includes(e.id) && !nodes.has(e.from.node) && !nodes.has(e.to.node))
    .map((e): Edit => ({ type: 'disconnect', edge: e.id }));
  const removed = doc.nodes.filter((n) => nodes.has(n.id)).map((n): Edit => ({ type: 'removeNode', node: n.id }));
  return [...unpack, ...cut, ...removed];
}
