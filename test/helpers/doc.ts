/** Terse graph documents for tests: `graph(['x', 'input', {...}], ...).link('x.y', 'fc.x').doc`. */
import type { GraphDocument, GraphEdge, GraphNode, ParamValue } from '../../engine/graph/types.ts';

type NodeSpec = readonly [id: string, kind: string, params?: Record<string, ParamValue>];

export interface DocBuilder {
  readonly doc: GraphDocument;
  /** `from` and `to` are `node.port`; the node id is everything before the last dot. */
  link(from: string, to: string): DocBuilder;
  chain(...ids: string[]): DocBuilder;
}

const split = (ref: string): { node: string; port: string } => {
  const dot = ref.lastIndexOf('.');
  return { node: ref.slice(0, dot), port: ref.slice(dot + 1) };
};

export function graph(...specs: NodeSpec[]): DocBuilder {
  const nodes: GraphNode[] = specs.map(([id, kind, params], i) => ({ id, kind, params: params ?? {}, position: { x: 0, y: i * 100 } }));
  const make = (edges: GraphEdge[]): DocBuilder => ({
    doc: { format: 'netloom.graph', version: 1, nodes, edges },
    link: (from, to) => make([...edges, { id: `e${edges.length + 1}`, from: split(from), to: split(to) }]),
    // Links y → x along a straight chain of single-input layers.
    chain: (...ids) => {
      let b = make(edges);
      for (let i = 1; i < ids.length; i++) b = b.link(`${ids[i - 1]}.y`, `${ids[i]}.x`);
      return b;
    },
  });
  return make([]);
}
