/**
 * One primitive case on a backend under test against the CPU backend, in float32: matrix products, convolutions
 * and reductions (which sum in another order) within atol = rtol = 1e-3, everything else within 1e-5 relative;
 * random primitives against their counter-based definition; error cases must fail with the CPU's message. Shared
 * by the Node test (Dawn) and the browser test (Chromium's WebGPU), so both hold the backend to the same bar.
 */
import type { Backend, HostTensor } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { isPlacedOp } from '../../engine/backends/placed-ops.ts';
import type { OpId } from '../../engine/ir/ops.ts';
import type { PrimitiveCase } from './primitive-cases.ts';
import { dispatchCase, expectedRandom, firstMismatch, programRandomSeed, runCaseProgram, TOLERANCE, type Tolerance } from './run-case.ts';

export const PARITY_SEED = 20240607;
const EXACT: Tolerance = { rtol: 0, atol: 0 };
const SUMMING: Tolerance = { rtol: 1e-3, atol: 1e-3 };
const SUMMING_OPS: ReadonlySet<OpId> = new Set<OpId>([
  'matmul', 'conv', 'convTranspose', 'convGradInput', 'convGradWeight', 'reduceSum', 'reduceMean', 'reduceMax',
]);

export type Path = 'dispatch' | 'program';
export const pathsOf = (c: PrimitiveCase): Path[] => (isPlacedOp(c.op) ? ['program'] : ['dispatch', 'program']);

const run = (backend: Backend, path: Path, c: PrimitiveCase): Promise<HostTensor> =>
  path === 'dispatch' ? dispatchCase(backend, c, PARITY_SEED) : runCaseProgram(backend, c, PARITY_SEED);

/** What is wrong with `backend`'s result for the case, or undefined when it agrees. */
export async function parityProblem(backend: Backend, c: PrimitiveCase, path: Path): Promise<string | undefined> {
  const expectation = c.expect;
  if (expectation.kind === 'error') {
    try {
      await run(backend, path, c);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return message.includes(expectation.message) ? undefined : `failed with "${message}", expected "${expectation.message}"`;
    }
    return `succeeded, expected the error "${expectation.message}"`;
  }
  const out = await run(backend, path, c);
  if (expectation.kind === 'counter') {
    const seed = path === 'dispatch' ? PARITY_SEED : programRandomSeed(PARITY_SEED);
    return firstMismatch(out.data, expectedRandom(c, seed), c.op === 'randomBernoulli' ? EXACT : TOLERANCE.f32);
  }
  const cpu = createCpuBackend({ precision: 'f32' });
  let reference: HostTensor;
  try {
    reference = await run(cpu, path, c);
  } finally {
    cpu.dispose();
  }
  if (out.shape.join() !== reference.shape.join()) return `shape [${out.shape}], expected [${reference.shape}]`;
  if (out.dtype !== reference.dtype) return `dtype ${out.dtype}, expected ${reference.dtype}`;
  if (out.data.constructor !== reference.data.constructor) return `data is ${out.data.constructor.name}, expected ${reference.data.constructor.name}`;
  const tolerance = out.dtype === 'i32' ? EXACT : SUMMING_OPS.has(c.op) ? SUMMING : TOLERANCE.f32;
  return firstMismatch(out.data, Array.from(reference.data), tolerance);
}
