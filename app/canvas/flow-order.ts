/**
 * The canvas's nodes in the graph's data-flow order (the analysis's topological `order`), so a keyboard or screen
 * reader user meets them as data meets them: inputs first, the loss last. A collapsed block stands where its
 * earliest node would; nodes the order lacks (cut off by a cycle or an error) follow in document order.
 */
import type { FlowNode } from './flow-model.ts';

export function inFlowOrder(nodes: readonly FlowNode[], order: readonly string[]): FlowNode[] {
  const rank = new Map(order.map((id, at) => [id, at]));
  const rankOf = (id: string) => rank.get(id) ?? Infinity;
  const ranked = nodes.map((node, at) => ({
    node,
    at,
    rank: 'group' in node.data ? Math.min(...node.data.group.nodes.map(rankOf)) : rankOf(node.id),
  }));
  // Equal ranks keep the document's order; compared explicitly since Infinity − Infinity is NaN.
  ranked.sort((a, b) => (a.rank === b.rank ? a.at - b.at : a.rank - b.rank));
  return ranked.map((r) => r.node);
}
