/** The one edit that turns selected nodes into a named block (a definition and its first instance), or why not. */
import type { Catalog } from '../../engine/compile/node-kind.ts';
import type { Edit } from '../../engine/graph/edit-types.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { blockPorts } from './block-ports.ts';

export type GroupResult = { readonly ok: true; readonly edit: Edit; readonly group: string } | { readonly ok: false; readonly reason: string };

/** `ResNet block` → `resnet_block`: block and group ids stay identifier-like, as node ids do. */
function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'block';
}

function free(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}_${k}`)) return `${base}_${k}`;
}

export function groupAsBlock(doc: GraphDocument, catalog: Catalog, nodeIds: readonly string[], label: string): GroupResult {
  const chosen = new Set(nodeIds);
  // Document order, so the definition lists its nodes the way the graph does.
  const nodes = doc.nodes.filter((n) => chosen.has(n.id)).map((n) => n.id);
  if (nodes.length === 0) return { ok: false, reason: 'select the nodes to group first' };
  const name = label.trim() || 'Block';
  const block = free(new Set((doc.blocks ?? []).map((b) => b.id)), slug(name));
  const groupIds = new Set([...(doc.groups ?? []).map((g) => g.id), ...doc.nodes.map((n) => n.id)]);
  const group = free(groupIds, `${block}_1`);
  const { inputs, outputs } = blockPorts(doc, catalog, nodes);
  return { ok: true, group, edit: { type: 'createBlock', block, label: name, group, nodes, inputs, outputs } };
}
