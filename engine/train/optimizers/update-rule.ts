/**
 * The contract of an optimizer update rule, expressed as IR so that the whole update runs on the device like any
 * other primitive (weights and optimizer state never travel to the host).
 *
 * A rule receives the current value of one weight and its gradient and returns the weight's new value; it keeps
 * its own running statistics in `buffer` ops obtained from `ctx.state` and updates them with `ctx.b.assign`. The
 * caller (build-update.ts) assigns the returned value to the weight, so every weight and buffer takes its new value
 * together, after the step.
 */
import type { Builder } from '../../ir/builder.ts';
import type { Init } from '../../ir/ops.ts';
import type { Value } from '../../ir/program.ts';

export interface UpdateContext {
  readonly b: Builder;
  /**
   * Optimizer state tensor for the current weight, shaped like it: a `buffer` op named
   * `optim.<optimizerNodeId>.<paramName>.<slot>`. Slots use PyTorch's state keys (`exp_avg`, `momentum_buffer`).
   */
  state(slot: string, init: Init): Value;
  /** Scalar f32 `input` fed every step by the training loop: the learning rate with the schedule applied. */
  readonly lr: Value;
  /** Scalar f32 `input`: the 1-based count t of updates this optimizer has made, this one included. */
  readonly step: Value;
}

/** Builds one weight's update and returns its new value; `hyper` are the optimizer node's params, by name. */
export type UpdateRule<P> = (ctx: UpdateContext, param: Value, grad: Value, hyper: P) => Value;

/** Optimizer state every rule starts from when PyTorch starts it at zero. */
export const ZEROS: Init = { dist: 'constant', value: 0 };
