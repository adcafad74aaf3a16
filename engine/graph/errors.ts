/** How the graph module reports problems: issues for documents that fail to load, exceptions for refused edits. */

/** One problem in a document, at a JSON path such as `$.nodes[3].params.kernel_size`. */
export interface GraphIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by the edit functions (edit.ts) for an edit that would make the document invalid: an unknown node or edge,
 * a duplicate id, a name that is too long, a self-loop. The input document is never changed, so callers can show
 * `message` and keep the current graph.
 */
export class GraphEditError extends Error {
  override readonly name = 'GraphEditError';
}
