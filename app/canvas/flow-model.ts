/**
 * The React Flow view model: nodes and edges derived from the document plus the engine's analysis. Nothing here
 * is stored. A collapsed block instance becomes one node with the block's ports, and the edges into and out of
 * its nodes are drawn to those ports (still labelled with the shapes the analysis found across the boundary).
 *
 * Derived objects are reused while what they show is unchanged, so after an edit React re-renders only the nodes
 * and edges it touched: on a 1,000-node graph that is what keeps a param edit within a frame or two.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Analysis, NodeAnalysis } from '../../engine/compile/analyze.ts';
import type { Diagnostic } from '../../engine/compile/diagnostics.ts';
import { portsOf, type Catalog, type NodeKind, type PortSpec } from '../../engine/compile/node-kind.ts';
import { resolveNodeParams } from '../../engine/compile/structure.ts';
import type { BlockDefinition, GraphDocument, GraphEdge, GraphGroup, GraphNode } from '../../engine/graph/types.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import type { Selection } from '../state/editor-store.ts';

export type NodeStatus = 'ok' | 'warning' | 'error' | 'blocked';

export type GraphNodeData = {
  readonly node: GraphNode;
  /** Undefined when the kind is not in this build's catalog. */
  readonly kind: NodeKind | undefined;
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  readonly result: NodeAnalysis | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly status: NodeStatus;
};

/** A port of a collapsed block, with the inner port it stands for and the shape found there. */
export interface BlockPortView {
  readonly name: string;
  readonly node: string;
  readonly port: string;
  readonly shape: string | undefined;
}

export type BlockNodeData = {
  readonly group: GraphGroup;
  readonly block: BlockDefinition;
  readonly inputs: readonly BlockPortView[];
  readonly outputs: readonly BlockPortView[];
  /** Trainable parameters of the instance's nodes. */
  readonly params: number;
  /** Diagnostics of the instance's nodes, so an error inside a collapsed block still shows on the canvas. */
  readonly diagnostics: readonly Diagnostic[];
  readonly status: NodeStatus;
};

export type ShapeEdgeData = {
  /** `[N,8,8,8]`, or undefined when the source could not be analysed. */
  readonly shape: string | undefined;
  readonly severity: 'error' | 'warning' | undefined;
};

export type GraphFlowNode = Node<GraphNodeData, 'graph'>;
export type BlockFlowNode = Node<BlockNodeData, 'block'>;
export type FlowNode = GraphFlowNode | BlockFlowNode;
export type FlowEdge = Edge<ShapeEdgeData, 'shape'>;

/** The React Flow id of a collapsed block instance. */
export const blockNodeId = (group: string) => `block:${group}`;
export const groupOfBlockNode = (id: string): string | undefined => (id.startsWith('block:') ? id.slice('block:'.length) : undefined);

/** The document node ids a React Flow selection stands for: a collapsed block stands for all its nodes. */
export function documentIds(flowIds: readonly string[], groups: readonly GraphGroup[] | undefined): string[] {
  return flowIds.flatMap((id) => {
    const group = groupOfBlockNode(id);
    return group === undefined ? [id] : groups?.find((g) => g.id === group)?.nodes ?? [];
  });
}

/** Ports of a node; for an unknown kind, the ports its edges use, so the edges still draw. */
function portsFor(node: GraphNode, kind: NodeKind | undefined, doc: GraphDocument): { inputs: readonly PortSpec[]; outputs: readonly PortSpec[] } {
  if (kind) {
    const { params } = resolveNodeParams(kind, node.params);
    return { inputs: portsOf(kind.inputs, params), outputs: portsOf(kind.outputs, params) };
  }
  const names = (side: 'from' | 'to') =>
    [...new Set(doc.edges.filter((e) => e[side].node === node.id).map((e) => e[side].port))].map((name) => ({ name }));
  return { inputs: names('to'), outputs: names('from') };
}

function statusOf(diagnostics: readonly Diagnostic[], blocked: boolean): NodeStatus {
  if (diagnostics.some((d) => d.severity === 'error')) return 'error';
  if (diagnostics.some((d) => d.severity === 'warning')) return 'warning';
  return blocked ? 'blocked' : 'ok';
}

const NONE: readonly Diagnostic[] = Object.freeze([]);
const sameList = <T>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

interface Indexed {
  readonly byNode: Map<string, Diagnostic[]>;
  readonly byEdge: Map<string, Diagnostic[]>;
  /** `node\0port` of input ports that carry a diagnostic. */
  readonly byInput: Map<string, Diagnostic[]>;
}

function indexDiagnostics(diagnostics: readonly Diagnostic[]): Indexed {
  const byNode = new Map<string, Diagnostic[]>(), byEdge = new Map<string, Diagnostic[]>(), byInput = new Map<string, Diagnostic[]>();
  const push = (map: Map<string, Diagnostic[]>, key: string, d: Diagnostic) => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  for (const d of diagnostics) {
    if (d.node !== undefined) push(byNode, d.node, d);
    if (d.edge !== undefined) push(byEdge, d.edge, d);
    if (d.node !== undefined && d.port !== undefined) push(byInput, `${d.node}\u0000${d.port}`, d);
  }
  return { byNode, byEdge, byInput };
}

/** Which collapsed instance hides each node, with the block port each of its boundary ports maps to. */
interface Collapsed {
  readonly hiddenIn: Map<string, string>;
  /** `node\0port` → block port name, per side. */
  readonly inputName: Map<string, string>;
  readonly outputName: Map<string, string>;
  readonly instances: { group: GraphGroup; block: BlockDefinition }[];
}

function collapsedInstances(doc: GraphDocument): Collapsed {
  const result: Collapsed = { hiddenIn: new Map(), inputName: new Map(), outputName: new Map(), instances: [] };
  for (const group of doc.groups ?? []) {
    if (!group.collapsed || group.block === undefined) continue;
    const block = doc.blocks?.find((b) => b.id === group.block);
    if (!block) continue;
    result.instances.push({ group, block });
    const copyOf = (local: string) => group.nodes[block.nodes.findIndex((n) => n.id === local)];
    for (const id of group.nodes) result.hiddenIn.set(id, group.id);
    for (const p of block.inputs) result.inputName.set(`${copyOf(p.node)}\u0000${p.port}`, p.name);
    for (const p of block.outputs) result.outputName.set(`${copyOf(p.node)}\u0000${p.port}`, p.name);
  }
  return result;
}

export interface FlowModel {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
}

/** A deriver that remembers its last output, to hand back unchanged objects. */
export function createFlowModel(): (doc: GraphDocument, analysis: Analysis, catalog: Catalog, selection: Selection) => FlowModel {
  let graphNodes = new Map<string, GraphFlowNode>();
  let edges = new Map<string, FlowEdge>();

  return (doc, analysis, catalog, selection) => {
    const index = indexDiagnostics(analysis.diagnostics);
    const collapsed = collapsedInstances(doc);
    const selectedNodes = new Set(selection.nodes);
    const selectedEdges = new Set(selection.edges);

    const nextGraphNodes = new Map<string, GraphFlowNode>();
    const nodes: FlowNode[] = [];
    for (const node of doc.nodes) {
      if (collapsed.hiddenIn.has(node.id)) continue;
      const kind = catalog.get(node.kind);
      const result = analysis.nodes.get(node.id);
      const diagnostics = index.byNode.get(node.id) ?? NONE;
      const selected = selectedNodes.has(node.id);
      const old = graphNodes.get(node.id);
      let data = old?.data;
      if (!data || data.node !== node || data.kind !== kind || data.result !== result || !sameList(data.diagnostics, diagnostics)) {
        data = { node, kind, ...portsFor(node, kind, doc), result, diagnostics, status: statusOf(diagnostics, result?.status === 'blocked') };
      }
      const flowNode: GraphFlowNode = old && old.data === data && old.selected === selected && old.position === node.position
        ? old
        : { id: node.id, type: 'graph', position: node.position, selected, data };
      nextGraphNodes.set(node.id, flowNode);
      nodes.push(flowNode);
    }
    graphNodes = nextGraphNodes;

    // Block nodes are few and summarise many nodes, so they are simply derived afresh.
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    for (const { group, block } of collapsed.instances) {
      const copyOf = (local: string) => group.nodes[block.nodes.findIndex((n) => n.id === local)]!;
      const view = (p: { name: string; node: string; port: string }, side: 'inputs' | 'outputs'): BlockPortView => {
        const node = copyOf(p.node);
        const info = analysis.nodes.get(node)?.[side][p.port];
        return { name: p.name, node, port: p.port, shape: info ? formatShape(info.shape) : undefined };
      };
      const members = group.nodes.map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined);
      const diagnostics = group.nodes.flatMap((id) => index.byNode.get(id) ?? []);
      const position = { x: Math.min(...members.map((n) => n.position.x)), y: Math.min(...members.map((n) => n.position.y)) };
      const params = group.nodes.reduce((sum, id) => sum + (analysis.nodes.get(id)?.params ?? 0), 0);
      const blocked = group.nodes.some((id) => analysis.nodes.get(id)?.status === 'blocked');
      const data: BlockNodeData = {
        group, block, params, diagnostics, status: statusOf(diagnostics, blocked),
        inputs: block.inputs.map((p) => view(p, 'inputs')), outputs: block.outputs.map((p) => view(p, 'outputs')),
      };
      nodes.push({ id: blockNodeId(group.id), type: 'block', position, selected: group.nodes.every((n) => selectedNodes.has(n)), data });
    }

    const nextEdges = new Map<string, FlowEdge>();
    const flowEdges: FlowEdge[] = [];
    for (const edge of doc.edges) {
      const flowEdge = deriveEdge(edge, analysis, index, collapsed, selectedEdges.has(edge.id), edges.get(edge.id));
      if (!flowEdge) continue;
      nextEdges.set(edge.id, flowEdge);
      flowEdges.push(flowEdge);
    }
    edges = nextEdges;
    return { nodes, edges: flowEdges };
  };
}

function deriveEdge(edge: GraphEdge, analysis: Analysis, index: Indexed, collapsed: Collapsed, selected: boolean, old: FlowEdge | undefined): FlowEdge | undefined {
  const fromGroup = collapsed.hiddenIn.get(edge.from.node);
  const toGroup = collapsed.hiddenIn.get(edge.to.node);
  if (fromGroup !== undefined && fromGroup === toGroup) return undefined;
  const info = analysis.edges.get(edge.id);
  const shape = info ? formatShape(info.shape) : undefined;
  // A diagnostic on the edge itself, or on the input port it feeds, marks the edge.
  const related = [...(index.byEdge.get(edge.id) ?? []), ...(index.byInput.get(`${edge.to.node}\u0000${edge.to.port}`) ?? [])];
  const severity = related.some((d) => d.severity === 'error') ? 'error' : related.some((d) => d.severity === 'warning') ? 'warning' : undefined;
  const source = fromGroup !== undefined ? blockNodeId(fromGroup) : edge.from.node;
  const sourceHandle = fromGroup !== undefined ? collapsed.outputName.get(`${edge.from.node}\u0000${edge.from.port}`) ?? edge.from.port : edge.from.port;
  const target = toGroup !== undefined ? blockNodeId(toGroup) : edge.to.node;
  const targetHandle = toGroup !== undefined ? collapsed.inputName.get(`${edge.to.node}\u0000${edge.to.port}`) ?? edge.to.port : edge.to.port;
  if (old && old.data?.shape === shape && old.data?.severity === severity && old.selected === selected && old.source === source
    && old.sourceHandle === sourceHandle && old.target === target && old.targetHandle === targetHandle) return old;
  return { id: edge.id, type: 'shape', source, sourceHandle, target, targetHandle, selected, data: { shape, severity } };
}
