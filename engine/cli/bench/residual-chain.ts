/**
 * A generated residual CNN of any size, used to benchmark the analysis on large graphs: a Dataset, then blocks of
 * Conv2d → BatchNorm2d → ReLU → Add (skip from the block input), then pooling, a classifier, a loss and Adam.
 */
import type { GraphDocument, GraphEdge, GraphNode } from '../../graph/types.ts';

export function residualChain(blocks: number, channels = 8): GraphDocument {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const node = (id: string, kind: string, params: GraphNode['params'], y: number): void => {
    nodes.push({ id, kind, params, position: { x: 0, y } });
  };
  const link = (from: string, fromPort: string, to: string, toPort: string): void => {
    edges.push({ id: `e${edges.length}`, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });
  };
  node('data', 'dataset', { dataset: 'digits', layout: 'image' }, 0);
  node('stem', 'conv2d', { in_channels: 1, out_channels: channels, kernel_size: 3, padding: 1 }, 1);
  link('data', 'features', 'stem', 'x');
  let previous = 'stem';
  for (let i = 0; i < blocks; i++) {
    const y = 2 + i * 4;
    node(`conv${i}`, 'conv2d', { in_channels: channels, out_channels: channels, kernel_size: 3, padding: 1, bias: false }, y);
    node(`bn${i}`, 'batch_norm2d', { num_features: channels }, y + 1);
    node(`relu${i}`, 'relu', {}, y + 2);
    node(`add${i}`, 'add', {}, y + 3);
    link(previous, 'y', `conv${i}`, 'x');
    link(`conv${i}`, 'y', `bn${i}`, 'x');
    link(`bn${i}`, 'y', `relu${i}`, 'x');
    link(`relu${i}`, 'y', `add${i}`, 'x1');
    link(previous, 'y', `add${i}`, 'x2');
    previous = `add${i}`;
  }
  const end = 2 + blocks * 4;
  node('pool', 'global_avg_pool', {}, end);
  node('fc', 'linear', { in_features: channels, out_features: 10 }, end + 1);
  node('loss', 'cross_entropy', {}, end + 2);
  node('opt', 'adam', {}, end + 3);
  link(previous, 'y', 'pool', 'x');
  link('pool', 'y', 'fc', 'x');
  link('fc', 'y', 'loss', 'input');
  link('data', 'labels', 'loss', 'target');
  link('loss', 'loss', 'opt', 'loss');
  return { format: 'netloom.graph', version: 1, nodes, edges };
}
