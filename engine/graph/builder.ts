/**
 * A fluent builder for graph documents: the public API that exported TypeScript modules (engine/export) rebuild
 * their graph through, and a terse way to write a graph by hand:
 *
 *   graph({ name: 'MLP' }).add('fc1', 'linear', { in_features: 2, out_features: 8 }).connect('data:features', 'fc1:x').build()
 *
 * The builder records nodes, edges, groups and blocks exactly as given, in call order; `build()` then checks the
 * whole document the way a loaded file is checked (parse.ts), so a builder can express every valid document and
 * nothing else. Exported modules rely on that: building one gives a document equal to the one it was exported from.
 */
import { parseGraph } from './parse.ts';
import { GRAPH_FORMAT, GRAPH_VERSION, type BlockDefinition, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode, type ParamValue, type PortRef } from './types.ts';

/**
 * Document fields given up front (name, training, …). `groups` and `blocks` given here start those lists, so that
 * a document whose list is present but empty can be written too; `group()` and `block()` append to them.
 */
export type GraphHeader = Omit<GraphDocument, 'format' | 'version' | 'nodes' | 'edges'>;

/** Where a node sits on the canvas (default 0, 0) and its optional per-node fields (label, notes). */
export type NodeOptions = { readonly x?: number; readonly y?: number } & Omit<Partial<GraphNode>, 'id' | 'kind' | 'params' | 'position'>;

/** A group's optional fields (label; block and collapsed for a block instance). */
export type GroupOptions = Omit<Partial<GraphGroup>, 'id' | 'nodes'>;

/** `"node:port"`, split at the last colon (node ids may contain colons), or a port reference. */
export type PortAddress = string | PortRef;

export class GraphBuildError extends Error {
  override readonly name = 'GraphBuildError';
}

export function portRef(address: PortAddress): PortRef {
  if (typeof address !== 'string') return { node: address.node, port: address.port };
  const colon = address.lastIndexOf(':');
  if (colon <= 0 || colon === address.length - 1) {
    throw new GraphBuildError(`${JSON.stringify(address)} is not a port address; write "node:port", e.g. "fc1:y"`);
  }
  return { node: address.slice(0, colon), port: address.slice(colon + 1) };
}

/**
 * The id `connect` gives an edge when none is passed, as edit.ts's connect does: the first `e<k>` not in `taken`,
 * from k = the number of edges so far + 1.
 */
export function defaultEdgeId(edgeCount: number, taken: ReadonlySet<string>): string {
  for (let k = edgeCount + 1; ; k++) if (!taken.has(`e${k}`)) return `e${k}`;
}

export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly edgeIds = new Set<string>();
  private readonly header: GraphHeader;
  private groups: GraphGroup[] | undefined;
  private blocks: BlockDefinition[] | undefined;

  constructor({ groups, blocks, ...header }: GraphHeader = {}) {
    this.header = header;
    this.groups = groups && [...groups];
    this.blocks = blocks && [...blocks];
  }

  /** Adds a node of catalog kind `kind`; params left out take their defaults. */
  add(id: string, kind: string, params: Readonly<Record<string, ParamValue>> = {}, options: NodeOptions = {}): this {
    const { x = 0, y = 0, ...fields } = options;
    this.nodes.push({ id, kind, params, position: { x, y }, ...fields });
    return this;
  }

  /** Connects an output port to an input port: `connect('fc1:y', 'act1:x')`. */
  connect(from: PortAddress, to: PortAddress, id: string = defaultEdgeId(this.edges.length, this.edgeIds)): this {
    this.edges.push({ id, from: portRef(from), to: portRef(to) });
    this.edgeIds.add(id);
    return this;
  }

  /** A named set of nodes (optimizers select weights by group id), or with `block`, an instance of a block. */
  group(id: string, nodes: readonly string[], options: GroupOptions = {}): this {
    (this.groups ??= []).push({ id, nodes: [...nodes], ...options });
    return this;
  }

  /** A reusable block definition (see types.ts). */
  block(definition: BlockDefinition): this {
    (this.blocks ??= []).push(definition);
    return this;
  }

  /** The document, checked like a loaded file; throws GraphBuildError listing the problems otherwise. */
  build(): GraphDocument {
    const doc: GraphDocument = {
      format: GRAPH_FORMAT,
      version: GRAPH_VERSION,
      ...this.header,
      nodes: this.nodes,
      edges: this.edges,
      ...(this.groups && { groups: this.groups }),
      ...(this.blocks && { blocks: this.blocks }),
    };
    const parsed = parseGraph(doc);
    if (parsed.ok) return parsed.graph;
    throw new GraphBuildError(`the graph is not valid:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
}

export function graph(header: GraphHeader = {}): GraphBuilder {
  return new GraphBuilder(header);
}
