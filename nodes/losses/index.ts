/** Losses, in palette order. */
import { crossEntropy } from './cross-entropy.ts';

export const LOSS_KINDS = [crossEntropy] as const;
