/**
 * The structural pass before any lowering: node kinds and params resolved, edges checked against ports, the
 * topological order, and cycles found. Shared by the editor's analysis and the whole-program compile.
 */
import type { GraphDocument, GraphEdge, GraphNode } from '../graph/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Catalog, NodeKind, PortSpec } from './node-kind.ts';
import { ParamTable, type ResolvedParams } from './param-table.ts';
import { resolveParams, type ParamProblem, type ParamSchema, type ParamsOf } from './params.ts';

/** Where a connected input comes from: the producer's position in the document and its output port. */
export interface Source {
  readonly index: number;
  readonly port: string;
}

export interface PreparedNode {
  /** Position in `doc.nodes`. */
  readonly index: number;
  readonly node: GraphNode;
  /** Undefined for an unknown kind. */
  readonly kind: NodeKind | undefined;
  /** The node's configuration, one object shared by every node of the same kind and params; undefined for an unknown kind. */
  readonly resolved: ResolvedParams | undefined;
  readonly params: ParamsOf<ParamSchema>;
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  /** The edge feeding each connected input port. */
  readonly incoming: Map<string, GraphEdge>;
  readonly outgoing: GraphEdge[];
  /** Aligned with `inputs`: the producer of each connected input (array lookups keep re-analysis cheap). */
  readonly sources: (Source | undefined)[];
  /** Problems with this node's kind or params. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface Prepared {
  readonly doc: GraphDocument;
  readonly nodes: ReadonlyMap<string, PreparedNode>;
  /** The prepared nodes in document order. */
  readonly list: readonly PreparedNode[];
  /** Topological order of every node not on or behind a cycle. */
  readonly order: readonly string[];
  /** The same order as positions in `list`. */
  readonly orderIndex: readonly number[];
  /** Positions of the nodes fed by each node (by document position). */
  readonly consumers: readonly (readonly number[])[];
  /** Per edge of `doc.edges`, the node and output port it comes from (whether or not the link is valid); undefined when that node does not exist. */
  readonly edgeSources: readonly (Source | undefined)[];
  /** Problems with links: unknown ports, doubly fed inputs, cycles. */
  readonly linkDiagnostics: readonly Diagnostic[];
  /** Kind and param problems of the nodes that have any, by document position. */
  readonly nodeProblems: ReadonlyMap<number, readonly Diagnostic[]>;
  /** Results that depend only on the structure, computed on demand and kept while the structure is unchanged. */
  readonly memo: Map<string, unknown>;
}

/** Every structural diagnostic: kinds and params in document order, then links. */
export function structuralDiagnostics(prepared: Prepared): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const index of [...prepared.nodeProblems.keys()].sort((a, b) => a - b)) out.push(...prepared.nodeProblems.get(index)!);
  out.push(...prepared.linkDiagnostics);
  return out;
}

/** Edits keep the params object of untouched nodes, so resolving by identity makes re-resolving after one edit cheap. */
const paramCache = new WeakMap<object, { kind: NodeKind; params: ParamsOf<ParamSchema>; problems: ParamProblem[] }>();
export function resolveNodeParams(kind: NodeKind, raw: GraphNode['params']): { params: ParamsOf<ParamSchema>; problems: ParamProblem[] } {
  const hit = paramCache.get(raw);
  if (hit && hit.kind === kind) return hit;
  const resolved = { kind, ...resolveParams(kind.params, raw) };
  paramCache.set(raw, resolved);
  return resolved;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

function paramDiagnostics(kind: NodeKind, node: GraphNode, problems: readonly ParamProblem[]): Diagnostic[] {
  return problems.map((pr) => {
    const known = Object.hasOwn(kind.params, pr.param);
    return {
      severity: known ? 'error' : 'warning', code: 'bad-param', node: node.id, param: pr.param,
      message: `${kind.label} ${node.id}: ${pr.message}${known ? `; using the default ${JSON.stringify(kind.params[pr.param]!.default)}` : ''}`,
      fix: { label: known ? `Reset ${pr.param} to its default` : `Remove ${pr.param}`, edits: [{ type: 'resetParam', node: node.id, param: pr.param }] },
    };
  });
}

/** A node with its kind and params resolved, not yet linked (`incoming`, `outgoing` and `sources` empty). */
function prepareNode(index: number, node: GraphNode, catalog: Catalog, table: ParamTable): PreparedNode {
  const kind = catalog.get(node.kind);
  if (!kind) {
    const diagnostics: Diagnostic[] = [{ severity: 'error', code: 'unknown-kind', node: node.id, message: `${node.id}: unknown node kind ${JSON.stringify(node.kind)}` }];
    return { index, node, kind, resolved: undefined, params: {}, inputs: [], outputs: [], incoming: new Map(), outgoing: [], sources: [], diagnostics };
  }
  const resolved = table.resolve(kind, node.params);
  const diagnostics = resolved.problems.length === 0 ? NO_DIAGNOSTICS : paramDiagnostics(kind, node, resolved.problems);
  return {
    index, node, kind, resolved, params: resolved.params, inputs: resolved.inputs, outputs: resolved.outputs,
    incoming: new Map(), outgoing: [], sources: new Array<Source | undefined>(resolved.inputs.length).fill(undefined), diagnostics,
  };
}

const samePorts = (a: readonly PortSpec[], b: readonly PortSpec[]): boolean =>
  a === b || (a.length === b.length && a.every((p, i) => p.name === b[i]!.name));

/**
 * After an edit that changed only params or positions (the common case while editing), the links, order and
 * cycles are unchanged: reuse them and re-resolve just the nodes whose params object changed.
 */
function reprepare(doc: GraphDocument, catalog: Catalog, previous: Prepared, table: ParamTable): Prepared | undefined {
  const before = previous.doc;
  if (doc.edges !== before.edges || doc.nodes.length !== before.nodes.length) return undefined;
  const nodes = new Map<string, PreparedNode>();
  const list: PreparedNode[] = [];
  let nodeProblems = previous.nodeProblems;
  for (let i = 0; i < doc.nodes.length; i++) {
    const node = doc.nodes[i]!, old = before.nodes[i]!;
    if (node.id !== old.id || node.kind !== old.kind) return undefined;
    const prev = previous.list[i]!;
    let next: PreparedNode;
    if (node === old) next = prev;
    else if (node.params === old.params) next = { ...prev, node };
    else {
      const fresh = prepareNode(i, node, catalog, table);
      if (!samePorts(fresh.inputs, prev.inputs) || !samePorts(fresh.outputs, prev.outputs)) return undefined;
      next = { ...fresh, incoming: prev.incoming, outgoing: prev.outgoing, sources: prev.sources };
      if (fresh.diagnostics.length > 0 || nodeProblems.has(i)) {
        const updated = new Map(nodeProblems);
        if (fresh.diagnostics.length > 0) updated.set(i, fresh.diagnostics);
        else updated.delete(i);
        nodeProblems = updated;
      }
    }
    nodes.set(node.id, next);
    list.push(next);
  }
  return { ...previous, doc, nodes, list, nodeProblems };
}

const indexOfPort = (ports: readonly PortSpec[], name: string): number => {
  for (let i = 0; i < ports.length; i++) if (ports[i]!.name === name) return i;
  return -1;
};

/**
 * The structure of `doc`. `previous` (the structure of the document before an edit) lets a params-only edit reuse
 * the links; `params` shares resolved configurations with earlier calls (a new table resolves each one afresh).
 */
export function prepareGraph(doc: GraphDocument, catalog: Catalog, previous?: Prepared, params = new ParamTable()): Prepared {
  const reused = previous && reprepare(doc, catalog, previous, params);
  if (reused) return reused;
  const diagnostics: Diagnostic[] = [];
  const n = doc.nodes.length;
  const list: PreparedNode[] = [];
  const nodes = new Map<string, PreparedNode>();
  for (let i = 0; i < n; i++) {
    const p = prepareNode(i, doc.nodes[i]!, catalog, params);
    list.push(p);
    nodes.set(p.node.id, p);
  }

  // Accepted links as (from, to) positions, in document order: the adjacency for ordering, without id lookups.
  const edgeSources: (Source | undefined)[] = [];
  const linkFrom = new Int32Array(doc.edges.length), linkTo = new Int32Array(doc.edges.length);
  let links = 0;
  const indegree = new Int32Array(n);
  for (let e = 0; e < doc.edges.length; e++) {
    const edge = doc.edges[e]!;
    const from = nodes.get(edge.from.node), to = nodes.get(edge.to.node);
    const fromSlot = from?.kind ? indexOfPort(from.outputs, edge.from.port) : -1;
    // The declared port's own name: the same text, but the catalog's string, which makes port lookups by it cheap.
    edgeSources.push(from && { index: from.index, port: fromSlot < 0 ? edge.from.port : from.outputs[fromSlot]!.name });
    if (!from || !to) {
      diagnostics.push({ severity: 'error', code: 'unknown-port', edge: edge.id, message: `edge ${edge.id} connects a node that does not exist` });
      continue;
    }
    // Unknown kinds have no declared ports; their edges are kept (nothing is lost) but lead nowhere.
    if (!from.kind || !to.kind) continue;
    if (fromSlot < 0) {
      diagnostics.push({ severity: 'error', code: 'unknown-port', edge: edge.id, node: from.node.id, port: edge.from.port,
        message: `${from.kind.label} ${from.node.id} has no output ${JSON.stringify(edge.from.port)} (outputs: ${from.outputs.map((p) => p.name).join(', ') || 'none'})`,
        fix: { label: 'Remove this link', edits: [{ type: 'disconnect', edge: edge.id }] } });
      continue;
    }
    const slot = indexOfPort(to.inputs, edge.to.port);
    if (slot < 0) {
      diagnostics.push({ severity: 'error', code: 'unknown-port', edge: edge.id, node: to.node.id, port: edge.to.port,
        message: `${to.kind.label} ${to.node.id} has no input ${JSON.stringify(edge.to.port)} (inputs: ${to.inputs.map((p) => p.name).join(', ') || 'none'})`,
        fix: { label: 'Remove this link', edits: [{ type: 'disconnect', edge: edge.id }] } });
      continue;
    }
    const existing = to.incoming.get(edge.to.port);
    if (existing) {
      diagnostics.push({ severity: 'error', code: 'duplicate-input', edge: edge.id, node: to.node.id, port: edge.to.port,
        message: `${to.kind.label} ${to.node.id}: input ${edge.to.port} is fed by both ${existing.from.node} and ${edge.from.node}; an input takes one link`,
        fix: { label: `Keep only the link from ${existing.from.node}`, edits: [{ type: 'disconnect', edge: edge.id }] } });
      continue;
    }
    to.incoming.set(edge.to.port, edge);
    from.outgoing.push(edge);
    const source = edgeSources[e]!;
    for (let i = slot; i < to.inputs.length; i++) if (to.inputs[i]!.name === edge.to.port) to.sources[i] = source;
    linkFrom[links] = from.index;
    linkTo[links] = to.index;
    links++;
    indegree[to.index]!++;
  }

  // Each node's targets in link order, as offsets into one array (compressed rows).
  const start = new Int32Array(n + 1);
  for (let k = 0; k < links; k++) start[linkFrom[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const targets = new Int32Array(links);
  const filled = start.slice(0, n);
  for (let k = 0; k < links; k++) targets[filled[linkFrom[k]!]!++] = linkTo[k]!;

  // Kahn's algorithm in document order, so the order is stable across edits.
  const order: string[] = [];
  const orderIndex: number[] = [];
  for (const p of nodes.values()) if (indegree[p.index] === 0) orderIndex.push(p.index);
  for (let i = 0; i < orderIndex.length; i++) {
    const at = orderIndex[i]!;
    order.push(list[at]!.node.id);
    for (let k = start[at]!; k < start[at + 1]!; k++) {
      const to = targets[k]!;
      if (--indegree[to]! === 0) orderIndex.push(to);
    }
  }
  if (order.length < nodes.size) reportCycles(nodes, new Set(order), diagnostics);

  // Consumers without repeats, in order of first link; `seen` marks the producer a target was last counted for.
  const seen = new Int32Array(n).fill(-1);
  const consumers: number[][] = [];
  for (let i = 0; i < n; i++) {
    const mine: number[] = [];
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const to = targets[k]!;
      if (seen[to] !== i) {
        seen[to] = i;
        mine.push(to);
      }
    }
    consumers.push(mine);
  }
  const nodeProblems = new Map<number, readonly Diagnostic[]>();
  for (const p of list) if (p.diagnostics.length > 0) nodeProblems.set(p.index, p.diagnostics);
  return { doc, nodes, list, order, orderIndex, consumers, edgeSources, linkDiagnostics: diagnostics, nodeProblems, memo: new Map() };
}

/** Tarjan's strongly connected components over the nodes Kahn's algorithm could not order. */
function reportCycles(nodes: ReadonlyMap<string, PreparedNode>, ordered: ReadonlySet<string>, diagnostics: Diagnostic[]): void {
  const index = new Map<string, number>(), low = new Map<string, number>(), onStack = new Set<string>();
  const stack: string[] = [];
  let counter = 0;
  const components: string[][] = [];
  const strongConnect = (root: string): void => {
    // Iterative DFS: a long cycle must not overflow the call stack.
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter); low.set(root, counter); counter++; stack.push(root); onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = nodes.get(frame.id)!.outgoing;
      if (frame.next < out.length) {
        const w = out[frame.next++]!.to.node;
        if (ordered.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, counter); low.set(w, counter); counter++; stack.push(w); onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.id);
        components.push(component);
      }
    }
  };
  for (const id of nodes.keys()) if (!ordered.has(id) && !index.has(id)) strongConnect(id);
  for (const component of components) {
    const members = new Set(component);
    const selfLoop = component.length === 1 && nodes.get(component[0]!)!.outgoing.some((e) => e.to.node === component[0]);
    if (component.length === 1 && !selfLoop) continue; // downstream of a cycle, not on one: blocked silently
    const path = component.slice().reverse().join(' → ');
    for (const id of component) {
      const p = nodes.get(id)!;
      const back = [...p.incoming.values()].find((e) => members.has(e.from.node));
      diagnostics.push({
        severity: 'error', code: 'cycle', node: id, ...(back ? { edge: back.id } : {}),
        message: `${p.kind?.label ?? p.node.kind} ${id} is on a cycle (${path} → ${component[component.length - 1]}); data must flow one way`,
        ...(back ? { fix: { label: `Remove the link from ${back.from.node}`, edits: [{ type: 'disconnect', edge: back.id }] } } : {}),
      });
    }
  }
}
