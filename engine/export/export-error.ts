/** Why a graph cannot be exported: errors in the graph, or something the target format cannot express. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}
