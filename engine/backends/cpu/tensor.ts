/** The operand type of CPU kernels and the shape arithmetic they share. */
import type { OpAttrs } from '../../ir/ops.ts';
import type { DispatchContext, HostArray } from '../backend.ts';
import type { ComputedOp } from '../placed-ops.ts';

/** A kernel operand: exactly `sizeOf(shape)` elements in row-major order. */
export interface CpuTensor {
  readonly data: HostArray;
  readonly shape: readonly number[];
}

/** Computes `out` from `inputs`; writes every element of `out` (outputs are reused buffers, never pre-zeroed). */
export type CpuKernel<K extends ComputedOp> = (
  inputs: readonly CpuTensor[], out: CpuTensor, attrs: OpAttrs[K], context: DispatchContext,
) => void;

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

