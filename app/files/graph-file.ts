/**
 * Graph files: reading one the user opened or dropped (checked by the engine's importer; the current graph is only
 * replaced once the file is known to be good) and saving the current graph as a download.
 */
import type { GraphIssue } from '../../engine/graph/errors.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { LIMITS, type GraphDocument } from '../../engine/graph/types.ts';
import { download } from './download.ts';

export type FileRead = { readonly ok: true; readonly doc: GraphDocument } | { readonly ok: false; readonly errors: readonly GraphIssue[] };

export async function readGraphFile(file: Blob): Promise<FileRead> {
  // Checked before reading, so a huge file is refused without loading it into memory.
  if (file.size > LIMITS.maxBytes) {
    return { ok: false, errors: [{ path: '$', message: `the file is ${(file.size / 2 ** 20).toFixed(1)} MiB; netloom reads graphs up to ${LIMITS.maxBytes / 2 ** 20} MiB` }] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `the file could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = parseGraph(text);
  return parsed.ok ? { ok: true, doc: parsed.graph } : { ok: false, errors: parsed.errors };
}

/** `Digits CNN` → `digits-cnn`: a graph's name as a safe file name stem. */
export function graphFileStem(doc: GraphDocument): string {
  return (doc.name ?? 'graph').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
}

/** `Digits CNN` → `digits-cnn.netloom.json`. */
export function graphFileName(doc: GraphDocument): string {
  return `${graphFileStem(doc)}.netloom.json`;
}

/** Saves the graph as a download of its canonical text. */
export function downloadGraph(doc: GraphDocument): void {
  download(graphFileName(doc), serializeGraph(doc), 'application/json');
}
