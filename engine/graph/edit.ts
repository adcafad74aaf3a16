/**
 * Pure edit functions: the one code path through which the UI, the CLI, one-click fixes and tests change a graph.
 *
 * Each returns a new document and never mutates its input. Nodes, edges and groups an edit does not touch keep
 * their object identity, and so do untouched arrays: the incremental analysis (engine/compile) reuses its work for
 * every node that is still the same object. An edit that changes nothing returns the input document itself.
 *
 * An edit that would make the document invalid (unknown node or edge, duplicate id, bad name, self-loop) throws
 * GraphEditError; since the input is untouched, the caller keeps the current graph and shows the message.
 */
import type { z } from 'zod';
import { copyOf, createBlock, placeBlock, refuseIfBroken, removeBlock, setBlockLabel, setCollapsed, shareParams } from './block-edit.ts';
import { canonicalGroup, canonicalNode } from './canonical.ts';
import { sameParamValue } from './check-blocks.ts';
import type { Edit } from './edit-types.ts';
import { GraphEditError } from './errors.ts';
import { graphGroupSchema, graphNodeSchema, nameSchema, paramNameSchema, paramValueSchema, portRefSchema, positionSchema, trainingSettingsSchema } from './schema.ts';
import { LIMITS, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode, type ParamValue, type Position, type PortRef, type TrainingSettings } from './types.ts';
import { issuesFromZod } from './zod-issues.ts';

const quote = (id: string) => JSON.stringify(id);

export function addNode(g: GraphDocument, node: GraphNode): GraphDocument {
  ensure(graphNodeSchema, node, 'new node');
  if (g.nodes.some((n) => n.id === node.id)) throw new GraphEditError(`a node ${quote(node.id)} already exists`);
  if (g.nodes.length >= LIMITS.maxNodes) throw new GraphEditError(`a graph holds at most ${LIMITS.maxNodes} nodes`);
  return { ...g, nodes: [...g.nodes, canonicalNode(node)] };
}

/**
 * Removes the node, the edges into and out of it, and its memberships in groups. A copy in a block instance is
 * refused: remove the instance's group first (unpacking it), as deleting a whole block instance does.
 */
export function removeNode(g: GraphDocument, id: string): GraphDocument {
  const index = nodeIndex(g, id);
  const copy = copyOf(g, id);
  if (copy) throw new GraphEditError(`node ${quote(id)} is inside block instance ${quote(copy.group.id)}; unpack the block to change what is inside it, or delete the whole block`);
  const edges = filterKeep(g.edges, (e) => e.from.node !== id && e.to.node !== id);
  const groups = g.groups && mapKeep(g.groups, (group) => (group.nodes.includes(id) ? { ...group, nodes: group.nodes.filter((n) => n !== id) } : group));
  return { ...g, nodes: removeAt(g.nodes, index), edges, ...(groups && { groups }) };
}

/**
 * Connects an output port to an input port. An input takes one edge, so an edge already feeding `to` is replaced
 * (in its place in the list). Without `id`, the new edge gets the first free id `e<k>` from k = edges + 1.
 */
export function connect(g: GraphDocument, from: PortRef, to: PortRef, id?: string): GraphDocument {
  ensure(portRefSchema, from, 'connect from');
  ensure(portRefSchema, to, 'connect to');
  if (id !== undefined) ensure(nameSchema, id, 'edge id');
  nodeIndex(g, from.node);
  nodeIndex(g, to.node);
  if (from.node === to.node) throw new GraphEditError(`cannot connect node ${quote(from.node)} to itself; a self-loop would be a cycle`);
  const replaced = g.edges.findIndex((e) => e.to.node === to.node && e.to.port === to.port);
  const old = g.edges[replaced];
  if (old && old.from.node === from.node && old.from.port === from.port && (id === undefined || id === old.id)) return g;
  if (id !== undefined && g.edges.some((e, i) => e.id === id && i !== replaced)) throw new GraphEditError(`an edge ${quote(id)} already exists`);
  const edge: GraphEdge = { id: id ?? freshEdgeId(g.edges), from: { node: from.node, port: from.port }, to: { node: to.node, port: to.port } };
  const next = { ...g, edges: replaced >= 0 ? replaceAt(g.edges, replaced, edge) : [...g.edges, edge] };
  return refuseIfBroken(next, `cannot connect ${from.node}.${from.port} to ${to.node}.${to.port}`);
}

export function disconnect(g: GraphDocument, edgeId: string): GraphDocument {
  const index = g.edges.findIndex((e) => e.id === edgeId);
  if (index < 0) throw new GraphEditError(`no edge ${quote(edgeId)} in the graph`);
  return refuseIfBroken({ ...g, edges: removeAt(g.edges, index) }, `cannot disconnect ${quote(edgeId)}`);
}

/** Sets a param; on a copy inside a block instance, the block's definition and every copy change with it. */
export function setParam(g: GraphDocument, node: string, param: string, value: ParamValue): GraphDocument {
  ensure(paramNameSchema, param, 'param name');
  ensure(paramValueSchema, value, `param ${quote(param)}`);
  return shared(g, node, updateNode(g, node, (n) => {
    const current = Object.hasOwn(n.params, param) ? n.params[param] : undefined;
    if (current !== undefined && sameParamValue(current, value)) return n;
    return { ...n, params: { ...n.params, [param]: typeof value === 'object' ? [...value] : value } };
  }));
}

/** Removes a param so that its default applies again; a param that is not set is left as it is. Shared like setParam. */
export function resetParam(g: GraphDocument, node: string, param: string): GraphDocument {
  return shared(g, node, updateNode(g, node, (n) =>
    Object.hasOwn(n.params, param) ? { ...n, params: Object.fromEntries(Object.entries(n.params).filter(([k]) => k !== param)) } : n,
  ));
}

/** After a param change on `node`, hands the new params to its block's definition and sibling copies, if it is a copy. */
function shared(before: GraphDocument, node: string, after: GraphDocument): GraphDocument {
  if (after === before) return after;
  const copy = copyOf(before, node);
  return copy ? shareParams(after, copy, after.nodes.find((n) => n.id === node)!.params) : after;
}

export function moveNode(g: GraphDocument, node: string, position: Position): GraphDocument {
  ensure(positionSchema, position, 'position');
  return updateNode(g, node, (n) =>
    n.position.x === position.x && n.position.y === position.y ? n : { ...n, position: { x: position.x, y: position.y } },
  );
}

/** Changes a node's id; the edges and groups that name it follow. */
export function renameNode(g: GraphDocument, node: string, newId: string): GraphDocument {
  const index = nodeIndex(g, node);
  if (newId === node) return g;
  ensure(nameSchema, newId, 'new node id');
  if (g.nodes.some((n) => n.id === newId)) throw new GraphEditError(`cannot rename ${quote(node)}: a node ${quote(newId)} already exists`);
  const follow = (p: PortRef): PortRef => (p.node === node ? { node: newId, port: p.port } : p);
  const edges = mapKeep(g.edges, (e) => (e.from.node === node || e.to.node === node ? { ...e, from: follow(e.from), to: follow(e.to) } : e));
  const groups = g.groups && mapKeep(g.groups, (group) =>
    group.nodes.includes(node) ? { ...group, nodes: group.nodes.map((n) => (n === node ? newId : n)) } : group,
  );
  return { ...g, nodes: replaceAt(g.nodes, index, { ...g.nodes[index]!, id: newId }), edges, ...(groups && { groups }) };
}

/** Sets the display label; `undefined` or an empty string (a cleared text field) removes it. */
export function setLabel(g: GraphDocument, node: string, label: string | undefined): GraphDocument {
  const next = label === '' ? undefined : label;
  if (next !== undefined) ensure(nameSchema, next, 'label');
  return updateNode(g, node, (n) => {
    if (n.label === next) return n;
    const { label: _previous, ...rest } = n;
    return next === undefined ? rest : { ...rest, label: next };
  });
}

/** Sets the notes; `undefined` or an empty string removes them. */
export function setNotes(g: GraphDocument, node: string, notes: string | undefined): GraphDocument {
  const next = notes === '' ? undefined : notes;
  if (next !== undefined) ensure(graphNodeSchema.shape.notes, next, 'notes');
  return updateNode(g, node, (n) => {
    if (n.notes === next) return n;
    const { notes: _previous, ...rest } = n;
    return next === undefined ? rest : { ...rest, notes: next };
  });
}

export function setTraining(g: GraphDocument, training: TrainingSettings | undefined): GraphDocument {
  const { training: _previous, ...rest } = g;
  if (training === undefined || Object.keys(training).length === 0) return rest;
  ensure(trainingSettingsSchema, training, 'training settings');
  return { ...rest, training };
}

/**
 * Adds a group, or replaces the group with the same id (in its place in the list). A group that is (or was) a
 * block instance must still follow the block rules afterwards (check-blocks.ts).
 */
export function setGroup(g: GraphDocument, group: GraphGroup): GraphDocument {
  ensure(graphGroupSchema, group, `group ${quote(group.id)}`);
  const known = new Set(g.nodes.map((n) => n.id));
  const unknown = group.nodes.find((id) => !known.has(id));
  if (unknown !== undefined) throw new GraphEditError(`group ${quote(group.id)} names unknown node ${quote(unknown)}`);
  const copy = canonicalGroup(group);
  const groups = g.groups ?? [];
  const index = groups.findIndex((x) => x.id === group.id);
  return refuseIfBroken({ ...g, groups: index >= 0 ? replaceAt(groups, index, copy) : [...groups, copy] }, `cannot set group ${quote(group.id)}`);
}

/** Removes a group (not its nodes). The last group's removal drops `groups` from the document. */
export function removeGroup(g: GraphDocument, id: string): GraphDocument {
  const index = (g.groups ?? []).findIndex((x) => x.id === id);
  if (index < 0) throw new GraphEditError(`no group ${quote(id)} in the graph`);
  const { groups = [], ...rest } = g;
  return groups.length === 1 ? rest : { ...rest, groups: removeAt(groups, index) };
}

export function applyEdit(g: GraphDocument, edit: Edit): GraphDocument {
  switch (edit.type) {
    case 'addNode': return addNode(g, edit.node);
    case 'removeNode': return removeNode(g, edit.node);
    case 'connect': return connect(g, edit.from, edit.to, edit.id);
    case 'disconnect': return disconnect(g, edit.edge);
    case 'setParam': return setParam(g, edit.node, edit.param, edit.value);
    case 'resetParam': return resetParam(g, edit.node, edit.param);
    case 'moveNode': return moveNode(g, edit.node, edit.position);
    case 'renameNode': return renameNode(g, edit.node, edit.newId);
    case 'setLabel': return setLabel(g, edit.node, edit.label);
    case 'setNotes': return setNotes(g, edit.node, edit.notes);
    case 'setGroup': return setGroup(g, edit.group);
    case 'removeGroup': return removeGroup(g, edit.group);
    case 'createBlock': return createBlock(g, edit);
    case 'placeBlock': return placeBlock(g, edit);
    case 'removeBlock': return removeBlock(g, edit.block);
    case 'setBlockLabel': return setBlockLabel(g, edit.block, edit.label);
    case 'setCollapsed': return setCollapsed(g, edit.group, edit.collapsed);
    case 'setTraining': return setTraining(g, edit.training);
    default: {
      // Edits also arrive as data (undo history, the CLI), where the type system cannot vouch for them.
      const unknown: never = edit;
      throw new GraphEditError(`unknown edit type ${quote(String((unknown as { type?: unknown }).type))}`);
    }
  }
}

/** Applies edits in order; all or nothing, since a refused edit throws before any document is returned. */
export function applyEdits(g: GraphDocument, edits: readonly Edit[]): GraphDocument {
  return edits.reduce(applyEdit, g);
}

/**
 * A free node id from a kind or name: `relu1`, `linear2`, `conv2d_3`. Ids prefix weight names (`conv2d_3.weight`)
 * and become PyTorch attribute names, so they stay identifier-like. A stem with a digit in it gets an underscore
 * before the counter, which would otherwise run into the stem's own digits (`conv2d1`).
 */
export function uniqueNodeId(g: GraphDocument, base: string): string {
  // Shortened so that the counter still fits within the name limit.
  const stem = base.replace(/[^A-Za-z0-9_]/g, '_').slice(0, LIMITS.maxNameLength - 10) || 'node';
  const prefix = /\d/.test(stem) ? `${stem}_` : stem;
  const taken = new Set(g.nodes.map((n) => n.id));
  for (let k = 1; ; k++) if (!taken.has(`${prefix}${k}`)) return `${prefix}${k}`;
}

function ensure(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const [first] = issuesFromZod(result.error.issues);
  // The path is relative to `what`: "new node label: ...", "param \"sizes\"[0]: ...".
  const path = first?.path ?? '$';
  const where = path.startsWith('$.') ? ` ${path.slice(2)}` : path.slice(1);
  throw new GraphEditError(`${what}${where}: ${first?.message ?? 'is not valid'}`);
}

function nodeIndex(g: GraphDocument, id: string): number {
  const index = g.nodes.findIndex((n) => n.id === id);
  if (index < 0) throw new GraphEditError(`no node ${quote(id)} in the graph`);
  return index;
}

function updateNode(g: GraphDocument, id: string, change: (n: GraphNode) => GraphNode): GraphDocument {
  const index = nodeIndex(g, id);
  const old = g.nodes[index]!;
  const next = change(old);
  return next === old ? g : { ...g, nodes: replaceAt(g.nodes, index, next) };
}

function freshEdgeId(edges: readonly GraphEdge[]): string {
  const taken = new Set(edges.map((e) => e.id));
  for (let k = edges.length + 1; ; k++) if (!taken.has(`e${k}`)) return `e${k}`;
}

function replaceAt<T>(items: readonly T[], index: number, item: T): readonly T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function removeAt<T>(items: readonly T[], index: number): readonly T[] {
  return [...items.slice(0, index), ...items.slice(index + 1)];
}

/** Like map, but returns `items` itself when no item changed, so an untouched array keeps its identity. */
function mapKeep<T>(items: readonly T[], f: (item: T) => T): readonly T[] {
  const mapped = items.map(f);
  return mapped.every((item, i) => item === items[i]) ? items : mapped;
}

/** Like filter, but returns `items` itself when nothing was removed. */
function filterKeep<T>(items: readonly T[], keep: (item: T) => boolean): readonly T[] {
  const kept = items.filter(keep);
  return kept.length === items.length ? items : kept;
}
