/**
 * A generated graph of a given size for the editor benchmark: parallel MLP towers (Input → Linear → ReLU → … →
 * Linear → MSE loss against the input) laid out on a grid, so the canvas is full of real nodes, each with shapes and params.
 */
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDocument, type GraphEdge, type GraphNode } from '../../engine/graph/types.ts';

/** Nodes per tower: an input, (Linear, ReLU) pairs, a last Linear, a loss. */
const TOWER = 10;

export function generateGraph(nodeCount: number): GraphDocument {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const towers = Math.ceil(nodeCount / TOWER);
  for (let t = 0; t < towers; t++) {
    const ids: string[] = [];
    for (let k = 0; k < TOWER && nodes.length < nodeCount; k++) {
      const id = `t${t}_n${k}`;
      const position = { x: k * 300, y: t * 240 };
      const kind = k === 0 ? 'input' : k === TOWER - 1 ? 'mse' : k % 2 === 1 ? 'linear' : 'relu';
      const params: GraphNode['params'] = kind === 'input' ? { shape: ['N', 32] } : kind === 'linear' ? { in_features: 32, out_features: 32 } : {};
      nodes.push({ id, kind, params, position });
      const previous = ids.at(-1);
      if (previous !== undefined) {
        edges.push({ id: `e${edges.length}`, from: { node: previous, port: 'y' }, to: { node: id, port: kind === 'mse' ? 'input' : 'x' } });
      }
      // The tower learns to reproduce its input, so the loss's target is the input itself.
      if (kind === 'mse') edges.push({ id: `e${edges.length}`, from: { node: ids[0]!, port: 'y' }, to: { node: id, port: 'target' } });
      ids.push(id);
    }
  }
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name: `Generated ${nodeCount}-node graph`, nodes, edges };
}
