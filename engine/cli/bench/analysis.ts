/**
 * Analysis speed on a generated 2,000-node graph: a full analysis from scratch, and the re-analysis the editor
 * runs after one param change in the middle of the graph (reusing the previous analysis's cache, as the app does).
 */
import { analyze, AnalysisCache } from '../../compile/analyze.ts';
import type { Catalog } from '../../compile/node-kind.ts';
import { setParam } from '../../graph/edit.ts';
import type { GraphDocument } from '../../graph/types.ts';
import { measure, type BenchResult } from './measure.ts';
import { residualChain } from './residual-chain.ts';

const BLOCKS = 499; // 6 + 4·499 = 2,002 nodes

export function analysisBenchmarks(catalog: Catalog, runs: number): BenchResult[] {
  const doc = residualChain(BLOCKS);
  const first = analyze(doc, catalog);
  if (first.hasErrors) throw new Error(`benchmark graph has errors: ${first.diagnostics.find((d) => d.severity === 'error')?.message}`);

  // A fresh deep copy per run and no AnalysisCache: new params objects and empty memos, so nothing carries over from
  // one run to the next. Within a run the repeated blocks share their lowerings, as in any freshly opened graph.
  const full = measure(`full analysis, ${doc.nodes.length} nodes`, runs, () => structuredClone(doc) as GraphDocument, (copy) => {
    analyze(copy, catalog);
  });

  const middle = `conv${Math.floor(BLOCKS / 2)}`;
  const cache = new AnalysisCache();
  let current = doc;
  let bias = false;
  analyze(current, catalog, { cache });
  const edit = measure(`re-analysis after one param edit (${middle}.bias)`, runs, () => {
    bias = !bias;
    current = setParam(current, middle, 'bias', bias);
    return current;
  }, (d) => {
    analyze(d, catalog, { cache });
  });
  return [full, edit];
}
