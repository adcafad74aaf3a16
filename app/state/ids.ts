/**
 * Fresh edge ids that say what they connect (`e-fc1-relu2`), so the document stays readable; node ids come from
 * the engine's `uniqueNodeId`.
 */
import { LIMITS, type GraphDocument } from '../../engine/graph/types.ts';

function firstFree(prefix: string, taken: ReadonlySet<string>, start = 1): string {
  for (let n = start; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}

export function newEdgeId(doc: GraphDocument, from: string, to: string): string {
  const taken = new Set(doc.edges.map((e) => e.id));
  const base = `e-${from}-${to}`;
  // Long node ids would make a name the document refuses; a plain counter always fits.
  if (base.length > LIMITS.maxNameLength - 8) return firstFree('e', taken);
  return taken.has(base) ? firstFree(`${base}-`, taken, 2) : base;
}
