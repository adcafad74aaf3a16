/**
 * The node catalog: every kind the editor offers, in palette order. Registration is explicit — each category
 * folder's index.ts lists its kinds, and this file lists the categories — so a kind that is not listed does not
 * exist, and catalog.test.ts checks every listed kind automatically.
 */
import { makeCatalog, type NodeKind } from '../engine/compile/node-kind.ts';
import { ACTIVATION_KINDS } from './activations/index.ts';
import { DATA_KINDS } from './data/index.ts';
import { LAYER_KINDS } from './layers/index.ts';
import { LOSS_KINDS } from './losses/index.ts';
import { OPTIMIZER_KINDS } from './optimizers/index.ts';
import { STRUCTURE_KINDS } from './structure/index.ts';

export const NODE_KINDS: readonly NodeKind<any>[] = [
  ...DATA_KINDS, ...LAYER_KINDS, ...ACTIVATION_KINDS, ...STRUCTURE_KINDS, ...LOSS_KINDS, ...OPTIMIZER_KINDS,
];

export const CATALOG = makeCatalog(NODE_KINDS);
