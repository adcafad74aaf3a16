/**
 * Graph files: reading one the user opened or dropped (checked by the engine's importer; the current graph is only
 * replaced once the file is known to be good) and saving the current graph as a download.
 */
import type { GraphIssue } from '../../engine/graph/errors.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { LIMITS, type GraphDocument } from '../../engine/graph/types.ts';

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

/** `Digits CNN` → `digits-cnn.netloom.json`. */
export function graphFileName(doc: GraphDocument): string {
  const stem = (doc.name ?? 'graph').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
  return `${stem}.netloom.json`;
}

/** Saves the graph as a download of its canonical text. */
export function downloadGraph(doc: GraphDocument): void {
  const url = URL.createObjectURL(new Blob([serializeGraph(doc)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = graphFileName(doc);
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
