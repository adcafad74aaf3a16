/** Optimizers, in palette order. */
import { sgd } from './sgd.ts';

export const OPTIMIZER_KINDS = [sgd] as const;
