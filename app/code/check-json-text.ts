/**
 * The code panel's JSON tab: the edited text checked as the editor would check a file (parseGraph), then analysed,
 * with every problem placed in the text. A text that parses gives the document the canvas may take; the analysis'
 * errors do not stop it (the canvas shows them too), only problems with the document itself do.
 */
import { analyze } from '../../engine/compile/analyze.ts';
import type { Diagnostic } from '../../engine/compile/diagnostics.ts';
import type { Catalog } from '../../engine/compile/node-kind.ts';
import { jsonPath } from '../../engine/graph/json-path.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { jsonLocations, locatePath, type TextRange } from './json-locations.ts';

export interface TextProblem extends TextRange {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export type JsonTextCheck =
  | { readonly ok: true; readonly doc: GraphDocument; readonly problems: readonly TextProblem[] }
  | { readonly ok: false; readonly problems: readonly TextProblem[] };

/** readJsonText (engine/graph/json-text.ts) reports a syntax error at `$` with its line and column in the message. */
const SYNTAX_POSITION = /at line (\d+), column (\d+)/;

export function checkJsonText(text: string, catalog: Catalog): JsonTextCheck {
  const parsed = parseGraph(text);
  if (!parsed.ok) {
    const locations = syntaxValid(text) ? jsonLocations(text) : undefined;
    return {
      ok: false,
      problems: parsed.errors.map((issue) => ({
        severity: 'error',
        message: issue.path === '$' ? issue.message : `${issue.path}: ${issue.message}`,
        ...(locations ? locatePath(locations, issue.path) : syntaxErrorRange(text, issue.message)) ?? { start: 0, end: 1 },
      })),
    };
  }
  const locations = jsonLocations(text);
  const problems = analyze(parsed.graph, catalog).diagnostics.map((d) => ({
    severity: d.severity === 'error' ? 'error' as const : 'warning' as const,
    message: d.message,
    ...locatePath(locations, diagnosticPath(parsed.graph, d)) ?? { start: 0, end: 1 },
  }));
  return { ok: true, doc: parsed.graph, problems };
}

function syntaxValid(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function syntaxErrorRange(text: string, message: string): TextRange | undefined {
  const found = SYNTAX_POSITION.exec(message);
  if (!found) return undefined;
  const lines = text.split('\n');
  const line = Math.min(Number(found[1]), lines.length);
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Number(found[2]) - 1;
  return { start, end: Math.min(start + 1, text.length) };
}

/** The JSON path of what a diagnostic is about: a node's param, a node, an edge, or the document. */
function diagnosticPath(doc: GraphDocument, d: Diagnostic): string {
  const node = d.node === undefined ? -1 : doc.nodes.findIndex((n) => n.id === d.node);
  if (node >= 0) return jsonPath(d.param === undefined ? ['nodes', node] : ['nodes', node, 'params', d.param]);
  const edge = d.edge === undefined ? -1 : doc.edges.findIndex((e) => e.id === d.edge);
  return edge >= 0 ? jsonPath(['edges', edge]) : '$';
}
