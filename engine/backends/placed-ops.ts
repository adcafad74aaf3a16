/**
 * Ops whose values the executor places in memory instead of computing them: fed inputs are uploaded, params and
 * buffers live in persistent state buffers. Backends never see these ops in `dispatch`, so kernel tables are keyed
 * by `ComputedOp` and a backend cannot grow a meaningless kernel for them.
 */
import type { OpId } from '../ir/ops.ts';

export const PLACED_OPS = ['input', 'param', 'buffer'] as const;
export type PlacedOp = (typeof PLACED_OPS)[number];
export type ComputedOp = Exclude<OpId, PlacedOp>;

export const isPlacedOp = (op: OpId): op is PlacedOp => (PLACED_OPS as readonly string[]).includes(op);
