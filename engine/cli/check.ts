/**
 * `netloom check <graph.json> [--json]`: the torchinfo-style summary of a graph and its diagnostics.
 * Exit codes: 0 no errors, 1 errors in the graph, 2 the file is unreadable or not a valid document.
 */
import type { Diagnostic } from '../compile/diagnostics.ts';
import { analyze, type Analysis } from '../compile/analyze.ts';
import type { Catalog } from '../compile/node-kind.ts';
import type { GraphDocument } from '../graph/types.ts';
import { formatShape } from '../ir/shape.ts';
import { bytes, grouped, table } from './format.ts';
import { readGraphFile } from './read-graph-file.ts';

export interface CheckIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function checkCommand(path: string, json: boolean, catalog: Catalog, io: CheckIo): Promise<number> {
  const parsed = await readGraphFile(path);
  if (!parsed.ok) return invalid(io, json, path, parsed.errors);
  const analysis = analyze(parsed.graph, catalog);
  if (json) io.out(JSON.stringify(checkReport(parsed.graph, analysis), null, 2));
  else io.out(summaryText(parsed.graph, analysis, catalog));
  return analysis.hasErrors ? 1 : 0;
}

export function invalid(io: CheckIo, json: boolean, path: string, errors: readonly { path: string; message: string }[]): number {
  if (json) io.out(JSON.stringify({ ok: false, file: path, errors }, null, 2));
  else {
    io.err(`netloom: ${path} is not a valid graph document:`);
    for (const e of errors) io.err(`  ${e.path}: ${e.message}`);
  }
  return 2;
}

/** The `--json` shape: stable, documented in the README, consumed by scripts and tests. */
export function checkReport(doc: GraphDocument, analysis: Analysis) {
  return {
    ok: !analysis.hasErrors,
    nodes: doc.nodes.map((node) => {
      const a = analysis.nodes.get(node.id)!;
      return {
        id: node.id,
        kind: node.kind,
        status: a.status,
        outputs: Object.fromEntries(Object.entries(a.outputs).map(([port, info]) => [port, info.shape])),
        params: a.params,
        flops: a.flops,
        ...(a.receptiveField ? { receptiveField: a.receptiveField } : {}),
      };
    }),
    totals: analysis.totals,
    diagnostics: analysis.diagnostics,
  };
}

function summaryText(doc: GraphDocument, analysis: Analysis, catalog: Catalog): string {
  const rows: string[][] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const ordered = [...analysis.order, ...doc.nodes.map((n) => n.id).filter((id) => !analysis.order.includes(id))];
  for (const id of ordered) {
    const a = analysis.nodes.get(id)!;
    const label = catalog.get(byId.get(id)!.kind)?.label ?? byId.get(id)!.kind;
    const outputs = Object.entries(a.outputs);
    const shape = a.status !== 'ok' ? `(${a.status})` : outputs.length === 0 ? '—' : outputs.map(([port, info]) => (outputs.length > 1 ? `${port} ${formatShape(info.shape)}` : formatShape(info.shape))).join(', ');
    rows.push([`${id} (${label})`, shape, grouped(a.params), grouped(a.flops)]);
  }
  const lines = [
    table(['Node (kind)', 'Output shape', 'Params', 'FLOPs'], rows, [false, false, true, true]),
    `Total params: ${grouped(analysis.totals.params)}`,
    `Total FLOPs per sample: ${grouped(analysis.totals.flops)}`,
    `Activation memory per sample: ${bytes(analysis.totals.memory)}`,
    '',
  ];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of analysis.diagnostics) {
    counts[d.severity]++;
    lines.push(formatDiagnostic(d));
  }
  lines.push(`${counts.error} error(s), ${counts.warning} warning(s)`);
  return lines.join('\n');
}

function formatDiagnostic(d: Diagnostic): string {
  const fix = d.fix ? `\n    fix: ${d.fix.label}` : '';
  return `${d.severity} [${d.code}] ${d.message}${fix}`;
}
