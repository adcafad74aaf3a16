/**
 * The learning rate of each optimizer node of a document, as the run uses it: the node's `lr`, or the kind's
 * default. Every optimizer kind shares the `lr` param (nodes/common/optimizer.ts); the run panel edits it there.
 */
import type { GraphDocument } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';

export interface OptimizerRate {
  readonly node: string;
  readonly lr: number;
}

export function optimizerLearningRates(doc: GraphDocument): OptimizerRate[] {
  const rates: OptimizerRate[] = [];
  for (const node of doc.nodes) {
    const kind = CATALOG.get(node.kind);
    const param = kind?.optimizer ? (kind.params as Record<string, { readonly default: unknown }>)['lr'] : undefined;
    if (!param) continue;
    const lr = node.params['lr'] ?? param.default;
    if (typeof lr === 'number') rates.push({ node: node.id, lr });
  }
  return rates;
}
