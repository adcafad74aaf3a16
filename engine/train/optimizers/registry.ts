/** The update rule of each optimizer node kind, keyed by the kind's id; hyper-params are the node's params by name. */
import { adagradUpdate } from './adagrad.ts';
import { adamUpdate, adamwUpdate } from './adam.ts';
import { rmspropUpdate } from './rmsprop.ts';
import { sgdUpdate } from './sgd.ts';
import type { UpdateRule } from './update-rule.ts';

export const UPDATE_RULES = {
  sgd: sgdUpdate,
  adam: adamUpdate,
  adamw: adamwUpdate,
  rmsprop: rmspropUpdate,
  adagrad: adagradUpdate,
} as const;

export type OptimizerKind = keyof typeof UPDATE_RULES;

/** The hyper-parameters the rule of optimizer `K` reads. */
export type HyperOf<K extends OptimizerKind> = (typeof UPDATE_RULES)[K] extends UpdateRule<infer P> ? P : never;

export const isOptimizerKind = (kind: string): kind is OptimizerKind => Object.hasOwn(UPDATE_RULES, kind);
