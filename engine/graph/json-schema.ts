/**
 * The published JSON Schema of the graph document, generated from the zod schema so the two cannot disagree.
 * Editors (VS Code's `$schema` support) and other tools validate netloom files with it; it is committed as
 * netloom.graph.schema.json and regenerated with `npm run schema`.
 */
import { z } from 'zod';
import { graphDocumentSchema } from './schema.ts';

export function graphJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(graphDocumentSchema);
}

/** The committed file's exact text: 2-space indent and a trailing newline, so regenerating it diffs cleanly. */
export function graphJsonSchemaText(): string {
  return `${JSON.stringify(graphJsonSchema(), null, 2)}\n`;
}
