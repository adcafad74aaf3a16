/**
 * The ports a new block gets from the nodes it is made of: an input for each input port that is fed from outside
 * or by nothing yet (a required one), and an output for each output port used outside or by nothing inside (the
 * block's results). Names are the port names, qualified with the node id where two would clash (`conv1.x`).
 */
import type { Catalog } from '../../engine/compile/node-kind.ts';
import { portsOf } from '../../engine/compile/node-kind.ts';
import { resolveNodeParams } from '../../engine/compile/structure.ts';
import type { BlockPort, GraphDocument, GraphNode } from '../../engine/graph/types.ts';

export interface BlockPorts {
  readonly inputs: readonly BlockPort[];
  readonly outputs: readonly BlockPort[];
}

/** A node's port names; for a kind the catalog lacks, the ports its edges use. */
function portNames(node: GraphNode, catalog: Catalog, doc: GraphDocument, side: 'inputs' | 'outputs'): { name: string; optional: boolean }[] {
  const kind = catalog.get(node.kind);
  if (kind) return portsOf(kind[side], resolveNodeParams(kind, node.params).params).map((p) => ({ name: p.name, optional: p.optional ?? false }));
  const end = side === 'inputs' ? 'to' : 'from';
  return [...new Set(doc.edges.filter((e) => e[end].node === node.id).map((e) => e[end].port))].map((name) => ({ name, optional: false }));
}

function named(ports: readonly { node: string; port: string }[]): BlockPort[] {
  const count = new Map<string, number>();
  for (const p of ports) count.set(p.port, (count.get(p.port) ?? 0) + 1);
  return ports.map((p) => ({ name: count.get(p.port)! > 1 ? `${p.node}.${p.port}` : p.port, node: p.node, port: p.port }));
}

export function blockPorts(doc: GraphDocument, catalog: Catalog, nodeIds: readonly string[]): BlockPorts {
  const members = new Set(nodeIds);
  const inputs: { node: string; port: string }[] = [];
  const outputs: { node: string; port: string }[] = [];
  for (const node of doc.nodes) {
    if (!members.has(node.id)) continue;
    for (const port of portNames(node, catalog, doc, 'inputs')) {
      const feeding = doc.edges.filter((e) => e.to.node === node.id && e.to.port === port.name);
      const inside = feeding.some((e) => members.has(e.from.node));
      if (!inside && (feeding.length > 0 || !port.optional)) inputs.push({ node: node.id, port: port.name });
    }
    for (const port of portNames(node, catalog, doc, 'outputs')) {
      const fed = doc.edges.filter((e) => e.from.node === node.id && e.from.port === port.name);
      if (fed.length === 0 || fed.some((e) => !members.has(e.to.node))) outputs.push({ node: node.id, port: port.name });
    }
  }
  return { inputs: named(inputs), outputs: named(outputs) };
}
