/**
 * Reverse-mode automatic differentiation over the IR. The result is the same program (same value ids, ops, state
 * updates and outputs) followed by backward ops built from ordinary primitives with the Builder, so every shape
 * rule checks them and every backend runs them like the forward pass.
 *
 * Walking the ops in reverse order, each op that lies between a `wrt` value and a loss gets ∂L/∂result as the sum
 * of the contributions of its consumers (fan-out accumulates), and its rule in VJP_RULES adds a contribution to
 * each operand that depends on a `wrt` value. Integer values are never differentiated.
 */
import type { Builder } from '../ir/builder.ts';
import { continueProgram } from '../ir/continue-program.ts';
import type { OpId } from '../ir/ops.ts';
import type { Program, Value } from '../ir/program.ts';
import { formatShape, sameShape } from '../ir/shape.ts';
import { AutodiffError } from './errors.ts';
import { VJP_RULES } from './vjp-rules.ts';
import { isNotDifferentiable, type VjpEntry } from './vjp-rule.ts';

export interface Gradients {
  /** The input program followed by the backward ops. */
  readonly program: Program;
  /**
   * `wrt` value id → id of its gradient (same shape). A `wrt` value the losses do not depend on gets zeros: a
   * scalar constant 0 expanded to its shape.
   */
  readonly grads: ReadonlyMap<number, number>;
}

/** A value to differentiate together with its cotangent ∂L/∂value: a value of the program with the same shape. */
export interface Cotangent {
  readonly value: number;
  readonly seed: number;
}

/**
 * Gradients of a scalar f32 loss (or of the sum of several) with respect to the `wrt` values (usually `param`
 * ops; any f32 value works, an intermediate one included).
 */
export function differentiate(program: Program, loss: number | readonly number[], wrt: readonly number[]): Gradients {
  const b = continueProgram(program);
  const cotangents = (typeof loss === 'number' ? [loss] : loss).map((id) => {
    const value = valueOf(program, id, 'loss');
    if (value.dtype !== 'f32' || value.shape.some((d) => d !== 1)) {
      throw new AutodiffError(`the loss %${id} must be a float scalar but is ${value.dtype}${formatShape(value.shape)}`);
    }
    b.currentNode = value.node;
    return { value: id, seed: b.op('constant', [], { shape: value.shape, value: 1, dtype: 'f32' }) };
  });
  return { program: b.program(), grads: backward(b, program, cotangents, wrt) };
}

/**
 * The vector-Jacobian product: gradients of Σ ⟨seedᵢ, valueᵢ⟩ with respect to `wrt`. `differentiate` is this with
 * a seed of 1 for each loss.
 */
export function vjp(program: Program, cotangents: readonly Cotangent[], wrt: readonly number[]): Gradients {
  const b = continueProgram(program);
  const seeds = cotangents.map(({ value: id, seed }) => {
    const value = valueOf(program, id, 'differentiated value');
    const seedValue = valueOf(program, seed, 'seed');
    if (value.dtype !== 'f32' || seedValue.dtype !== 'f32' || !sameShape(value.shape, seedValue.shape)) {
      throw new AutodiffError(`the seed %${seed} (${seedValue.dtype}${formatShape(seedValue.shape)}) must be a float tensor shaped like %${id} (${value.dtype}${formatShape(value.shape)})`);
    }
    return { value: id, seed: seedValue };
  });
  return { program: b.program(), grads: backward(b, program, seeds, wrt) };
}

function valueOf(program: Program, id: number, role: string): Value {
  const value = program.values[id];
  if (!value) throw new AutodiffError(`the ${role} %${id} is not a value of the program`);
  return value;
}

/** Values that depend, through differentiable ops and float values, on some `wrt` value. */
function activeValues(program: Program, wrt: readonly number[]): Set<number> {
  const active = new Set(wrt);
  for (const op of program.ops) {
    const entry = VJP_RULES[op.op];
    if (program.values[op.out]!.dtype !== 'f32') continue;
    if (isNotDifferentiable(entry) && entry.notDifferentiable === 'zero') continue;
    if (op.inputs.some((id) => active.has(id))) active.add(op.out);
  }
  return active;
}

function backward(b: Builder, program: Program, seeds: readonly { value: number; seed: Value }[], wrt: readonly number[]): Map<number, number> {
  for (const id of wrt) {
    const value = valueOf(program, id, 'wrt value');
    if (value.dtype !== 'f32') throw new AutodiffError(`cannot differentiate with respect to the integer value %${id} ${formatShape(value.shape)}`);
  }
  const active = activeValues(program, wrt);
  // Contributions to ∂L/∂value, summed (and replaced by their sum) when the value's producer is reached.
  const contributions = new Map<number, Value[]>();
  const contribute = (id: number, gradient: Value): void => {
    const shape = program.values[id]!.shape;
    if (!sameShape(gradient.shape, shape)) {
      throw new AutodiffError(`a gradient of %${id} has shape ${formatShape(gradient.shape)} instead of ${formatShape(shape)}`);
    }
    const parts = contributions.get(id);
    if (parts) parts.push(gradient);
    else contributions.set(id, [gradient]);
  };
  const total = (id: number): Value | undefined => {
    const parts = contributions.get(id);
    if (!parts) return undefined;
    const sum = parts.reduce((acc, g) => b.add(acc, g));
    contributions.set(id, [sum]);
    return sum;
  };

  for (const { value, seed } of seeds) if (active.has(value)) contribute(value, seed);
  for (let index = program.ops.length - 1; index >= 0; index--) {
    const op = program.ops[index]!;
    // A `wrt` value is active by itself; its producer is only differentiated when an operand is active too.
    if (!contributions.has(op.out) || !op.inputs.some((id) => active.has(id))) continue;
    b.currentNode = op.node;
    const dy = total(op.out)!;
    const entry = VJP_RULES[op.op] as VjpEntry<OpId>;
    if (isNotDifferentiable(entry)) {
      // Reached only when the result is itself a `wrt` value: a constant to everything upstream.
      if (entry.notDifferentiable === 'zero') continue;
      throw new AutodiffError(`cannot differentiate through ${describe(op.op, op.out, op.node)}: ${entry.reason}`);
    }
    try {
      const operands = op.inputs.map((id) => program.values[id]!);
      const gradients = entry({ b, attrs: op.attrs, inputs: operands, output: program.values[op.out]!, dy });
      op.inputs.forEach((id, i) => {
        const gradient = gradients[i];
        if (active.has(id) && gradient) contribute(id, gradient());
      });
    } catch (error) {
      if (error instanceof AutodiffError) throw error;
      throw new AutodiffError(`the gradient of ${describe(op.op, op.out, op.node)} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  const grads = new Map<number, number>();
  for (const id of wrt) {
    const value = program.values[id]!;
    b.currentNode = value.node;
    grads.set(id, (total(id) ?? zerosLike(b, value)).id);
  }
  return grads;
}

function zerosLike(b: Builder, value: Value): Value {
  const zero = b.scalar(0);
  return value.shape.length === 0 ? zero : b.op('expand', [zero], { shape: value.shape });
}

const describe = (op: OpId, out: number, node: string | undefined): string =>
  `%${out} = ${op}${node === undefined ? '' : ` in ${node}`}`;

