/** Pieces shared by the loss nodes: PyTorch's `reduction` and the prediction/target checks. */
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import { p, type ParamSchema } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { formatShape, sameShape } from '../../engine/ir/shape.ts';

export const reductionParam = p.choice(['mean', 'sum'], 'mean', 'average over elements (PyTorch default) or sum');

export const LOSS_PORTS = {
  inputs: [{ name: 'input', doc: 'prediction' }, { name: 'target', doc: 'what the prediction should be' }],
  outputs: [{ name: 'loss', rank: 0, doc: 'scalar loss' }],
} as const;

/** Sum or mean of an elementwise loss over every element. */
export function reduceAll(ctx: LowerContext<ParamSchema>, elementwise: Value, reduction: 'mean' | 'sum'): Value {
  const all = elementwise.shape.map((_, i) => i);
  return reduction === 'mean' ? ctx.b.mean(elementwise, all) : ctx.b.sum(elementwise, all);
}

/** Elementwise losses need a float target of exactly the prediction's shape (PyTorch only warns; we refuse). */
export function matchingTarget(ctx: LowerContext<ParamSchema>, input: Value): Value {
  const target = ctx.input('target');
  if (target.dtype !== 'f32') {
    ctx.fail('target-mismatch', `target must be float values shaped like the prediction ${formatShape(input.shape)}, but it is integer ${formatShape(target.shape)} (class indices belong to CrossEntropyLoss or NLLLoss)`, { port: 'target' });
  }
  if (!sameShape(input.shape, target.shape)) {
    ctx.fail('target-mismatch', `prediction ${formatShape(input.shape)} and target ${formatShape(target.shape)} differ in shape; PyTorch would broadcast them silently and learn the wrong thing`, { port: 'target' });
  }
  return target;
}
