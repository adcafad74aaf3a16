/**
 * The structural pass before any lowering: node kinds and params resolved, edges checked against ports, the
 * topological order, and cycles found. Shared by the editor's analysis and the whole-program compile.
 */
import type { GraphDocument, GraphEdge, GraphNode } from '../graph/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { portsOf, type Catalog, type NodeKind, type PortSpec } from './node-kind.ts';
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
  readonly params: ParamsOf<ParamSchema>;
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  /** The edge feeding each connected input port. */
  readonly incoming: Map<string, GraphEdge>;
  readonly outgoing: GraphEdge[];
  /** Aligned with `inputs`: the producer of each connected input (array lookups keep re-analysis cheap). */
  sources: readonly (Source | undefined)[];
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

/** Edits keep the params object of untouched nodes, so resolving by identity makes re-analysis after one edit cheap. */
const paramCache = new WeakMap<object, { kind: NodeKind; params: ParamsOf<ParamSchema>; problems: ParamProblem[] }>();
export function resolveNodeParams(kind: NodeKind, raw: GraphNode['params']): { params: ParamsOf<ParamSchema>; problems: ParamProblem[] } {
  const hit = paramCache.get(raw);
  if (hit && hit.kind === kind) return hit;
  const resolved = { kind, ...resolveParams(kind.params, raw) };
  paramCache.set(raw, resolved);
  return resolved;
}

function prepareNode(index: number, node: GraphNode, catalog: Catalog): PreparedNode {
  const kind = catalog.get(node.kind);
  if (!kind) {
    const diagnostics: Diagnostic[] = [{ severity: 'error', code: 'unknown-kind', node: node.id, message: `${node.id}: unknown node kind ${JSON.stringify(node.kind)}` }];
    return { index, node, kind, params: {}, inputs: [], outputs: [], incoming: new Map(), outgoing: [], sources: [], diagnostics };
  }
  const { params, problems } = resolveNodeParams(kind, node.params);
  const diagnostics: Diagnostic[] = problems.map((pr) => {
    const known = Object.hasOwn(kind.params, pr.param);
    return {
      severity: known ? 'error' : 'warning', code: 'bad-param', node: node.id, param: pr.param,
      message: `${kind.label} ${node.id}: ${pr.message}${known ? `; using the default ${JSON.stringify(kind.params[pr.param]!.default)}` : ''}`,
      fix: { label: known ? `Reset ${pr.param} to its default` : `Remove ${pr.param}`, edits: [{ type: 'resetParam', node: node.id, param: pr.param }] },
    };
  });
  return { index, node, kind, params, inputs: portsOf(kind.inputs, params), outputs: portsOf(kind.outputs, params), incoming: new Map(), outgoing: [], sources: [], diagnostics };
}

const samePorts = (a: readonly PortSpec[], b: readonly PortSpec[]): boolean =>
  a === b || (a.length === b.length && a.every((p, i) => p.name === b[i]!.name));

/**
 * After an edit that changed only params or positions (the common case while editing), the links, order and
 * cycles are unchanged: reuse them and re-resolve just the nodes whose params object changed.
 */
function reprepare(doc: GraphDocument, catalog: Catalog, previous: Prepared): Prepared | undefined {
  const before = previous.doc;
  if (doc.edges !== before.edges || doc.nodes.length !== before.nodes.length) return undefined;
  const nodes = new Map<string, PreparedNode>();
  const list: PreparedNode[] = [];
  let nodeProblems = previous.nodeProblems;
  for (let i = 0; i < doc.nodes.length; i++) {
    const node = doc.nodes[i]!, old = before.nodes[i]!;
    if (node.id !== old.id || node.kind !== old.kind) return undefined;
    const prev = previous.nodes.get(node.id)!;
    let next: PreparedNode;
    if (node === old) next = prev;
    else if (node.params === old.params) next = { ...prev, node };
    else {
      const fresh = prepareNode(i, node, catalog);
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

export function prepareGraph(doc: GraphDocument, catalog: Catalog, previous?: Prepared): Prepared {
  const reused = previous && reprepare(doc, catalog, previous);
  if (reused) return reused;
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, PreparedNode>();
  const list = doc.nodes.map((node, i) => prepareNode(i, node, catalog));
  for (const p of list) nodes.set(p.node.id, p);

  const indegree = new Map<string, number>();
  for (const id of nodes.keys()) indegree.set(id, 0);
  for (const edge of doc.edges) {
    const from = nodes.get(edge.from.node), to = nodes.get(edge.to.node);
    if (!from || !to) {
      diagnostics.push({ severity: 'error', code: 'unknown-port', edge: edge.id, message: `edge ${edge.id} connects a node that does not exist` });
      continue;
    }
    // Unknown kinds have no declared ports; their edges are kept (nothing is lost) but lead nowhere.
    if (!from.kind || !to.kind) continue;
    if (!from.outputs.some((p) => p.name === edge.from.port)) {
      diagnostics.push({ severity: 'error', code: 'unknown-port', edge: edge.id, node: from.node.id, port: edge.from.port,
        message: `${from.kind.label} ${from.node.id} has no output ${JSON.stringify(edge.from.port)} (outputs: ${from.outputs.map((p) => p.name).join(', ') || 'none'})`,
        fix: { label: 'Remove this link', edits: [{ type: 'disconnect', edge: edge.id }] } });
      continue;
    }
    if (!to.inputs.some((p) => p.name === edge.to.port)) {
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
    indegree.set(to.node.id, indegree.get(to.node.id)! + 1);
  }

  // Kahn's algorithm in document order, so the order is stable across edits.
  const order: string[] = [];
  const ready = [...nodes.keys()].filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    order.push(id);
    for (const edge of nodes.get(id)!.outgoing) {
      const left = indegree.get(edge.to.node)! - 1;
      indegree.set(edge.to.node, left);
      if (left === 0) ready.push(edge.to.node);
    }
  }
  if (order.length < nodes.size) reportCycles(nodes, new Set(order), diagnostics);
  for (const p of list) {
    p.sources = p.inputs.map((spec) => {
      const edge = p.incoming.get(spec.name);
      return edge && { index: nodes.get(edge.from.node)!.index, port: edge.from.port };
    });
  }
  const consumers = list.map((p) => [...new Set(p.outgoing.map((e) => nodes.get(e.to.node)!.index))]);
  const nodeProblems = new Map<number, readonly Diagnostic[]>();
  for (const p of list) if (p.diagnostics.length > 0) nodeProblems.set(p.index, p.diagnostics);
  return {
    doc, nodes, list, order, orderIndex: order.map((id) => nodes.get(id)!.index), consumers,
    linkDiagnostics: diagnostics, nodeProblems, memo: new Map(),
  };
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
