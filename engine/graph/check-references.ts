/**
 * The document-level rules zod cannot express: ids are unique, and every id an edge or group names exists.
 *
 * Two edges into one input port are deliberately not refused here: the analysis reports them on the node with a
 * one-click fix (`duplicate-input` in engine/compile), which a file refused at load could never show. Cycles and
 * self-loops are left to the analysis for the same reason.
 */
import type { GraphIssue } from './errors.ts';
import type { GraphDocument } from './types.ts';

const quote = (id: string) => JSON.stringify(id);

export function checkReferences(g: GraphDocument, maxIssues: number): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const firstIndex = (seen: Map<string, number>, id: string, i: number): number | undefined => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    return first;
  };

  const nodes = new Map<string, number>();
  g.nodes.forEach((n, i) => {
    const first = firstIndex(nodes, n.id, i);
    if (first !== undefined) issues.push({ path: `$.nodes[${i}].id`, message: `duplicate node id ${quote(n.id)} (also at $.nodes[${first}])` });
  });

  const edges = new Map<string, number>();
  g.edges.forEach((e, i) => {
    const first = firstIndex(edges, e.id, i);
    if (first !== undefined) issues.push({ path: `$.edges[${i}].id`, message: `duplicate edge id ${quote(e.id)} (also at $.edges[${first}])` });
    if (!nodes.has(e.from.node)) {
      issues.push({ path: `$.edges[${i}].from.node`, message: `edge ${quote(e.id)} starts at unknown node ${quote(e.from.node)}` });
    }
    if (!nodes.has(e.to.node)) {
      issues.push({ path: `$.edges[${i}].to.node`, message: `edge ${quote(e.id)} ends at unknown node ${quote(e.to.node)}` });
    }
  });

  const groups = new Map<string, number>();
  (g.groups ?? []).forEach((group, i) => {
    const first = firstIndex(groups, group.id, i);
    if (first !== undefined) issues.push({ path: `$.groups[${i}].id`, message: `duplicate group id ${quote(group.id)} (also at $.groups[${first}])` });
    group.nodes.forEach((id, k) => {
      if (!nodes.has(id)) issues.push({ path: `$.groups[${i}].nodes[${k}]`, message: `group ${quote(group.id)} names unknown node ${quote(id)}` });
    });
  });

  return issues.slice(0, maxIssues);
}
