/**
 * The graph document: what a user's model is, as saved to a file, to IndexedDB and exchanged with the CLI.
 * Params are stored by name, never by position; `version` moves forward through ordered migrations (migrate.ts).
 */

export const GRAPH_FORMAT = 'netloom.graph';
export const GRAPH_VERSION = 1;

/** A parameter value as JSON holds it: numbers, strings, booleans, and flat lists of numbers/strings (kernel pairs, shapes). */
export type ParamValue = number | string | boolean | readonly (number | string)[];

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface GraphNode {
  /** Unique within the document; also the prefix of the node's weight names (`conv1.weight`). */
  readonly id: string;
  /** Catalog id of the node kind (`conv2d`). */
  readonly kind: string;
  readonly label?: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly position: Position;
  readonly notes?: string;
}

export interface PortRef {
  readonly node: string;
  readonly port: string;
}

export interface GraphEdge {
  readonly id: string;
  readonly from: PortRef;
  readonly to: PortRef;
}

/** A named set of nodes; optimizers select the parameters they update by group id or node id. */
export interface GraphGroup {
  readonly id: string;
  readonly label?: string;
  readonly nodes: readonly string[];
}

/**
 * How the graph trains, saved with it so a run can be repeated (learning rates live on the optimizer nodes).
 * Every field is optional; engine/train/settings.ts holds the defaults.
 */
export interface TrainingSettings {
  readonly epochs?: number;
  readonly batchSize?: number;
  readonly seed?: number;
  /** Fraction of the training samples held out for validation (0: none). */
  readonly validationSplit?: number;
  /** Stop after this many epochs without a better validation loss (0: never). */
  readonly earlyStoppingPatience?: number;
}

export interface GraphDocument {
  readonly format: typeof GRAPH_FORMAT;
  readonly version: typeof GRAPH_VERSION;
  readonly name?: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups?: readonly GraphGroup[];
  readonly training?: TrainingSettings;
}

/** Limits on untrusted documents (see parse.ts). */
export const LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxNodes: 5000,
  maxEdges: 20000,
  maxNameLength: 128,
  maxNotesLength: 10000,
  maxDepth: 64,
} as const;
