/**
 * The analysis the editor shows while the user edits: per port the tensor shape, per node weights, FLOPs,
 * activation memory and receptive field, graph totals, and every diagnostic — recomputed on every edit.
 *
 * Incremental: with an AnalysisCache, an edit that keeps the graph's structure (a param change, a move) re-analyses
 * only the nodes it touched, and their consumers only if an output type actually changed. Everything else is reused
 * by identity, so the cost of one edit does not grow with the size of the graph.
 */
import type { GraphDocument } from '../graph/types.ts';
import { analyseNode, emptyResult, type NodeEntry, type PortValues } from './analyse-node.ts';
import type { Analysis, NodeAnalysis, PortInfo, Totals } from './analysis-types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { FragmentMemo } from './fragment-memo.ts';
import { optimizerDiagnostics, unreachableDiagnostics } from './graph-checks.ts';
import type { Catalog } from './node-kind.ts';
import { ParamTable } from './param-table.ts';
import { prepareGraph, structuralDiagnostics, type Prepared } from './structure.ts';

export type { Analysis, NodeAnalysis, PortInfo, Totals, WeightInfo } from './analysis-types.ts';

export interface AnalyzeOptions {
  /** Sizes for symbolic dims in FLOP and memory figures; unbound symbols count as 1 (per-sample figures). */
  readonly bindings?: Readonly<Record<string, number>>;
  /** Pass the same cache on every call to re-analyse only what an edit changed. */
  readonly cache?: AnalysisCache;
}

/** The previous call's state, by document position (valid while the structure is unchanged). */
interface Snapshot {
  readonly prepared: Prepared;
  readonly entries: readonly (NodeEntry | undefined)[];
  readonly ports: readonly (PortValues | undefined)[];
  readonly results: readonly NodeAnalysis[];
  readonly withDiagnostics: ReadonlySet<number>;
  readonly analysis: Analysis;
}

export class AnalysisCache {
  last: Snapshot | undefined = undefined;
  /** The bindings `fragments` and the cached results were computed with, as JSON. */
  bindingsKey = '{}';
  /** Node configurations seen so far (they do not depend on bindings). */
  readonly params = new ParamTable();
  /** Lowerings shared between identical nodes, for the current bindings. */
  fragments = new FragmentMemo({});
}

export function analyze(doc: GraphDocument, catalog: Catalog, options: AnalyzeOptions = {}): Analysis {
  const bindings = options.bindings ?? {};
  const cache = options.cache ?? new AnalysisCache();
  const bindingsKey = JSON.stringify(bindings);
  if (cache.bindingsKey !== bindingsKey) {
    cache.last = undefined;
    cache.bindingsKey = bindingsKey;
    cache.fragments = new FragmentMemo(bindings);
  }
  const last = cache.last;
  const prepared = prepareGraph(doc, catalog, last?.prepared, cache.params);
  const incremental = last !== undefined && last.prepared.orderIndex === prepared.orderIndex;
  const n = prepared.list.length;

  const dirty = new Uint8Array(n);
  if (incremental) {
    const before = last.prepared.list;
    for (let i = 0; i < n; i++) {
      const p = prepared.list[i]!;
      if (p !== before[i] && p.node.params !== before[i]!.node.params) dirty[i] = 1;
    }
  } else dirty.fill(1);

  const entries = incremental ? last.entries.slice() : new Array<NodeEntry | undefined>(n);
  const ports = incremental ? last.ports.slice() : new Array<PortValues | undefined>(n);
  const changed: number[] = [];
  let portsChanged = !incremental;
  for (const index of prepared.orderIndex) {
    if (!dirty[index]) continue;
    const p = prepared.list[index]!;
    const entry = analyseNode(p, prepared, ports, incremental ? entries[index] : previousEntry(last, p.node.id), cache.fragments);
    if (incremental && entry !== entries[index]) changed.push(index);
    if (entry.ports !== ports[index]) {
      portsChanged = true;
      for (const c of prepared.consumers[index]!) dirty[c] = 1;
    }
    entries[index] = entry;
    ports[index] = entry.ports;
  }

  const results = incremental ? last.results.slice() : prepared.list.map((p) => entries[p.index]?.result ?? emptyResult(p, 'blocked'));
  const withDiagnostics = new Set(incremental ? last.withDiagnostics : []);
  for (const index of incremental ? changed : prepared.orderIndex) {
    results[index] = entries[index]!.result;
    if (entries[index]!.diagnostics.length > 0) withDiagnostics.add(index);
    else withDiagnostics.delete(index);
  }

  const analysis: Analysis = {
    nodes: nodeMap(prepared, results, incremental && changed.length < n / 4 ? { last: last.analysis.nodes, changed } : undefined),
    edges: incremental && !portsChanged && last.prepared.doc.edges === doc.edges ? last.analysis.edges : edgeMap(doc, prepared, ports),
    diagnostics: [],
    totals: incremental ? adjustTotals(last.analysis.totals, changed, last.results, results) : sumTotals(results),
    order: prepared.order,
    hasErrors: false,
  };
  const diagnostics = [
    ...structuralDiagnostics(prepared),
    ...nodeDiagnostics(prepared, entries, withDiagnostics),
    ...unreachableDiagnostics(prepared),
    ...optimizerDiagnostics(doc, prepared, results),
  ];
  const final: Analysis = { ...analysis, diagnostics, hasErrors: diagnostics.some((d) => d.severity === 'error') };
  cache.last = { prepared, entries, ports, results, withDiagnostics, analysis: final };
  return final;
}

/** The last analysis's entry for a node id, so results survive structural edits (adding a node elsewhere keeps every other result). */
function previousEntry(last: Snapshot | undefined, id: string): NodeEntry | undefined {
  const p = last?.prepared.nodes.get(id);
  return p && last!.entries[p.index];
}

function nodeMap(
  prepared: Prepared, results: readonly NodeAnalysis[], update: { last: ReadonlyMap<string, NodeAnalysis>; changed: readonly number[] } | undefined,
): ReadonlyMap<string, NodeAnalysis> {
  if (update) {
    if (update.changed.length === 0) return update.last;
    const map = new Map(update.last);
    for (const index of update.changed) map.set(prepared.list[index]!.node.id, results[index]!);
    return map;
  }
  const map = new Map<string, NodeAnalysis>();
  for (const p of prepared.list) map.set(p.node.id, results[p.index]!);
  return map;
}

function edgeMap(doc: GraphDocument, prepared: Prepared, ports: readonly (PortValues | undefined)[]): ReadonlyMap<string, PortInfo> {
  const edges = new Map<string, PortInfo>();
  for (let e = 0; e < doc.edges.length; e++) {
    const edge = doc.edges[e]!;
    const source = prepared.edgeSources[e];
    const up = source && ports[source.index]?.[source.port];
    if (up) edges.set(edge.id, up.info);
  }
  return edges;
}

/** Lowering diagnostics in topological order. */
function nodeDiagnostics(prepared: Prepared, entries: readonly (NodeEntry | undefined)[], indices: ReadonlySet<number>): Diagnostic[] {
  if (indices.size === 0) return [];
  const position = topologicalPosition(prepared);
  return [...indices].sort((a, b) => position[a]! - position[b]!).flatMap((i) => entries[i]!.diagnostics);
}

function topologicalPosition(prepared: Prepared): Int32Array {
  let position = prepared.memo.get('position') as Int32Array | undefined;
  if (!position) {
    position = new Int32Array(prepared.list.length).fill(-1);
    prepared.orderIndex.forEach((index, at) => (position![index] = at));
    prepared.memo.set('position', position);
  }
  return position;
}

function sumTotals(results: readonly NodeAnalysis[]): Totals {
  let params = 0, flops = 0, memory = 0;
  for (const r of results) {
    params += r.params;
    flops += r.flops;
    memory += r.memory;
  }
  return { params, flops, memory };
}

/** Integer counts, so subtracting the old contribution and adding the new one is exact. */
function adjustTotals(totals: Totals, changed: readonly number[], before: readonly NodeAnalysis[], after: readonly NodeAnalysis[]): Totals {
  if (changed.length === 0) return totals;
  let { params, flops, memory } = totals;
  for (const i of changed) {
    params += after[i]!.params - before[i]!.params;
    flops += after[i]!.flops - before[i]!.flops;
    memory += after[i]!.memory - before[i]!.memory;
  }
  return { params, flops, memory };
}
