/**
 * The rules that make "copies share the block's definition" true, checked on a document whose ids are unique and
 * whose references resolve (check-references.ts runs first):
 *
 * - a definition's local node ids, edge ids and port names are unique, its edges and ports name its own nodes,
 *   and an input port is not also fed by one of the block's own edges;
 * - an instance (a group with `block`) names a definition and holds one copy per definition node, in order, each
 *   of the same kind with the same params, and a node is a copy in at most one instance;
 * - the edges between the copies of one instance are exactly the definition's edges;
 * - an edge from outside reaches a copy only at one of the block's input ports, and leaves a copy only from one of
 *   its output ports — the block's explicit interface.
 *
 * The edit functions keep these true (block-edit.ts); parseGraph refuses a file that breaks them, at a JSON path.
 */
import type { GraphIssue } from './errors.ts';
import type { BlockDefinition, GraphDocument, GraphEdge, ParamValue } from './types.ts';

const quote = (id: string) => JSON.stringify(id);
const portKey = (node: string, port: string) => `${node}\u0000${port}`;

export function checkBlocks(g: GraphDocument, maxIssues = Number.POSITIVE_INFINITY): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const definitions = new Map<string, BlockDefinition>();
  (g.blocks ?? []).forEach((block, i) => {
    if (definitions.has(block.id)) issues.push({ path: `$.blocks[${i}].id`, message: `duplicate block id ${quote(block.id)}` });
    else definitions.set(block.id, block);
    issues.push(...checkDefinition(block, `$.blocks[${i}]`));
  });

  const nodeIndex = new Map(g.nodes.map((n, i) => [n.id, i]));
  /** Node id → the instance it is a copy in and its local id there. */
  const copyOf = new Map<string, { readonly group: string; readonly local: string; readonly block: BlockDefinition }>();
  (g.groups ?? []).forEach((group, i) => {
    if (group.block === undefined) {
      if (group.collapsed === true) issues.push({ path: `$.groups[${i}].collapsed`, message: `group ${quote(group.id)} is not a block, so it has no ports to collapse to` });
      return;
    }
    const block = definitions.get(group.block);
    if (!block) {
      issues.push({ path: `$.groups[${i}].block`, message: `group ${quote(group.id)} is an instance of unknown block ${quote(group.block)}` });
      return;
    }
    if (group.nodes.length !== block.nodes.length) {
      issues.push({
        path: `$.groups[${i}].nodes`,
        message: `group ${quote(group.id)} holds ${group.nodes.length} nodes but block ${quote(block.id)} has ${block.nodes.length}; an instance holds one copy of each, in order`,
      });
      return;
    }
    group.nodes.forEach((id, k) => {
      const path = `$.groups[${i}].nodes[${k}]`;
      const local = block.nodes[k]!;
      const other = copyOf.get(id);
      if (other) {
        issues.push({ path, message: `node ${quote(id)} is already a copy in block instance ${quote(other.group)}; instances do not overlap` });
        return;
      }
      copyOf.set(id, { group: group.id, local: local.id, block });
      const node = g.nodes[nodeIndex.get(id)!];
      if (!node) return;
      if (node.kind !== local.kind) {
        issues.push({ path, message: `node ${quote(id)} is a ${quote(node.kind)} but block ${quote(block.id)} has a ${quote(local.kind)} here (${quote(local.id)})` });
      } else {
        const differs = differentParam(node.params, local.params);
        if (differs !== undefined) {
          issues.push({ path, message: `node ${quote(id)} is a copy of ${quote(local.id)} in block ${quote(block.id)} but its param ${quote(differs)} differs; copies share the block's params` });
        }
      }
    });
  });

  issues.push(...checkInstanceEdges(g, copyOf, definitions));
  return issues.slice(0, maxIssues);
}

function checkDefinition(block: BlockDefinition, at: string): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const local = new Set<string>();
  block.nodes.forEach((n, k) => {
    if (local.has(n.id)) issues.push({ path: `${at}.nodes[${k}].id`, message: `duplicate node id ${quote(n.id)} in block ${quote(block.id)}` });
    local.add(n.id);
  });
  const edgeIds = new Set<string>();
  const fed = new Set<string>();
  block.edges.forEach((e, k) => {
    if (edgeIds.has(e.id)) issues.push({ path: `${at}.edges[${k}].id`, message: `duplicate edge id ${quote(e.id)} in block ${quote(block.id)}` });
    edgeIds.add(e.id);
    for (const side of ['from', 'to'] as const) {
      if (!local.has(e[side].node)) issues.push({ path: `${at}.edges[${k}].${side}.node`, message: `edge ${quote(e.id)} names ${quote(e[side].node)}, which is not a node of block ${quote(block.id)}` });
    }
    if (e.from.node === e.to.node) issues.push({ path: `${at}.edges[${k}]`, message: `edge ${quote(e.id)} connects ${quote(e.from.node)} to itself` });
    fed.add(portKey(e.to.node, e.to.port));
  });
  for (const side of ['inputs', 'outputs'] as const) {
    const names = new Set<string>();
    block[side].forEach((p, k) => {
      const path = `${at}.${side}[${k}]`;
      if (names.has(p.name)) issues.push({ path: `${path}.name`, message: `block ${quote(block.id)} has two ${side} named ${quote(p.name)}` });
      names.add(p.name);
      if (!local.has(p.node)) issues.push({ path: `${path}.node`, message: `port ${quote(p.name)} names ${quote(p.node)}, which is not a node of block ${quote(block.id)}` });
      else if (side === 'inputs' && fed.has(portKey(p.node, p.port))) {
        issues.push({ path, message: `input ${quote(p.name)} is ${p.node}.${p.port}, which the block's own edges already feed` });
      }
    });
  }
  return issues;
}

function checkInstanceEdges(
  g: GraphDocument,
  copyOf: ReadonlyMap<string, { readonly group: string; readonly local: string; readonly block: BlockDefinition }>,
  definitions: ReadonlyMap<string, BlockDefinition>,
): GraphIssue[] {
  if (copyOf.size === 0) return [];
  const issues: GraphIssue[] = [];
  /** Per instance, the definition edges (as local port pairs) not yet found among the graph's edges. */
  const missing = new Map<string, Map<string, GraphEdge>>();
  for (const group of g.groups ?? []) {
    const block = group.block === undefined ? undefined : definitions.get(group.block);
    if (block && group.nodes.length === block.nodes.length) missing.set(group.id, new Map(block.edges.map((e) => [edgeKey(e), e])));
  }
  const inputs = new Map<BlockDefinition, Set<string>>();
  const outputs = new Map<BlockDefinition, Set<string>>();
  const ports = (cache: Map<BlockDefinition, Set<string>>, block: BlockDefinition, side: 'inputs' | 'outputs') => {
    let set = cache.get(block);
    if (!set) cache.set(block, (set = new Set(block[side].map((p) => portKey(p.node, p.port)))));
    return set;
  };

  g.edges.forEach((e, i) => {
    const from = copyOf.get(e.from.node);
    const to = copyOf.get(e.to.node);
    if (from && to && from.group === to.group) {
      const key = edgeKey({ from: { node: from.local, port: e.from.port }, to: { node: to.local, port: e.to.port } });
      const expected = missing.get(from.group);
      if (expected?.has(key)) expected.delete(key);
      else issues.push({ path: `$.edges[${i}]`, message: `edge ${quote(e.id)} inside block instance ${quote(from.group)} is not one of block ${quote(from.block.id)}'s edges` });
      return;
    }
    if (to && !ports(inputs, to.block, 'inputs').has(portKey(to.local, e.to.port))) {
      issues.push({ path: `$.edges[${i}].to`, message: `edge ${quote(e.id)} enters block instance ${quote(to.group)} at ${e.to.node}.${e.to.port}, which is not one of the block's input ports` });
    }
    if (from && !ports(outputs, from.block, 'outputs').has(portKey(from.local, e.from.port))) {
      issues.push({ path: `$.edges[${i}].from`, message: `edge ${quote(e.id)} leaves block instance ${quote(from.group)} from ${e.from.node}.${e.from.port}, which is not one of the block's output ports` });
    }
  });
  (g.groups ?? []).forEach((group, i) => {
    for (const e of missing.get(group.id)?.values() ?? []) {
      issues.push({ path: `$.groups[${i}]`, message: `block instance ${quote(group.id)} lacks the block's edge ${e.from.node}.${e.from.port} → ${e.to.node}.${e.to.port}` });
    }
  });
  return issues;
}

const edgeKey = (e: Pick<GraphEdge, 'from' | 'to'>) => `${portKey(e.from.node, e.from.port)}\u0001${portKey(e.to.node, e.to.port)}`;

/** The first param name whose value differs between two param records, or undefined when they are equal. */
export function differentParam(a: Readonly<Record<string, ParamValue>>, b: Readonly<Record<string, ParamValue>>): string | undefined {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = Object.hasOwn(a, key) ? a[key] : undefined;
    const y = Object.hasOwn(b, key) ? b[key] : undefined;
    if (x === undefined || y === undefined) {
      if (x !== y) return key;
    } else if (!sameParamValue(x, y)) return key;
  }
  return undefined;
}

export function sameParamValue(a: ParamValue, b: ParamValue): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
