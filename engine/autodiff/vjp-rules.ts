/**
 * The vector-Jacobian rule of every primitive, or why it has none. A mapped type over `OpId`: a new primitive
 * without an entry here does not compile.
 */
import type { OpId } from '../ir/ops.ts';
import { ELEMENTWISE_VJP } from './rules/elementwise.ts';
import { INDEXING_VJP } from './rules/indexing.ts';
import { MATMUL_VJP } from './rules/matmul.ts';
import { REDUCTIONS_VJP } from './rules/reductions.ts';
import { SHAPE_OPS_VJP } from './rules/shape-ops.ts';
import { SOURCES_VJP } from './rules/sources.ts';
import { SPATIAL_VJP } from './rules/spatial.ts';
import { WHERE_VJP } from './rules/where.ts';
import type { VjpEntry } from './vjp-rule.ts';

export const VJP_RULES: { readonly [K in OpId]: VjpEntry<K> } = {
  ...ELEMENTWISE_VJP,
  ...SHAPE_OPS_VJP,
  ...WHERE_VJP,
  ...REDUCTIONS_VJP,
  ...MATMUL_VJP,
  ...SPATIAL_VJP,
  ...INDEXING_VJP,
  ...SOURCES_VJP,
};
