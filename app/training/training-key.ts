/**
 * What a training run depends on in a document: nodes (kind, params), edges, blocks and the run settings — not
 * positions, labels, notes or which blocks are collapsed. Moving a node keeps the run; changing a param starts a new one.
 */
import type { GraphDocument } from '../../engine/graph/types.ts';

export function trainingKey(doc: GraphDocument): string {
  return JSON.stringify({
    nodes: doc.nodes.map((n) => [n.id, n.kind, n.params]),
    edges: doc.edges.map((e) => [e.from, e.to]),
    blocks: doc.blocks ?? [],
    groups: (doc.groups ?? []).map((g) => [g.id, g.nodes, g.block]),
    training: doc.training ?? {},
  });
}
