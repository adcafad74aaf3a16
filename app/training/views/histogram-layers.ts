/**
 * The histograms view's layers: the tensors of a histograms snapshot grouped by the node they belong to (weights by
 * state_dict name `<node>.<name>`, activations by `<node>:<port>`), in the graph's data-flow order.
 */
import type { HistogramsResult } from '../protocol.ts';

export interface HistogramLayer {
  readonly node: string;
  /** State_dict names (weights and buffers). */
  readonly weights: readonly string[];
  /** `node:port` names. */
  readonly activations: readonly string[];
}

/** The node a state_dict name belongs to: the longest node id it starts with (ids may contain dots themselves). */
function ownerOfWeight(name: string, nodeIds: readonly string[]): string {
  let owner: string | undefined;
  for (const id of nodeIds) if (name.startsWith(`${id}.`) && (!owner || id.length > owner.length)) owner = id;
  return owner ?? name.slice(0, Math.max(0, name.lastIndexOf('.')));
}

const ownerOfActivation = (name: string): string => name.slice(0, name.lastIndexOf(':'));

/** @param order node ids in data-flow order (the analysis'); nodes missing from it go last, in snapshot order. */
export function histogramLayers(snapshot: Pick<HistogramsResult, 'weights' | 'activations'>, order: readonly string[]): HistogramLayer[] {
  const byNode = new Map<string, { weights: string[]; activations: string[] }>();
  const entry = (node: string) => {
    let layer = byNode.get(node);
    if (!layer) byNode.set(node, (layer = { weights: [], activations: [] }));
    return layer;
  };
  for (const name of Object.keys(snapshot.weights)) entry(ownerOfWeight(name, order)).weights.push(name);
  for (const name of Object.keys(snapshot.activations)) entry(ownerOfActivation(name)).activations.push(name);
  const rank = (node: string) => {
    const at = order.indexOf(node);
    return at < 0 ? order.length : at;
  };
  // Array.prototype.sort is stable: unknown nodes keep the order they first appeared in.
  return [...byNode].map(([node, tensors]) => ({ node, ...tensors })).sort((a, b) => rank(a.node) - rank(b.node));
}

/**
 * The layers shown before the user picks: the first and the last layer with weights — the pair whose gradients and
 * weights differ most when a deep stack's gradients vanish.
 */
export function defaultLayers(layers: readonly HistogramLayer[]): string[] {
  const weighted = layers.filter((l) => l.weights.length > 0);
  return [...new Set([weighted[0]?.node, weighted[weighted.length - 1]?.node].filter((n): n is string => n !== undefined))];
}
