/**
 * Builds one optimizer node's whole update into a program: the learning-rate and step inputs, the global gradient
 * norm, clipping, then each weight's update rule and the assignments that make the new weights and state stick.
 */
import type { Builder } from '../../ir/builder.ts';
import type { Init } from '../../ir/ops.ts';
import type { Value } from '../../ir/program.ts';
import { clipGradNorm, clipGradValue, globalGradNorm } from '../clip-gradients.ts';
import { learningRateAt, type LrSchedule } from '../schedules.ts';
import { isOptimizerKind, UPDATE_RULES, type HyperOf, type OptimizerKind } from './registry.ts';
import type { UpdateContext, UpdateRule } from './update-rule.ts';

/** Clipping applied to the gradients before the update; 0 switches each off (optimizer node params). */
export interface ClipSettings {
  /** Like clip_grad_norm_(max_norm): scale all gradients together so that their global 2-norm is at most this. */
  readonly clip_grad_norm: number;
  /** Like clip_grad_value_(clip_value), applied after the norm clipping. */
  readonly clip_grad_value: number;
}

/** A weight (a `param` op) and the gradient of the loss with respect to it. */
export interface ParamGradient {
  readonly param: Value;
  readonly grad: Value;
}

export interface OptimizerStepSpec {
  /** The optimizer node's id: names its inputs and state. */
  readonly id: string;
  /** The optimizer node's kind id (a key of UPDATE_RULES). */
  readonly kind: string;
  /** The optimizer node's resolved params: its rule's hyper-parameters plus the clip settings. */
  readonly hyper: Readonly<Record<string, unknown>>;
  readonly pairs: readonly ParamGradient[];
}

export interface OptimizerStep {
  /** Name of the scalar input the training loop feeds the scheduled learning rate to. */
  readonly lrInput: string;
  /** Name of the scalar input fed the 1-based update count t. */
  readonly stepInput: string;
  /** The global 2-norm of the gradients before clipping, for the training loop's NaN guard. */
  readonly gradNorm: Value;
}

export const optimizerStateName = (optimizerId: string, paramName: string, slot: string): string =>
  `optim.${optimizerId}.${paramName}.${slot}`;

/** The state_dict name and shape of a weight; update rules name their state after it. */
function weightOf(b: Builder, value: Value): { name: string; shape: readonly number[] } {
  // The builder makes one value per op, so a value's id is normally its op's index; search in case it is not.
  const op = b.ops[value.id]?.out === value.id ? b.ops[value.id] : b.ops.find((o) => o.out === value.id);
  if (op?.op !== 'param') throw new Error(`value ${value.id} is not a weight (a param op); an optimizer updates only weights`);
  const { name, shape } = op.attrs as { name: string; shape: readonly number[] };
  return { name, shape };
}

export function buildOptimizerStep(b: Builder, spec: OptimizerStepSpec): OptimizerStep {
  const { kind } = spec;
  if (!isOptimizerKind(kind)) throw new Error(`optimizer ${spec.id}: no update rule for kind "${kind}" (known: ${Object.keys(UPDATE_RULES).join(', ')})`);
  const outerNode = b.currentNode;
  // Everything made here belongs to the optimizer node, so a non-finite update is reported there.
  b.currentNode = spec.id;
  try {
    return buildStep(b, spec, kind);
  } finally {
    b.currentNode = outerNode;
  }
}

function buildStep<K extends OptimizerKind>(b: Builder, spec: OptimizerStepSpec, kind: K): OptimizerStep {
  // The node's params were validated against its schema, which names them like the rule's hyper-parameters (the
  // optimizer tests run every kind from its node defaults); TypeScript cannot follow a kind id into the registry.
  const hyper = spec.hyper as HyperOf<K> & ClipSettings;
  const rule = UPDATE_RULES[kind] as UpdateRule<HyperOf<K>>;
  const lrInput = `optim.${spec.id}.lr`;
  const stepInput = `optim.${spec.id}.step`;
  const lr = b.op('input', [], { name: lrInput, shape: [], dtype: 'f32' });
  const step = b.op('input', [], { name: stepInput, shape: [], dtype: 'f32' });

  let grads: readonly Value[] = spec.pairs.map((p) => p.grad);
  const gradNorm = globalGradNorm(b, grads);
  if (hyper.clip_grad_norm > 0) grads = clipGradNorm(b, grads, hyper.clip_grad_norm, gradNorm).grads;
  if (hyper.clip_grad_value > 0) grads = clipGradValue(b, grads, hyper.clip_grad_value);

  spec.pairs.forEach(({ param }, i) => {
    const { name, shape } = weightOf(b, param);
    const ctx: UpdateContext = {
      b, lr, step,
      state: (slot: string, init: Init) => b.op('buffer', [], { name: optimizerStateName(spec.id, name, slot), shape, init }),
    };
    b.assign(param, rule(ctx, param, grads[i]!, hyper));
  });
  return { lrInput, stepInput, gradNorm };
}

/**
 * The value the training loop feeds to the step's lr input: the node's lr (or `lrOverride`, the run's learning-rate
 * setting) under the node's schedule, for an update made in `epoch` (0-based) as this optimizer's update `step` (0-based).
 */
export function learningRateOf(
  kind: string, hyper: Readonly<Record<string, unknown>>, lrOverride: number | undefined, epoch: number, step: number,
): number {
  if (!isOptimizerKind(kind)) throw new Error(`no update rule for optimizer kind "${kind}"`);
  const baseLr = lrOverride ?? hyper['lr'];
  if (typeof baseLr !== 'number') throw new Error(`optimizer kind "${kind}" has no numeric lr param`);
  // Optimizer nodes share the schedule params (nodes/common/optimizer.ts), named like LrSchedule's fields.
  return learningRateAt(hyper as unknown as LrSchedule, baseLr, epoch, step);
}
