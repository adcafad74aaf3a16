/**
 * Which picture of the model's behaviour the data allows: a decision boundary over 2-D points, a fitted curve over
 * 1-D inputs, or neither (with the reason, in words for the user).
 */
import type { DataSummary } from '../protocol.ts';

export type BoundaryMode = { readonly kind: 'decision-grid' } | { readonly kind: 'fitted-curve' } | { readonly kind: 'none'; readonly reason: string };

export function boundaryMode(data: DataSummary): BoundaryMode {
  const shape = data.featureShape;
  if (shape.length === 1 && shape[0] === 2) return { kind: 'decision-grid' };
  if (shape.length === 1 && shape[0] === 1) return { kind: 'fitted-curve' };
  return {
    kind: 'none',
    reason: `The decision boundary needs 2-D points and a classification loss, and the fitted curve 1-D inputs and a regression loss; this data’s samples have the shape [${shape.join(', ')}].`,
  };
}

/** Said when the data has the right shape but the loss does not fit the picture (the probe answered nothing). */
export const NO_GRID_REASON = 'The decision boundary needs a classification loss (cross-entropy, NLL, or binary cross-entropy with a single output) on these 2-D points.';
export const NO_CURVE_REASON = 'The fitted curve needs a regression loss (MSE or L1) with one output per input.';
