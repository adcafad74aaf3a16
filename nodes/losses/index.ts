/** Losses, in palette order. */
import { bce } from './bce.ts';
import { bceWithLogits } from './bce-with-logits.ts';
import { crossEntropy } from './cross-entropy.ts';
import { klDiv } from './kl-div.ts';
import { l1 } from './l1.ts';
import { mse } from './mse.ts';
import { nll } from './nll.ts';

export const LOSS_KINDS = [crossEntropy, nll, bceWithLogits, bce, mse, l1, klDiv] as const;
