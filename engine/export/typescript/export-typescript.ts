/**
 * The TypeScript export: a module that rebuilds the document through the graph builder (engine/graph/builder.ts)
 * and trains it when run (`npx tsx model.ts`, with the flags of `netloom train`). Every field of the document is
 * written out — positions, labels, notes, edge ids that differ from the builder's default, groups, blocks, training
 * settings — so the module's `model` equals the document it came from. Pure: document in, text out.
 */
import { canonicalDocument } from '../../graph/canonical.ts';
import { defaultEdgeId } from '../../graph/builder.ts';
import type { GraphDocument, GraphEdge, PortRef } from '../../graph/types.ts';
import { tsLiteral } from './ts-literal.ts';

export interface TypeScriptExportOptions {
  /**
   * The module specifier of netloom's API for exported modules (engine/export/typescript/netloom-api.ts): `netloom`
   * where the package is installed under that name, or a relative path (the command line writes one).
   */
  readonly importFrom?: string;
}

/** Document fields that the builder's calls write; every other top-level field goes into the `graph({...})` header. */
const LISTS = ['format', 'version', 'nodes', 'edges', 'groups', 'blocks'] as const;

export function exportTypeScript(doc: GraphDocument, options: TypeScriptExportOptions = {}): string {
  const g = canonicalDocument(doc);
  const header: Record<string, unknown> = Object.fromEntries(Object.entries(g).filter(([key]) => !(LISTS as readonly string[]).includes(key)));
  // An empty list present in the document is kept as it is, through the header.
  if (g.groups?.length === 0) header['groups'] = [];
  if (g.blocks?.length === 0) header['blocks'] = [];

  const calls: string[] = [];
  for (const { id, kind, params, position, ...fields } of g.nodes) {
    calls.push(`.add(${[JSON.stringify(id), JSON.stringify(kind), tsLiteral(params, '  '), tsLiteral({ x: position.x, y: position.y, ...fields }, '  ')].join(', ')})`);
  }
  const taken = new Set<string>();
  for (const [index, edge] of g.edges.entries()) {
    calls.push(connectCall(edge, defaultEdgeId(index, taken)));
    taken.add(edge.id);
  }
  for (const { id, nodes, ...fields } of g.groups ?? []) {
    calls.push(`.group(${[JSON.stringify(id), tsLiteral(nodes, '  '), ...(Object.keys(fields).length > 0 ? [tsLiteral(fields, '  ')] : [])].join(', ')})`);
  }
  for (const block of g.blocks ?? []) calls.push(`.block(${tsLiteral(block, '  ')})`);

  const headerText = Object.keys(header).length > 0 ? tsLiteral(header) : '';
  return [
    '/**',
    ' * A netloom graph as a TypeScript module, written by `netloom export --to ts`.',
    ' *',
    ' * Run it to train the graph on its Dataset nodes, with the flags of `netloom train`:',
    ' *   npx tsx model.ts --epochs 20 --save weights.safetensors',
    ' * Import it for the document itself: `import { model } from \'./model.ts\'`. It is an ES module: keep it in a',
    ' * package with "type": "module", or name it model.mts.',
    ' */',
    `import { graph, trainWhenRun } from ${JSON.stringify(options.importFrom ?? 'netloom')};`,
    '',
    `export const model = graph(${headerText})`,
    ...calls.map((call) => `  ${call}`),
    '  .build();',
    '',
    'trainWhenRun(import.meta.url, model);',
    '',
  ].join('\n');
}

/** `"node:port"` when splitting at the last colon gives the reference back, else the reference as an object. */
function portAddress(ref: PortRef): string {
  return ref.port.includes(':') ? tsLiteral({ node: ref.node, port: ref.port }) : JSON.stringify(`${ref.node}:${ref.port}`);
}

/** `.connect(from, to)`, with the edge's id only when the builder would choose another. */
function connectCall(edge: GraphEdge, defaultId: string): string {
  const args = [portAddress(edge.from), portAddress(edge.to), ...(edge.id === defaultId ? [] : [JSON.stringify(edge.id)])];
  return `.connect(${args.join(', ')})`;
}
