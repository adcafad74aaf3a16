/**
 * The graph document: what a user's model is, as saved to a file, to IndexedDB and exchanged with the CLI.
 * Params are stored by name, never by position; `version` moves forward through ordered migrations (migrate.ts).
 */

export const GRAPH_FORMAT = 'netloom.graph';
export const GRAPH_VERSION = 2;

/**
 * The versions a GraphDocument in memory may say. Version 2 only added optional fields (`blocks`, a group's
 * `block` and `collapsed`), so a version 1 document is a version 2 document without them and code that built
 * documents before the change may still say 1; parseGraph and the block edits always produce GRAPH_VERSION.
 */
export type GraphVersion = 1 | typeof GRAPH_VERSION;

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

/**
 * A named set of nodes; optimizers select the parameters they update by group id or node id.
 *
 * A group with `block` is an instance of that block definition: `nodes[i]` is its copy of the definition's
 * `nodes[i]` (same kind, same params), the definition's edges connect the copies, and edges from outside reach the
 * copies only through the definition's ports (check-blocks.ts states every rule).
 */
export interface GraphGroup {
  readonly id: string;
  readonly label?: string;
  readonly nodes: readonly string[];
  /** Id of the block definition this group is an instance of. */
  readonly block?: string;
  /** Drawn as one node with the block's ports (only a block instance can collapse: it needs the ports). */
  readonly collapsed?: boolean;
}

/** One node of a block definition: what every instance's copy shares. Labels and notes stay per copy. */
export interface BlockNode {
  /** Local to the definition. */
  readonly id: string;
  readonly kind: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Relative to the block's top-left corner: where a new instance places its copy. */
  readonly position: Position;
}

/** A port of a block: a port of one of its nodes (by local id) offered to the rest of the graph under `name`. */
export interface BlockPort {
  readonly name: string;
  readonly node: string;
  readonly port: string;
}

/**
 * A reusable block, like a PyTorch module class: nodes, the edges between them, and explicit input and output
 * ports. Its instances (groups with `block`) are ordinary nodes of the graph, so the compiler, training and export
 * see a flat graph and check shapes across the block boundary like anywhere else; each instance has its own
 * weights, as two instances of one module class do. A param edit on any copy changes the definition and every copy.
 */
export interface BlockDefinition {
  readonly id: string;
  readonly label: string;
  readonly nodes: readonly BlockNode[];
  /** Between the definition's nodes, by local id. */
  readonly edges: readonly GraphEdge[];
  /** Input ports of inner nodes that take their data from outside the block. */
  readonly inputs: readonly BlockPort[];
  /** Output ports of inner nodes that the rest of the graph may use. */
  readonly outputs: readonly BlockPort[];
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
  /** Where the app trains: 'auto' (WebGPU where available, else the CPU), 'cpu' or 'webgpu'. The CLI has its flag. */
  readonly backend?: 'auto' | 'cpu' | 'webgpu';
}

export interface GraphDocument {
  readonly format: typeof GRAPH_FORMAT;
  readonly version: GraphVersion;
  readonly name?: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups?: readonly GraphGroup[];
  /** Block definitions; kept while no instance uses them, so a block can be placed again later. */
  readonly blocks?: readonly BlockDefinition[];
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
