/**
 * Copy and paste as data. A copy is a small netloom graph (the chosen nodes, the edges between them, the block
 * instances they make up, with their definitions) plus the links that fed them from outside; its text goes to the
 * system clipboard, so it also pastes into another tab. Pasting reads that text like any untrusted file (parseGraph)
 * and turns it into one batch of edits: fresh ids, internal links kept, and, on request, the outside links too.
 */
import { uniqueNodeId } from '../../engine/graph/edit.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import { differentParam } from '../../engine/graph/check-blocks.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { portRefSchema } from '../../engine/graph/schema.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import {
  GRAPH_FORMAT, GRAPH_VERSION, type BlockDefinition, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode, type Position, type PortRef,
} from '../../engine/graph/types.ts';
import { newEdgeId } from './ids.ts';

export const CLIPBOARD_FORMAT = 'netloom.clipboard';

export interface ClipboardPayload {
  /** The copied nodes as a graph of their own. */
  readonly graph: GraphDocument;
  /** Edges that fed the copied nodes from nodes that were not copied. */
  readonly inputs: readonly { readonly from: PortRef; readonly to: PortRef }[];
}

/** What a copy of `nodeIds` holds; undefined when none of them exists. */
export function copyNodes(doc: GraphDocument, nodeIds: readonly string[]): ClipboardPayload | undefined {
  const chosen = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return undefined;
  const ids = new Set(nodes.map((n) => n.id));
  const groups = (doc.groups ?? []).filter((g) => g.block !== undefined && g.nodes.every((id) => ids.has(id)));
  const blockIds = new Set(groups.map((g) => g.block));
  const blocks = (doc.blocks ?? []).filter((b) => blockIds.has(b.id));
  const graph: GraphDocument = {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    nodes,
    edges: doc.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node)),
    ...(groups.length > 0 && { groups, blocks }),
  };
  const inputs = doc.edges.filter((e) => !ids.has(e.from.node) && ids.has(e.to.node)).map((e) => ({ from: e.from, to: e.to }));
  return { graph, inputs };
}

export function clipboardText(payload: ClipboardPayload): string {
  return JSON.stringify({ format: CLIPBOARD_FORMAT, graph: JSON.parse(serializeGraph(payload.graph)), inputs: payload.inputs });
}

export type ClipboardRead = { readonly ok: true; readonly payload: ClipboardPayload } | { readonly ok: false; readonly message: string };

/** Reads clipboard text: a netloom copy, or a whole netloom graph (pasting a graph file's text adds its nodes). */
export function readClipboard(text: string): ClipboardRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the clipboard holds no netloom nodes' };
  }
  const wrapped = typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>)['format'] === CLIPBOARD_FORMAT;
  const parsed = parseGraph(wrapped ? (raw as Record<string, unknown>)['graph'] : raw);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return { ok: false, message: `the clipboard holds no valid netloom nodes (${first ? `${first.path}: ${first.message}` : 'unknown problem'})` };
  }
  const rawInputs = wrapped ? (raw as Record<string, unknown>)['inputs'] : [];
  const inputs = Array.isArray(rawInputs)
    ? rawInputs.flatMap((link: unknown) => {
      const { from, to } = (typeof link === 'object' && link !== null ? link : {}) as Record<string, unknown>;
      const a = portRefSchema.safeParse(from), b = portRefSchema.safeParse(to);
      return a.success && b.success ? [{ from: a.data, to: b.data }] : [];
    })
    : [];
  return { ok: true, payload: { graph: parsed.graph, inputs } };
}

export interface PasteOptions {
  /** Where the pasted nodes' top-left corner goes; without it they land 40 px right of and below the originals. */
  readonly at?: Position;
  /** Also reconnect the links that fed the copied nodes from outside, where their sources still exist. */
  readonly keepInputs?: boolean;
}

export interface Paste {
  readonly edits: readonly Edit[];
  /** Ids of the pasted nodes, to select them. */
  readonly nodes: readonly string[];
}

/** The edits that paste `payload` into `doc` as one step. */
export function pasteEdits(doc: GraphDocument, payload: ClipboardPayload, options: PasteOptions = {}): Paste {
  const source = payload.graph;
  const minX = Math.min(...source.nodes.map((n) => n.position.x));
  const minY = Math.min(...source.nodes.map((n) => n.position.y));
  const shift = options.at ? { x: options.at.x - minX, y: options.at.y - minY } : { x: 40, y: 40 };
  const place = (p: Position): Position => ({ x: Math.round(p.x + shift.x), y: Math.round(p.y + shift.y) });

  // Fresh ids, taken one after another so that two pasted nodes never get the same one.
  let scratch: GraphDocument = doc;
  const idOf = new Map<string, string>();
  for (const node of source.nodes) {
    const id = uniqueNodeId(scratch, node.id.replace(/_?\d+$/, '') || node.id);
    idOf.set(node.id, id);
    scratch = { ...scratch, nodes: [...scratch.nodes, { ...node, id }] };
  }
  const rename = (p: PortRef): PortRef => ({ node: idOf.get(p.node)!, port: p.port });

  const edits: Edit[] = [];
  const placed = new Set<string>();
  const newBlocks: { group: GraphGroup; definition: BlockDefinition }[] = [];
  const blockIds = new Set((doc.blocks ?? []).map((b) => b.id));
  const groupIds = new Set((doc.groups ?? []).map((g) => g.id));
  const freshGroupId = (base: string) => fresh(groupIds, base);

  // A copied instance of a block this graph has (the same definition) is placed as a new instance of it, so the
  // copies keep sharing their params; any other instance brings its definition along as a new block.
  for (const group of source.groups ?? []) {
    const definition = source.blocks?.find((b) => b.id === group.block);
    if (!definition) continue;
    const existing = doc.blocks?.find((b) => b.id === definition.id);
    if (existing && sameDefinition(existing, definition)) {
      const nodes = group.nodes.map((id) => idOf.get(id)!);
      const groupId = freshGroupId(group.id);
      edits.push({ type: 'placeBlock', block: existing.id, group: groupId, nodes, position: { x: 0, y: 0 } });
      for (const id of group.nodes) {
        placed.add(id);
        edits.push({ type: 'moveNode', node: idOf.get(id)!, position: place(source.nodes.find((n) => n.id === id)!.position) });
      }
      if (group.collapsed) edits.push({ type: 'setCollapsed', group: groupId, collapsed: true });
    } else newBlocks.push({ group, definition });
  }

  const added: Edit[] = source.nodes
    .filter((n) => !placed.has(n.id))
    .map((n): Edit => ({ type: 'addNode', node: copyNode(n, idOf.get(n.id)!, place(n.position)) }));
  edits.unshift(...added);

  let edgeDoc: GraphDocument = scratch;
  const connect = (from: PortRef, to: PortRef) => {
    const id = newEdgeId(edgeDoc, from.node, to.node);
    edgeDoc = { ...edgeDoc, edges: [...edgeDoc.edges, { id, from, to }] };
    edits.push({ type: 'connect', id, from, to });
  };
  const internalToPlaced = (e: GraphEdge) => placed.has(e.from.node) && placed.has(e.to.node) && sameGroup(source, e.from.node, e.to.node);
  for (const edge of source.edges) if (!internalToPlaced(edge)) connect(rename(edge.from), rename(edge.to));

  for (const { group, definition } of newBlocks) {
    const block = fresh(blockIds, definition.id);
    const groupId = freshGroupId(group.id);
    const local = (p: { name: string; node: string; port: string }) => ({ name: p.name, node: idOf.get(group.nodes[definition.nodes.findIndex((n) => n.id === p.node)]!)!, port: p.port });
    edits.push({
      type: 'createBlock', block, label: definition.label, group: groupId, nodes: group.nodes.map((id) => idOf.get(id)!),
      inputs: definition.inputs.map(local), outputs: definition.outputs.map(local),
    });
    if (group.collapsed) edits.push({ type: 'setCollapsed', group: groupId, collapsed: true });
  }

  if (options.keepInputs) {
    const present = new Set(doc.nodes.map((n) => n.id));
    for (const link of payload.inputs) {
      if (present.has(link.from.node) && idOf.has(link.to.node)) connect(link.from, rename(link.to));
    }
  }
  return { edits, nodes: source.nodes.map((n) => idOf.get(n.id)!) };
}

function copyNode(node: GraphNode, id: string, position: Position): GraphNode {
  return { ...node, id, position };
}

function sameGroup(g: GraphDocument, a: string, b: string): boolean {
  return (g.groups ?? []).some((group) => group.block !== undefined && group.nodes.includes(a) && group.nodes.includes(b));
}

/** Whether two definitions describe the same block: same nodes (kinds and params), edges and ports. */
function sameDefinition(a: BlockDefinition, b: BlockDefinition): boolean {
  const sameNodes = a.nodes.length === b.nodes.length
    && a.nodes.every((n, i) => n.id === b.nodes[i]!.id && n.kind === b.nodes[i]!.kind && differentParam(n.params, b.nodes[i]!.params) === undefined);
  const text = (x: BlockDefinition) => JSON.stringify([x.edges.map((e) => [e.from, e.to]), x.inputs, x.outputs]);
  return sameNodes && text(a) === text(b);
}

function fresh(taken: Set<string>, base: string): string {
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base.replace(/_?\d+$/, '')}_${k}`;
  taken.add(id);
  return id;
}
