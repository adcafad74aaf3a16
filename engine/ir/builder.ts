/**
 * Builds an IR program op by op, applying each primitive's shape rule as it goes: a lowering that would produce an
 * ill-shaped program fails at the op that is wrong, with a ShapeError naming the operands.
 */
import { ShapeError } from './errors.ts';
import { OP_ARITY, type DType, type OpAttrs, type OpId, type UnaryOp } from './ops.ts';
import type { Op, Program, StateUpdate, Value } from './program.ts';
import type { Shape } from './shape.ts';
import { SHAPE_RULES } from './shape-rules.ts';

export class Builder {
  readonly values: Value[] = [];
  readonly ops: Op[] = [];
  readonly stateUpdates: StateUpdate[] = [];
  readonly outputs: Record<string, number> = {};
  /** The graph node being lowered; stamped on every value created meanwhile. */
  currentNode: string | undefined = undefined;

  op<K extends OpId>(op: K, inputs: readonly Value[], attrs: OpAttrs[K]): Value {
    const arity = OP_ARITY[op];
    if (arity >= 0 && inputs.length !== arity) throw new ShapeError(`${op} takes ${arity} operands, got ${inputs.length}`);
    const type = SHAPE_RULES[op](inputs, attrs);
    const value: Value = { id: this.values.length, shape: type.shape, dtype: type.dtype, node: this.currentNode };
    this.values.push(value);
    this.ops.push({ op, inputs: inputs.map((v) => v.id), attrs, out: value.id, node: this.currentNode } as Op);
    return value;
  }

  /** Record that `buffer` takes `value` after the step (e.g. a running mean). */
  assign(buffer: Value, value: Value): void {
    if (buffer.shape.join() !== value.shape.join()) throw new ShapeError(`cannot assign [${value.shape}] to buffer [${buffer.shape}]`);
    this.stateUpdates.push({ buffer: buffer.id, value: value.id });
  }

  output(name: string, value: Value): void {
    this.outputs[name] = value.id;
  }

  /** Empties the builder for reuse (the analysis lowers thousands of nodes one at a time). */
  reset(): void {
    this.values.length = 0;
    this.ops.length = 0;
    this.stateUpdates.length = 0;
    for (const key of Object.keys(this.outputs)) delete this.outputs[key];
    this.currentNode = undefined;
  }

  program(): Program {
    return { values: this.values, ops: this.ops, stateUpdates: this.stateUpdates, outputs: this.outputs };
  }

  // Shorthands that keep lowerings readable.
  scalar(value: number, dtype: DType = 'f32'): Value {
    return this.op('constant', [], { shape: [], value, dtype });
  }
  unary(fn: UnaryOp, x: Value): Value {
    return this.op(fn, [x], {});
  }
  add(a: Value, b: Value): Value {
    return this.op('add', [a, b], {});
  }
  sub(a: Value, b: Value): Value {
    return this.op('sub', [a, b], {});
  }
  mul(a: Value, b: Value): Value {
    return this.op('mul', [a, b], {});
  }
  div(a: Value, b: Value): Value {
    return this.op('div', [a, b], {});
  }
  matmul(a: Value, b: Value): Value {
    return this.op('matmul', [a, b], {});
  }
  reshape(x: Value, shape: Shape): Value {
    return this.op('reshape', [x], { shape });
  }
  transpose(x: Value, perm: readonly number[]): Value {
    return this.op('transpose', [x], { perm });
  }
  sum(x: Value, axes: readonly number[], keepDims = false): Value {
    return this.op('reduceSum', [x], { axes, keepDims });
  }
  mean(x: Value, axes: readonly number[], keepDims = false): Value {
    return this.op('reduceMean', [x], { axes, keepDims });
  }
  max(x: Value, axes: readonly number[], keepDims = false): Value {
    return this.op('reduceMax', [x], { axes, keepDims });
  }
  /** Numerically stable log Σ exp over `axis` (max subtracted first). */
  logSumExp(x: Value, axis: number): Value {
    const m = this.max(x, [axis], true);
    return this.add(this.unary('log', this.sum(this.unary('exp', this.sub(x, m)), [axis], true)), m);
  }
}
