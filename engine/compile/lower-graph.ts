/**
 * Lowers a whole graph into one IR program (the compile used for training, `netloom run` and export), through the
 * same per-node lowering as the editor's analysis. Refuses a graph with errors: the diagnostics say why.
 */
import { Builder } from '../ir/builder.ts';
import type { Program, Value } from '../ir/program.ts';
import type { GraphDocument } from '../graph/types.ts';
import { analyze, type AnalysisCache } from './analyze.ts';
import type { Diagnostic } from './diagnostics.ts';
import { lowerNode } from './lower-node.ts';
import type { Catalog, Producer } from './node-kind.ts';
import { prepareGraph } from './structure.ts';

export type LowerGraphResult =
  | { readonly ok: true; readonly program: Program; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export interface LowerGraphOptions {
  readonly mode?: 'train' | 'eval';
  readonly cache?: AnalysisCache;
}

export function lowerGraph(doc: GraphDocument, catalog: Catalog, options: LowerGraphOptions = {}): LowerGraphResult {
  const analysis = analyze(doc, catalog, options.cache ? { cache: options.cache } : {});
  if (analysis.hasErrors) return { ok: false, diagnostics: analysis.diagnostics };
  const prepared = prepareGraph(doc, catalog);
  const b = new Builder();
  const values = new Map<string, Value>();
  for (const id of prepared.order) {
    const p = prepared.nodes.get(id)!;
    const inputs = new Map<string, Value>();
    const producers = new Map<string, Producer>();
    for (const [port, edge] of p.incoming) {
      inputs.set(port, values.get(`${edge.from.node}\u0000${edge.from.port}`)!);
      producers.set(port, { node: edge.from.node, kind: prepared.nodes.get(edge.from.node)!.node.kind, port: edge.from.port });
    }
    const lowered = lowerNode(b, { kind: p.kind!, node: p.node, params: p.params, inputs, producers, mode: options.mode ?? 'train' });
    // The analysis passed, so the same lowering succeeds here; anything else is a bug worth surfacing loudly.
    if (!lowered.ok) throw new Error(`lowering ${id} failed after a clean analysis: ${lowered.diagnostics[0]?.message}`);
    for (const [port, v] of Object.entries(lowered.outputs)) {
      values.set(`${id}\u0000${port}`, v);
      b.output(`${id}:${port}`, v);
    }
  }
  return { ok: true, program: b.program(), diagnostics: analysis.diagnostics };
}
