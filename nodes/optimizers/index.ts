/** Optimizers, in palette order. */
import { adagrad } from './adagrad.ts';
import { adam } from './adam.ts';
import { adamw } from './adamw.ts';
import { rmsprop } from './rmsprop.ts';
import { sgd } from './sgd.ts';

export const OPTIMIZER_KINDS = [sgd, adam, adamw, rmsprop, adagrad] as const;
