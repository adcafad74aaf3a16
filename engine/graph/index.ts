/** The graph document's public API: types, loading, saving, migrations, schema and the pure edit functions. */
export { GRAPH_FORMAT, GRAPH_VERSION, LIMITS } from './types.ts';
export type { BlockDefinition, BlockNode, BlockPort, GraphDocument, GraphEdge, GraphGroup, GraphNode, GraphVersion, ParamValue, PortRef, Position } from './types.ts';
export type { Edit } from './edit-types.ts';
export { GraphEditError, type GraphIssue } from './errors.ts';
export { parseGraph, type ParseResult } from './parse.ts';
export { serializeGraph } from './serialize.ts';
export { MIGRATIONS, migrateDocument, type Migration, type MigrateResult, type RawDocument } from './migrate.ts';
export { graphDocumentSchema } from './schema.ts';
export { graphJsonSchema } from './json-schema.ts';
export {
  addNode, applyEdit, applyEdits, connect, disconnect, moveNode, removeGroup, removeNode, renameNode, resetParam, setGroup,
  setLabel, setNotes, setParam, uniqueNodeId,
} from './edit.ts';
export { createBlock, placeBlock, removeBlock, setBlockLabel, setCollapsed, type CreateBlockRequest, type PlaceBlockRequest } from './block-edit.ts';
export { checkBlocks } from './check-blocks.ts';
