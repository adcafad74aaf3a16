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

export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/** Strides that read a tensor of `shape` as if broadcast to `target`: 0 on stretched and on missing leading axes. */
export function broadcastStrides(shape: readonly number[], target: readonly number[]): number[] {
  const own = rowMajorStrides(shape);
  const offset = target.length - shape.length;
  return target.map((_, i) => (i < offset || shape[i - offset] === 1 ? 0 : own[i - offset]!));
}
