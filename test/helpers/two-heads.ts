/**
 * A graph with two losses for tests: the spirals MLP (fc3 → `loss` → `opt`) plus a second classification head on
 * the same features, act2 → head_b → loss_b, which either feeds its own optimizer `opt_b` (two step series, as a
 * GAN's) or is added to `loss` (node `total`) before `opt` (one optimizer minimising a sum, as a VAE's
 * reconstruction + KL).
 */
import { readFileSync } from 'node:fs';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument, GraphEdge, GraphNode, TrainingSettings } from '../../engine/graph/types.ts';

export interface TwoHeadsOptions {
  readonly secondLoss: 'own optimizer' | 'summed';
  readonly training: TrainingSettings;
  /**
   * Summed only: how many of `total`'s inputs loss_b feeds, i.e. its weight in opt's loss = loss + weight·loss_b
   * (a scalar loss cannot be scaled by a Multiply: a Constant has at least one dimension).
   */
  readonly secondLossWeight?: number;
}

export function twoHeads({ secondLoss, training, secondLossWeight = 1 }: TwoHeadsOptions): GraphDocument {
  const parsed = parseGraph(readFileSync(new URL('../fixtures/train/spirals-mlp.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  const doc = parsed.graph;
  const position = { x: 300, y: 0 };
  const edge = (id: string, from: string, fromPort: string, to: string, toPort: string): GraphEdge => ({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });
  const head: GraphNode[] = [
    { id: 'head_b', kind: 'linear', params: { in_features: 64, out_features: 2 }, position },
    { id: 'loss_b', kind: 'cross_entropy', params: {}, position },
  ];
  const headEdges = [edge('b0', 'act2', 'y', 'head_b', 'x'), edge('b1', 'head_b', 'y', 'loss_b', 'input'), edge('b2', 'data', 'labels', 'loss_b', 'target')];
  if (secondLoss === 'own optimizer') {
    return {
      ...doc, training,
      nodes: [...doc.nodes, ...head, { id: 'opt_b', kind: 'sgd', params: { lr: 0.05 }, position }],
      edges: [...doc.edges, ...headEdges, edge('b3', 'loss_b', 'loss', 'opt_b', 'loss')],
    };
  }
  const secondLossEdges = Array.from({ length: secondLossWeight }, (_, i) => edge(`b${4 + i}`, 'loss_b', 'loss', 'total', `x${i + 2}`));
  return {
    ...doc, training,
    nodes: [...doc.nodes, ...head, { id: 'total', kind: 'add', params: { inputs: 1 + secondLossWeight }, position }],
    edges: [
      ...doc.edges.filter((e) => e.to.node !== 'opt'),
      ...headEdges,
      edge('b3', 'loss', 'loss', 'total', 'x1'), ...secondLossEdges, edge('b_total', 'total', 'y', 'opt', 'loss'),
    ],
  };
}
