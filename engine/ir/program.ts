/** The IR program: values in SSA form, the ops that define them, and the state updates a step performs. */
import type { DType, OpAttrs, OpId } from './ops.ts';
import type { Shape } from './shape.ts';

export interface Value {
  readonly id: number;
  readonly shape: Shape;
  readonly dtype: DType;
  /** Id of the graph node whose lowering created this value: where a failure or a non-finite number is reported. */
  readonly node: string | undefined;
}

export interface Op<K extends OpId = OpId> {
  readonly op: K;
  readonly inputs: readonly number[];
  readonly attrs: OpAttrs[K];
  readonly out: number;
  readonly node: string | undefined;
}

/** A buffer or param that takes a new value after each step (batch-norm running statistics, optimizer updates). */
export interface StateUpdate {
  readonly buffer: number;
  readonly value: number;
}

export interface Program {
  readonly values: readonly Value[];
  readonly ops: readonly Op[];
  readonly stateUpdates: readonly StateUpdate[];
  /** Named results: `node:port` → value id. */
  readonly outputs: Readonly<Record<string, number>>;
}
