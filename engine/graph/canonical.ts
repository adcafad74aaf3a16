/**
 * Fresh plain-object copies of a document with keys in one fixed order and absent optional fields left out (never
 * `undefined`). parse.ts returns this copy, so a loaded graph shares nothing with the caller's data; serialize.ts
 * prints it, so equal documents always print the same text.
 */
import type { BlockDefinition, BlockNode, BlockPort, GraphDocument, GraphEdge, GraphGroup, GraphNode, ParamValue, PortRef, TrainingSettings } from './types.ts';

export function canonicalDocument(g: GraphDocument): GraphDocument {
  return {
    format: g.format,
    version: g.version,
    ...(g.name !== undefined && { name: g.name }),
    nodes: g.nodes.map(canonicalNode),
    edges: g.edges.map(canonicalEdge),
    ...(g.groups !== undefined && { groups: g.groups.map(canonicalGroup) }),
    ...(g.training !== undefined && { training: canonicalTraining(g.training) }),
    ...(g.blocks !== undefined && { blocks: g.blocks.map(canonicalBlock) }),
  };
}

const TRAINING_KEYS = ['epochs', 'batchSize', 'seed', 'validationSplit', 'earlyStoppingPatience'] as const;

function canonicalTraining(t: TrainingSettings): TrainingSettings {
  return Object.fromEntries(TRAINING_KEYS.filter((k) => t[k] !== undefined).map((k) => [k, t[k]]));
}

export function canonicalNode(n: GraphNode): GraphNode {
  return {
    id: n.id,
    kind: n.kind,
    ...(n.label !== undefined && { label: n.label }),
    params: canonicalParams(n.params),
    position: { x: n.position.x, y: n.position.y },
    ...(n.notes !== undefined && { notes: n.notes }),
  };
}

/**
 * Params are sorted by key so that the order a user happened to set them in does not show up in diffs.
 * Object.fromEntries defines own properties, so even a `__proto__` key could not set a prototype here. (JavaScript
 * itself puts integer-like keys such as "2" first, in numeric order; the result is just as deterministic.)
 */
export function canonicalParams(params: GraphNode['params']): GraphNode['params'] {
  return Object.fromEntries(
    Object.entries(params)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key, copyParam(value)]),
  );
}

function copyParam(value: ParamValue): ParamValue {
  return typeof value === 'object' ? [...value] : value;
}

const portRef = (p: PortRef): PortRef => ({ node: p.node, port: p.port });

export function canonicalEdge(e: GraphEdge): GraphEdge {
  return { id: e.id, from: portRef(e.from), to: portRef(e.to) };
}

export function canonicalGroup(group: GraphGroup): GraphGroup {
  return {
    id: group.id,
    ...(group.label !== undefined && { label: group.label }),
    nodes: [...group.nodes],
    ...(group.block !== undefined && { block: group.block }),
    ...(group.collapsed !== undefined && { collapsed: group.collapsed }),
  };
}

/** Params sorted by key, as for graph nodes. */
export function canonicalBlockNode(n: BlockNode): BlockNode {
  return { id: n.id, kind: n.kind, params: canonicalParams(n.params), position: { x: n.position.x, y: n.position.y } };
}

const blockPort = (p: BlockPort): BlockPort => ({ name: p.name, node: p.node, port: p.port });

export function canonicalBlock(b: BlockDefinition): BlockDefinition {
  return {
    id: b.id,
    label: b.label,
    nodes: b.nodes.map(canonicalBlockNode),
    edges: b.edges.map(canonicalEdge),
    inputs: b.inputs.map(blockPort),
    outputs: b.outputs.map(blockPort),
  };
}
