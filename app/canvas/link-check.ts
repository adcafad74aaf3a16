/**
 * Links as React Flow reports them (node ids and handle ids, a collapsed block standing for its inner ports)
 * turned back into document ports, and checked with port-fit.ts before they become a connect edit.
 */
import type { Analysis } from '../../engine/compile/analyze.ts';
import { portsOf, type Catalog, type PortSpec } from '../../engine/compile/node-kind.ts';
import { resolveNodeParams } from '../../engine/compile/structure.ts';
import type { GraphDocument, PortRef } from '../../engine/graph/types.ts';
import { groupOfBlockNode } from './flow-model.ts';
import { portFit, type Fit } from './port-fit.ts';

/** The document port behind a canvas handle: itself, or for a collapsed block the inner port its block port names. */
export function documentPort(doc: GraphDocument, flowNode: string, handle: string, side: 'inputs' | 'outputs'): PortRef | undefined {
  const groupId = groupOfBlockNode(flowNode);
  if (groupId === undefined) return { node: flowNode, port: handle };
  const group = doc.groups?.find((g) => g.id === groupId);
  const block = doc.blocks?.find((b) => b.id === group?.block);
  const port = block?.[side].find((p) => p.name === handle);
  if (!group || !block || !port) return undefined;
  const node = group.nodes[block.nodes.findIndex((n) => n.id === port.node)];
  return node === undefined ? undefined : { node, port: port.port };
}

/** What the catalog declares about a node's input port (undefined for unknown kinds and ports). */
export function inputSpec(doc: GraphDocument, catalog: Catalog, ref: PortRef): PortSpec | undefined {
  const node = doc.nodes.find((n) => n.id === ref.node);
  const kind = node && catalog.get(node.kind);
  if (!node || !kind) return undefined;
  return portsOf(kind.inputs, resolveNodeParams(kind, node.params).params).find((p) => p.name === ref.port);
}

/** Whether `from` (an output) may feed `to` (an input), with the reason when not. */
export function checkLink(doc: GraphDocument, analysis: Analysis, catalog: Catalog, from: PortRef, to: PortRef): Fit {
  if (from.node === to.node) return { ok: false, reason: 'a node cannot feed itself' };
  const spec = inputSpec(doc, catalog, to);
  if (!spec) return { ok: true };
  return portFit(analysis.nodes.get(from.node)?.outputs[from.port], spec, `${to.node}.${to.port}`);
}
