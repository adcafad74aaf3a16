/**
 * Every case of the primitive table on the CPU backend in float64 and float32, dispatched directly and run as a
 * program, against PyTorch's float64 outputs (test/fixtures/pytorch/primitive-reference.json), the counter-based
 * definition of the random primitives, or the expected error.
 */
import { describe, expect, it } from 'vitest';
import type { HostTensor, Precision } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { isPlacedOp } from '../../engine/backends/placed-ops.ts';
import { OP_ARITY, type OpId } from '../../engine/ir/ops.ts';
import { PRIMITIVE_CASES, type PrimitiveCase } from './primitive-cases.ts';
import { referenceCaseNames, referenceOutput, referenceSpec, TORCH_VERSION } from './reference.ts';
import {
  dispatchCase, expectedRandom, firstMismatch, programRandomSeed, runCaseProgram, TOLERANCE,
} from './run-case.ts';

const SEED = 20240607;
const EXACT = { rtol: 0, atol: 0 };

type Path = 'dispatch' | 'program';
const pathsOf = (c: PrimitiveCase): Path[] => (isPlacedOp(c.op) ? ['program'] : ['dispatch', 'program']);

describe('the primitive case table', () => {
  it('has a case for every primitive', () => {
    const covered = new Set(PRIMITIVE_CASES.map((c) => c.op));
    expect((Object.keys(OP_ARITY) as OpId[]).filter((op) => !covered.has(op))).toEqual([]);
  });

  it('has unique case names', () => {
    const names = PRIMITIVE_CASES.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it(`has a PyTorch ${TORCH_VERSION} reference made from each case as it is now`, () => {
    const pytorchCases = PRIMITIVE_CASES.filter((c) => c.expect.kind === 'pytorch');
    for (const c of pytorchCases) {
      const now = JSON.parse(JSON.stringify({ op: c.op, attrs: c.attrs, inputs: c.inputs }));
      expect(referenceSpec(c.name), `${c.name}: re-run test/fixtures/pytorch/make_primitive_reference.py`).toEqual(now);
    }
    expect(referenceCaseNames().sort()).toEqual(pytorchCases.map((c) => c.name).sort());
  });
});

async function runPath(precision: Precision, path: Path, c: PrimitiveCase): Promise<HostTensor> {
  const backend = createCpuBackend({ precision });
  try {
    return await (path === 'dispatch' ? dispatchCase(backend, c, SEED) : runCaseProgram(backend, c, SEED));
  } finally {
    backend.dispose();
  }
}

for (const precision of ['f64', 'f32'] as const) {
  describe(`CPU backend, ${precision}`, () => {
    for (const c of PRIMITIVE_CASES) {
      for (const path of pathsOf(c)) {
        it(`${c.name} (${path})`, async () => {
          const expectation = c.expect;
          if (expectation.kind === 'error') {
            await expect(runPath(precision, path, c)).rejects.toThrow(expectation.message);
            return;
          }
          const out = await runPath(precision, path, c);
          if (expectation.kind === 'counter') {
            const seed = path === 'dispatch' ? SEED : programRandomSeed(SEED);
            expect(firstMismatch(out.data, expectedRandom(c, seed), TOLERANCE[precision])).toBeUndefined();
            return;
          }
          const reference = referenceOutput(c.name);
          expect(out.shape).toEqual(reference.shape);
          expect(out.dtype).toBe(reference.dtype);
          const expectedArray = out.dtype === 'i32' ? Int32Array : precision === 'f64' ? Float64Array : Float32Array;
          expect(out.data).toBeInstanceOf(expectedArray);
          expect(firstMismatch(out.data, reference.data, out.dtype === 'i32' ? EXACT : TOLERANCE[precision])).toBeUndefined();
        });
      }
    }
  });
}
