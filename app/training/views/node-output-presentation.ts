/**
 * How the node-output view draws each output port of the selected node, from its per-sample shape: [C,H,W] as a grid
 * of feature maps, a matrix ([T,T] attention, [T,D] sequences) as a heat map, class scores as softmax
 * probabilities, any other vector as bars.
 */
import type { Catalog } from '../../../engine/compile/node-kind.ts';
import type { GraphDocument } from '../../../engine/graph/types.ts';

export type OutputPresentation =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'bars' }
  | { readonly kind: 'probabilities' }
  | { readonly kind: 'heat-map'; readonly rows: number; readonly columns: number }
  | { readonly kind: 'feature-maps'; readonly channels: number; readonly height: number; readonly width: number }
  /** Rank 4 and up: only its numbers' range is shown. */
  | { readonly kind: 'summary' };

/** @param classScores the port feeds a classification loss's prediction (its scores become probabilities). */
export function presentationOf(shape: readonly number[], classScores: boolean): OutputPresentation {
  switch (shape.length) {
    case 0:
      return { kind: 'scalar' };
    case 1:
      return classScores ? { kind: 'probabilities' } : { kind: 'bars' };
    case 2:
      return { kind: 'heat-map', rows: shape[0]!, columns: shape[1]! };
    case 3:
      return { kind: 'feature-maps', channels: shape[0]!, height: shape[1]!, width: shape[2]! };
    default:
      return { kind: 'summary' };
  }
}

/**
 * The ports of `node` wired to the prediction input of a loss that reads class scores (CrossEntropyLoss, NLLLoss):
 * logits or log-probabilities, whose softmax is the model's class probabilities either way.
 */
export function classScorePorts(doc: GraphDocument, catalog: Catalog, node: string): Set<string> {
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  return new Set(doc.edges
    .filter((e) => e.from.node === node && e.to.port === 'input' && catalog.get(kinds.get(e.to.node) ?? '')?.prediction === 'class-scores')
    .map((e) => e.from.port));
}

/** Softmax computed with the maximum subtracted, so large logits do not overflow. */
export function softmax(scores: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += out[i] = Math.exp(scores[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** The indices of the `count` largest values, largest first (ties keep index order). */
export function topIndices(values: ArrayLike<number>, count: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b).slice(0, count);
}

/** Smallest and largest finite value (0 and 0 when there is none). */
export function finiteRange(values: ArrayLike<number>, from = 0, to = values.length): { readonly min: number; readonly max: number } {
  let min = Infinity, max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? { min: 0, max: 0 } : { min, max };
}
