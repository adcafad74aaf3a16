/** Reading a graph document named on the command line: every failure is a message naming the file and the problem. */
import { readFile } from 'node:fs/promises';
import { parseGraph } from '../graph/parse.ts';
import type { GraphDocument } from '../graph/types.ts';

export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

export type GraphFileResult = { readonly ok: true; readonly graph: GraphDocument } | { readonly ok: false; readonly errors: readonly FileProblem[] };

export async function readGraphFile(path: string): Promise<GraphFileResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `cannot read the file: ${fileErrorReason(error)}` }] };
  }
  const parsed = parseGraph(text);
  return parsed.ok ? { ok: true, graph: parsed.graph } : { ok: false, errors: parsed.errors };
}

export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
