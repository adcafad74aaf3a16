/**
 * The React Flow view model: nodes and edges derived from the document plus the engine's analysis. Nothing here
 * is stored; React Flow's objects are rebuilt from the document after every edit.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Analysis, NodeAnalysis } from '../../engine/compile/analyze.ts';
import type { Diagnostic } from '../../engine/compile/diagnostics.ts';
import { portsOf, type Catalog, type NodeKind, type PortSpec } from '../../engine/compile/node-kind.ts';
import { resolveNodeParams } from '../../engine/compile/structure.ts';
import type { GraphDocument, GraphNode } from '../../engine/graph/types.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import type { Selection } from '../state/editor-store.ts';

export type GraphNodeData = {
  readonly node: GraphNode;
  /** Undefined when the kind is not in this build's catalog. */
  readonly kind: NodeKind | undefined;
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  readonly result: NodeAnalysis | undefined;
  readonly diagnostics: readonly Diagnostic[];
};

export type ShapeEdgeData = {
  /** `[N,8,8,8]`, or undefined when the source could not be analysed. */
  readonly shape: string | undefined;
  readonly severity: 'error' | 'warning' | undefined;
};

export type FlowNode = Node<GraphNodeData, 'graph'>;
export type FlowEdge = Edge<ShapeEdgeData, 'shape'>;

/** Ports of a node; for an unknown kind, the ports its edges use, so the edges still draw. */
function portsFor(node: GraphNode, kind: NodeKind | undefined, doc: GraphDocument): { inputs: PortSpec[]; outputs: PortSpec[] } {
  if (kind) {
    const { params } = resolveNodeParams(kind, node.params);
    return { inputs: [...portsOf(kind.inputs, params)], outputs: [...portsOf(kind.outputs, params)] };
  }
  const names = (side: 'from' | 'to') =>
    [...new Set(doc.edges.filter((e) => e[side].node === node.id).map((e) => e[side].port))].map((name) => ({ name }));
  return { inputs: names('to'), outputs: names('from') };
}

function byNode(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const map = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.node === undefined) continue;
    const list = map.get(d.node) ?? [];
    list.push(d);
    map.set(d.node, list);
  }
  return map;
}

export function toFlowNodes(doc: GraphDocument, analysis: Analysis, catalog: Catalog, selection: Selection): FlowNode[] {
  const diagnostics = byNode(analysis.diagnostics);
  const selected = new Set(selection.nodes);
  return doc.nodes.map((node) => {
    const kind = catalog.get(node.kind);
    return {
      id: node.id,
      type: 'graph',
      position: node.position,
      selected: selected.has(node.id),
      data: { node, kind, ...portsFor(node, kind, doc), result: analysis.nodes.get(node.id), diagnostics: diagnostics.get(node.id) ?? [] },
    };
  });
}

export function toFlowEdges(doc: GraphDocument, analysis: Analysis, selection: Selection): FlowEdge[] {
  const selected = new Set(selection.edges);
  return doc.edges.map((edge) => {
    const info = analysis.edges.get(edge.id);
    // A diagnostic on the edge itself, or on the input port it feeds, colours the edge.
    const related = analysis.diagnostics.filter((d) => d.edge === edge.id || (d.node === edge.to.node && d.port === edge.to.port));
    const severity = related.some((d) => d.severity === 'error') ? 'error' : related.some((d) => d.severity === 'warning') ? 'warning' : undefined;
    return {
      id: edge.id,
      type: 'shape',
      source: edge.from.node,
      sourceHandle: edge.from.port,
      target: edge.to.node,
      targetHandle: edge.to.port,
      selected: selected.has(edge.id),
      data: { shape: info ? formatShape(info.shape) : undefined, severity },
    };
  });
}
