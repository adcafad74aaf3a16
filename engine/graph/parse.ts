/**
 * Loading an untrusted graph: text from a file, the clipboard or a URL, or an object from storage or a worker.
 * parseGraph never throws and never lets the input touch a prototype; it either returns a fresh, valid document
 * that shares nothing with the input, or every problem it found (up to MAX_ISSUES) at a JSON path, so the caller
 * can keep the user's current graph and show what is wrong.
 *
 * The stages run in order and stop at the first that fails, because each later stage assumes what the earlier
 * ones established: size and syntax; no dangerous keys, excessive depth or cycles; the format tag; the version
 * (upgraded by migrate.ts); the zod schema; ids unique and references resolved; block instances true to their
 * definitions (check-blocks.ts).
 */
import { canonicalDocument } from './canonical.ts';
import { checkBlocks } from './check-blocks.ts';
import { checkReferences } from './check-references.ts';
import type { GraphIssue } from './errors.ts';
import { readJsonText } from './json-text.ts';
import { migrateDocument } from './migrate.ts';
import { scanRaw } from './scan-raw.ts';
import { graphDocumentSchema } from './schema.ts';
import { GRAPH_FORMAT, type GraphDocument } from './types.ts';
import { issuesFromZod } from './zod-issues.ts';

export type ParseResult = { readonly ok: true; readonly graph: GraphDocument } | { readonly ok: false; readonly errors: GraphIssue[] };

/** Beyond this many, more messages stop helping: the file is probably not a graph at all. */
const MAX_ISSUES = 20;

/** Parses JSON text (a string) or an already-parsed value (anything else). */
export function parseGraph(input: unknown): ParseResult {
  try {
    return parseStages(input);
  } catch (e) {
    // Reached by an object input whose getter or Proxy throws: still an answer, not an exception.
    return fail([{ path: '$', message: `cannot read the graph: ${describeError(e)}` }]);
  }
}

function parseStages(input: unknown): ParseResult {
  let raw = input;
  if (typeof input === 'string') {
    const read = readJsonText(input);
    if (!read.ok) return fail([read.issue]);
    raw = read.value;
  }
  const unsafe = scanRaw(raw, MAX_ISSUES);
  if (unsafe.length > 0) return fail(unsafe);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const found = Array.isArray(raw) ? 'a list' : raw === null ? 'null' : raw === undefined ? 'nothing' : `a ${typeof raw}`;
    return fail([{ path: '$', message: `expected a netloom graph (a JSON object) but found ${found}` }]);
  }
  const doc = raw as Record<string, unknown>;
  if (doc['format'] !== GRAPH_FORMAT) return fail([formatIssue(doc['format'])]);
  const migrated = migrateDocument(doc);
  if (!migrated.ok) return fail(migrated.errors);
  const checked = graphDocumentSchema.safeParse(migrated.doc);
  if (!checked.success) return fail(issuesFromZod(checked.error.issues));
  const graph = canonicalDocument(checked.data);
  const broken = checkReferences(graph, MAX_ISSUES);
  if (broken.length > 0) return fail(broken);
  const blocks = checkBlocks(graph, MAX_ISSUES);
  return blocks.length > 0 ? fail(blocks) : { ok: true, graph };
}

function formatIssue(format: unknown): GraphIssue {
  const expected = JSON.stringify(GRAPH_FORMAT);
  if (format === undefined) return { path: '$.format', message: `missing "format": ${expected}; this does not look like a netloom graph` };
  const found = typeof format === 'string' && format.length <= 64 ? JSON.stringify(format) : `a ${typeof format}`;
  return { path: '$.format', message: `not a netloom graph: "format" is ${found}, expected ${expected}` };
}

function fail(issues: GraphIssue[]): ParseResult {
  if (issues.length <= MAX_ISSUES) return { ok: false, errors: issues };
  const more = issues.length - MAX_ISSUES;
  return { ok: false, errors: [...issues.slice(0, MAX_ISSUES), { path: '$', message: `${more} more ${more === 1 ? 'problem' : 'problems'} not shown` }] };
}

/** Even reading a thrown value can throw (a Proxy, a hostile toString), so it is guarded too. */
function describeError(e: unknown): string {
  try {
    return e instanceof Error ? String(e.message) : String(e);
  } catch {
    return 'an unreadable error';
  }
}
