/**
 * Edits that create, place, fold and remove reusable blocks (types.ts explains the design), and the lookups the
 * other edit functions use to keep block instances true to their definition. Pure, like edit.ts: each returns a new
 * document, and a refused edit throws GraphEditError with the input untouched.
 */
import { canonicalEdge, canonicalGroup, canonicalParams } from './canonical.ts';
import { checkBlocks } from './check-blocks.ts';
import { GraphEditError } from './errors.ts';
import { nameSchema } from './schema.ts';
import {
  GRAPH_VERSION, LIMITS, type BlockDefinition, type BlockPort, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode,
  type Position,
} from './types.ts';

const quote = (id: string) => JSON.stringify(id);

/** Where a node sits in a block instance: the group, its definition and the node's position in both. */
export interface Copy {
  readonly group: GraphGroup;
  readonly groupIndex: number;
  readonly block: BlockDefinition;
  readonly blockIndex: number;
  /** Index into `group.nodes` and `block.nodes`. */
  readonly index: number;
}

/** The block instance a node is a copy in, if any (cheap when the document has no blocks). */
export function copyOf(g: GraphDocument, node: string): Copy | undefined {
  if (!g.blocks || !g.groups) return undefined;
  for (let groupIndex = 0; groupIndex < g.groups.length; groupIndex++) {
    const group = g.groups[groupIndex]!;
    if (group.block === undefined) continue;
    const index = group.nodes.indexOf(node);
    if (index < 0) continue;
    const blockIndex = g.blocks.findIndex((b) => b.id === group.block);
    if (blockIndex < 0) return undefined;
    return { group, groupIndex, block: g.blocks[blockIndex]!, blockIndex, index };
  }
  return undefined;
}

/** Refuses a structural change (remove, connect, disconnect) that would break a block instance's rules. */
export function refuseIfBroken(g: GraphDocument, what: string): GraphDocument {
  if (!g.blocks) return g;
  const [first] = checkBlocks(g, 1);
  if (first) throw new GraphEditError(`${what}: ${first.message}; unpack the block to change what is inside it`);
  return g;
}

/**
 * Gives a copy's new params to the block definition and to every copy of the same definition node, so all
 * instances stay alike. `params` is the already-changed params object of the copy that was edited.
 */
export function shareParams(g: GraphDocument, copy: Copy, params: GraphNode['params']): GraphDocument {
  const block = copy.block;
  const definitionNode = block.nodes[copy.index]!;
  const blocks = g.blocks!.slice();
  blocks[copy.blockIndex] = { ...block, nodes: block.nodes.map((n, i) => (i === copy.index ? { ...definitionNode, params: canonicalParams(params) } : n)) };
  const copies = new Set<string>();
  for (const group of g.groups!) if (group.block === block.id) copies.add(group.nodes[copy.index]!);
  const nodes = g.nodes.map((n) => (copies.has(n.id) ? { ...n, params: canonicalParams(params) } : n));
  return { ...g, nodes, blocks };
}

export interface CreateBlockRequest {
  /** Id of the new definition. */
  readonly block: string;
  readonly label: string;
  /** Id of the group that becomes its first instance. */
  readonly group: string;
  /** The nodes to turn into the block, in the order the definition keeps them. */
  readonly nodes: readonly string[];
  /** Ports by the nodes' current ids; they become the definition's local ids. */
  readonly inputs: readonly BlockPort[];
  readonly outputs: readonly BlockPort[];
}

/**
 * Turns existing nodes into a block: a new definition made from them (kinds, params, the edges between them,
 * positions relative to their top-left corner) and a group that is its first instance. Every edge that crosses the
 * selection's boundary must go through one of the given ports.
 */
export function createBlock(g: GraphDocument, request: CreateBlockRequest): GraphDocument {
  for (const [what, id] of [['block id', request.block], ['block label', request.label], ['group id', request.group]] as const) checkName(id, what);
  if (g.blocks?.some((b) => b.id === request.block)) throw new GraphEditError(`a block ${quote(request.block)} already exists`);
  if (g.groups?.some((x) => x.id === request.group)) throw new GraphEditError(`a group ${quote(request.group)} already exists`);
  if (request.nodes.length === 0) throw new GraphEditError('a block needs at least one node');
  const members = new Set(request.nodes);
  if (members.size !== request.nodes.length) throw new GraphEditError('a block lists each node once');
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const nodes = request.nodes.map((id) => {
    const node = byId.get(id);
    if (!node) throw new GraphEditError(`no node ${quote(id)} in the graph`);
    const copy = copyOf(g, id);
    if (copy) throw new GraphEditError(`node ${quote(id)} is already in block instance ${quote(copy.group.id)}; blocks do not nest`);
    return node;
  });
  for (const [side, ports] of [['input', request.inputs], ['output', request.outputs]] as const) {
    for (const p of ports) {
      checkName(p.name, `${side} port name`);
      if (!members.has(p.node)) throw new GraphEditError(`${side} port ${quote(p.name)} names ${quote(p.node)}, which is not in the block`);
    }
  }
  const x0 = Math.min(...nodes.map((n) => n.position.x));
  const y0 = Math.min(...nodes.map((n) => n.position.y));
  const definition: BlockDefinition = {
    id: request.block,
    label: request.label,
    nodes: nodes.map((n) => ({ id: n.id, kind: n.kind, params: canonicalParams(n.params), position: { x: n.position.x - x0, y: n.position.y - y0 } })),
    edges: g.edges.filter((e) => members.has(e.from.node) && members.has(e.to.node)).map(canonicalEdge),
    inputs: request.inputs.map((p) => ({ name: p.name, node: p.node, port: p.port })),
    outputs: request.outputs.map((p) => ({ name: p.name, node: p.node, port: p.port })),
  };
  const group: GraphGroup = { id: request.group, label: request.label, nodes: [...request.nodes], block: request.block };
  return refuseIfBroken(
    { ...g, version: GRAPH_VERSION, groups: [...(g.groups ?? []), group], blocks: [...(g.blocks ?? []), definition] },
    `cannot make block ${quote(request.label)}`,
  );
}

export interface PlaceBlockRequest {
  readonly block: string;
  /** Id of the new instance's group. */
  readonly group: string;
  /** Ids for the copies, one per definition node, in its order. */
  readonly nodes: readonly string[];
  /** The new instance's top-left corner. */
  readonly position: Position;
}

/** Adds a new instance of a block: fresh copies of its nodes and edges, and the group that ties them to it. */
export function placeBlock(g: GraphDocument, request: PlaceBlockRequest): GraphDocument {
  const block = g.blocks?.find((b) => b.id === request.block);
  if (!block) throw new GraphEditError(`no block ${quote(request.block)} in the graph`);
  checkName(request.group, 'group id');
  if (g.groups?.some((x) => x.id === request.group)) throw new GraphEditError(`a group ${quote(request.group)} already exists`);
  if (request.nodes.length !== block.nodes.length) {
    throw new GraphEditError(`block ${quote(block.id)} has ${block.nodes.length} nodes, so an instance needs ${block.nodes.length} ids, not ${request.nodes.length}`);
  }
  const taken = new Set(g.nodes.map((n) => n.id));
  for (const id of request.nodes) {
    checkName(id, 'node id');
    if (taken.has(id)) throw new GraphEditError(`a node ${quote(id)} already exists`);
    taken.add(id);
  }
  if (g.nodes.length + block.nodes.length > LIMITS.maxNodes) throw new GraphEditError(`a graph holds at most ${LIMITS.maxNodes} nodes`);
  const idOf = new Map(block.nodes.map((n, i) => [n.id, request.nodes[i]!]));
  const nodes: GraphNode[] = block.nodes.map((n, i) => ({
    id: request.nodes[i]!,
    kind: n.kind,
    params: canonicalParams(n.params),
    position: { x: request.position.x + n.position.x, y: request.position.y + n.position.y },
  }));
  const edgeIds = new Set(g.edges.map((e) => e.id));
  const edges: GraphEdge[] = block.edges.map((e) => {
    const id = freshId(edgeIds, `${request.group}-${e.id}`);
    return { id, from: { node: idOf.get(e.from.node)!, port: e.from.port }, to: { node: idOf.get(e.to.node)!, port: e.to.port } };
  });
  const group: GraphGroup = { id: request.group, label: block.label, nodes: [...request.nodes], block: block.id };
  return { ...g, version: GRAPH_VERSION, nodes: [...g.nodes, ...nodes], edges: [...g.edges, ...edges], groups: [...(g.groups ?? []), group] };
}

/** Removes a block definition; its instances stay as plain groups of ordinary nodes (unpacked). */
export function removeBlock(g: GraphDocument, id: string): GraphDocument {
  const index = (g.blocks ?? []).findIndex((b) => b.id === id);
  if (index < 0) throw new GraphEditError(`no block ${quote(id)} in the graph`);
  const { blocks = [], ...rest } = g;
  const groups = g.groups?.map((group) => (group.block === id ? unpacked(group) : group));
  const remaining = blocks.filter((_, i) => i !== index);
  return { ...rest, ...(groups && { groups }), ...(remaining.length > 0 && { blocks: remaining }) };
}

/** Draws a block instance as one node (collapsed) or as its nodes. */
export function setCollapsed(g: GraphDocument, groupId: string, collapsed: boolean): GraphDocument {
  const groups = g.groups ?? [];
  const index = groups.findIndex((x) => x.id === groupId);
  if (index < 0) throw new GraphEditError(`no group ${quote(groupId)} in the graph`);
  const group = groups[index]!;
  if (group.block === undefined) throw new GraphEditError(`group ${quote(groupId)} is not a block, so it has no ports to collapse to`);
  if ((group.collapsed ?? false) === collapsed) return g;
  const { collapsed: _previous, ...rest } = group;
  const next = collapsed ? { ...rest, collapsed: true } : rest;
  return { ...g, groups: groups.map((x, i) => (i === index ? canonicalGroup(next) : x)) };
}

/** Renames a block definition (its label); instances keep their own group labels. */
export function setBlockLabel(g: GraphDocument, id: string, label: string): GraphDocument {
  checkName(label, 'block label');
  const blocks = g.blocks ?? [];
  const index = blocks.findIndex((b) => b.id === id);
  if (index < 0) throw new GraphEditError(`no block ${quote(id)} in the graph`);
  if (blocks[index]!.label === label) return g;
  return { ...g, blocks: blocks.map((b, i) => (i === index ? { ...b, label } : b)) };
}

/** A group without its block link: its nodes become ordinary nodes that happen to be grouped. */
export function unpacked(group: GraphGroup): GraphGroup {
  const { block: _block, collapsed: _collapsed, ...rest } = group;
  return rest;
}

function checkName(value: string, what: string): void {
  const result = nameSchema.safeParse(value);
  if (!result.success) throw new GraphEditError(`${what}: ${result.error.issues[0]?.message ?? 'is not valid'}`);
}

function freshId(taken: Set<string>, base: string): string {
  const stem = base.slice(0, LIMITS.maxNameLength - 8);
  let id = stem;
  for (let k = 2; taken.has(id); k++) id = `${stem}-${k}`;
  taken.add(id);
  return id;
}
