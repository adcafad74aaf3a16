/**
 * Canonical JSON text of a document: fixed key order (format, version, name, nodes, edges, groups, training, blocks; within a node
 * id, kind, label, params sorted by key, position, notes), 2-space indent, trailing newline. Saving an unchanged
 * graph gives byte-identical text, and a change shows up in a diff as the lines it touched.
 */
import { canonicalDocument } from './canonical.ts';
import type { GraphDocument } from './types.ts';

export function serializeGraph(g: GraphDocument): string {
  return `${JSON.stringify(canonicalDocument(g), null, 2)}\n`;
}
