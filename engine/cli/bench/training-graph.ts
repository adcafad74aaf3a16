/**
 * A benchmark model as a netloom graph document: a Dataset node (Fashion-MNIST-shaped), the layers in a chain,
 * CrossEntropy on the last layer's logits against the dataset's labels, and SGD minimising it.
 */
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDocument, type GraphEdge, type GraphNode, type ParamValue, type PortRef } from '../../graph/types.ts';
import { LEARNING_RATE, type LayerSpec, type TrainingModel } from './training-models.ts';

export const DATASET_NODE = 'data';

export function trainingGraph(model: TrainingModel): GraphDocument {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const add = (id: string, kind: string, params: Record<string, ParamValue>): void => {
    nodes.push({ id, kind, params, position: { x: 0, y: 120 * nodes.length } });
  };
  const connect = (from: PortRef, to: PortRef): void => {
    edges.push({ id: `e${edges.length + 1}`, from, to });
  };

  add(DATASET_NODE, 'dataset', { dataset: 'fashion-mnist', layout: model.layout });
  let previous: PortRef = { node: DATASET_NODE, port: 'features' };
  model.layers.forEach((spec, i) => {
    const { kind, params } = layerNode(spec);
    const id = `${kind}${i + 1}`;
    add(id, kind, params);
    connect(previous, { node: id, port: 'x' });
    previous = { node: id, port: 'y' };
  });
  add('loss', 'cross_entropy', {});
  connect(previous, { node: 'loss', port: 'input' });
  connect({ node: DATASET_NODE, port: 'labels' }, { node: 'loss', port: 'target' });
  add('opt', 'sgd', { lr: LEARNING_RATE });
  connect({ node: 'loss', port: 'loss' }, { node: 'opt', port: 'loss' });
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name: model.name, nodes, edges };
}

function layerNode(spec: LayerSpec): { kind: string; params: Record<string, ParamValue> } {
  switch (spec.kind) {
    case 'linear':
      return { kind: 'linear', params: { in_features: spec.inFeatures, out_features: spec.outFeatures } };
    case 'relu':
      return { kind: 'relu', params: {} };
    case 'conv2d':
      return {
        kind: 'conv2d',
        params: { in_channels: spec.inChannels, out_channels: spec.outChannels, kernel_size: spec.kernel, padding: spec.padding },
      };
    case 'maxPool2d':
      return { kind: 'max_pool2d', params: { kernel_size: spec.size, stride: spec.size } };
    case 'flatten':
      return { kind: 'flatten', params: {} };
  }
}
