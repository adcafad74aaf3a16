/** The graph document's public API: types, loading, saving, migrations, schema and the pure edit functions. */
export { GRAPH_FORMAT, GRAPH_VERSION, LIMITS } from './types.ts';
export type { GraphDocument, GraphEdge, GraphGroup, GraphNode, ParamValue, PortRef, Position } from './types.ts';
export type { Edit } from './edit-types.ts';
export { GraphEditError, type GraphIssue } from './errors.ts';
export { parseGraph, type ParseResult } from './parse.ts';
export { serializeGraph } from './serialize.ts';
export { MIGRATIONS, migrateDocument, type Migration, type MigrateResult, type RawDocument } from './migrate.ts';
export { graphDocumentSchema } from './schema.ts';
export { graphJsonSchema } from './json-schema.ts';
export {
  addNode, applyEdit, applyEdits, connect, disconnect, moveNode, removeGroup, removeNode, renameNode, resetParam, setGroup,
  setLabel, setParam, uniqueNodeId,
} from './edit.ts';
