/**
 * Runs a primitive case on any backend, two ways: dispatched directly (the backend's kernel alone) and as a
 * one-op program through the executor (feeds, state, memory plan, aliasing). A later backend reuses both.
 */
import type { Backend, HostArray, HostTensor, Precision } from '../../engine/backends/backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { isPlacedOp } from '../../engine/backends/placed-ops.ts';
import { counterNormal, counterUniform, dispatchSeed } from '../../engine/backends/random.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { OpAttrs, OpId } from '../../engine/ir/ops.ts';
import { SHAPE_RULES } from '../../engine/ir/shape-rules.ts';
import { fillValues, type PrimitiveCase, type TensorSpec } from './primitive-cases.ts';

export function caseTensor(spec: TensorSpec, precision: Precision): HostTensor {
  const values = fillValues(spec.fill, spec.shape.reduce((a, d) => a * d, 1));
  const data = spec.dtype === 'i32' ? Int32Array.from(values) : precision === 'f64' ? Float64Array.from(values) : Float32Array.from(values);
  return { shape: spec.shape, dtype: spec.dtype, data };
}

/** The case's output shape and dtype from the shape rules. */
function outputType(c: PrimitiveCase): { shape: number[]; dtype: HostTensor['dtype'] } {
  const type = SHAPE_RULES[c.op](c.inputs, c.attrs as never);
  return { shape: type.shape as number[], dtype: type.dtype };
}

/** Runs the case's kernel on its own: allocate, upload, dispatch, download. Placed ops (input, param, buffer) have no kernel. */
export async function dispatchCase(backend: Backend, c: PrimitiveCase, seed: number): Promise<HostTensor> {
  if (isPlacedOp(c.op)) throw new Error(`${c.op} is placed by the executor, not dispatched`);
  const inputs = c.inputs.map((spec) => {
    const t = caseTensor(spec, backend.precision);
    const buffer = backend.allocate(t.data.length, t.dtype);
    backend.upload(buffer, t.data);
    return { buffer, shape: t.shape, dtype: t.dtype };
  });
  const { shape, dtype } = outputType(c);
  const elements = shape.reduce((a, d) => a * d, 1);
  const out = backend.allocate(elements, dtype);
  try {
    backend.dispatch(c.op, c.attrs as OpAttrs[OpId], inputs, { buffer: out, shape, dtype }, { seed });
    await backend.flush();
    return { shape, dtype, data: await backend.download(out, elements) };
  } finally {
    for (const t of inputs) backend.release(t.buffer);
    backend.release(out);
  }
}

/** Runs the case as a program: operands become inputs x0, x1, …; a param or buffer case sets its state first. */
export async function runCaseProgram(backend: Backend, c: PrimitiveCase, seed: number): Promise<HostTensor> {
  const b = new Builder();
  const feeds: Record<string, HostTensor> = {};
  const state: Record<string, HostTensor> = {};
  if (c.op === 'input') {
    feeds[c.attrs.name] = caseTensor(c.inputs[0]!, backend.precision);
    b.output('y', b.op('input', [], c.attrs));
  } else if (c.op === 'param' || c.op === 'buffer') {
    state[c.attrs.name] = caseTensor(c.inputs[0]!, backend.precision);
    b.output('y', b.op(c.op, [], c.attrs));
  } else {
    const operands = c.inputs.map((spec, i) => {
      feeds[`x${i}`] = caseTensor(spec, backend.precision);
      return b.op('input', [], { name: `x${i}`, shape: spec.shape, dtype: spec.dtype });
    });
    b.output('y', b.op(c.op, operands, c.attrs as OpAttrs[OpId]));
  }
  const runner = createRunner(backend, b.program());
  try {
    for (const [name, value] of Object.entries(state)) runner.setState(name, value);
    await runner.run(feeds, { seed });
    return await runner.read('y');
  } finally {
    runner.dispose();
  }
}

/** Index of a case's random op in its program: after one input op per operand (random ops have none). */
export const PROGRAM_OP_INDEX = 0;

/** What a random primitive must produce under `seed`: its definition over the counter-based generator. */
export function expectedRandom(c: PrimitiveCase, seed: number): number[] {
  const n = outputType(c).shape.reduce((a, d) => a * d, 1);
  switch (c.op) {
    case 'randomNormal':
      return Array.from({ length: n }, (_, i) => c.attrs.mean + c.attrs.std * counterNormal(seed, i));
    case 'randomUniform':
      return Array.from({ length: n }, (_, i) => c.attrs.low + (c.attrs.high - c.attrs.low) * counterUniform(seed, i));
    case 'randomBernoulli':
      return Array.from({ length: n }, (_, i) => (counterUniform(seed, i) < c.attrs.p ? 1 : 0));
    default:
      throw new Error(`${c.name} is not a random case`);
  }
}

/** The seed a random op at PROGRAM_OP_INDEX receives when its program runs with step seed `stepSeed`. */
export const programRandomSeed = (stepSeed: number): number => dispatchSeed(stepSeed, PROGRAM_OP_INDEX);

export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/** float64 agrees with PyTorch's float64 to rounding; float32 to float32 rounding of inputs and results. */
export const TOLERANCE: { readonly [P in Precision]: Tolerance } = {
  f64: { rtol: 1e-9, atol: 1e-12 },
  f32: { rtol: 1e-5, atol: 1e-6 },
};

/**
 * The first element where `actual` and `expected` disagree beyond |a − e| ≤ atol + rtol·|e| (NaN only matches NaN,
 * infinities only themselves), described for a failure message; undefined when all agree.
 */
export function firstMismatch(actual: HostArray, expected: readonly number[], { rtol, atol }: Tolerance): string | undefined {
  if (actual.length !== expected.length) return `${actual.length} values, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!, e = expected[i]!;
    const ok = Number.isNaN(e) ? Number.isNaN(a) : Number.isFinite(e) ? Math.abs(a - e) <= atol + rtol * Math.abs(e) : a === e;
    if (!ok) return `element ${i}: got ${a}, expected ${e}`;
  }
  return undefined;
}
