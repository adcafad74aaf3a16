/**
 * Gradient clipping and the global gradient norm against torch.nn.utils.clip_grad_norm_ / clip_grad_value_
 * (test/fixtures/pytorch/optimizer-reference.json), run on the CPU backend in float64 and float32.
 */
import { describe, expect, it } from 'vitest';
import type { HostTensor, Precision } from '../../engine/backends/backend.ts';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { Value } from '../../engine/ir/program.ts';
import { clipGradNorm, clipGradValue, globalGradNorm } from '../../engine/train/clip-gradients.ts';
import reference from '../fixtures/pytorch/optimizer-reference.json' with { type: 'json' };

const { shapes, grads, cases, zeroGradsNorm, zeroGradsClipped } = reference.clipping;
/** Absolute tolerance: every value here is of order 1. */
const DIGITS: Record<Precision, number> = { f64: 12, f32: 5 };

/** Builds `clip` over the fixture's gradients (as `input` ops) and returns each output, read back. */
async function run(precision: Precision, gradData: readonly (readonly number[])[], clip: (b: Builder, grads: Value[]) => Record<string, Value>) {
  const b = new Builder();
  const inputs = shapes.map((shape, i) => b.op('input', [], { name: `g${i}`, shape, dtype: 'f32' }));
  for (const [name, value] of Object.entries(clip(b, inputs))) b.output(name, value);
  const backend = createCpuBackend({ precision });
  const runner = await createRunner(backend, b.program());
  try {
    const feeds: Record<string, HostTensor> = {};
    shapes.forEach((shape, i) => {
      feeds[`g${i}`] = { shape, dtype: 'f32', data: precision === 'f64' ? Float64Array.from(gradData[i]!) : Float32Array.from(gradData[i]!) };
    });
    await runner.run(feeds);
    const out: Record<string, number[]> = {};
    for (const name of Object.keys(b.outputs)) out[name] = Array.from((await runner.read(name)).data);
    return out;
  } finally {
    runner.dispose();
    backend.dispose();
  }
}

const close = (expected: readonly number[], precision: Precision) => expected.map((e) => expect.closeTo(e, DIGITS[precision]));
const byIndex = (values: readonly Value[]) => Object.fromEntries(values.map((v, i) => [`g${i}`, v]));

describe(`gradient clipping against torch.nn.utils ${reference.torch}`, () => {
  for (const precision of ['f64', 'f32'] as const) {
    for (const c of cases) {
      it(`clip_grad_${c.mode}_ to ${c.limit.toPrecision(4)} in ${precision}`, async () => {
        const out = await run(precision, grads, (b, g) => {
          if (c.mode === 'value') return byIndex(clipGradValue(b, g, c.limit));
          const clipped = clipGradNorm(b, g, c.limit);
          return { ...byIndex(clipped.grads), norm: clipped.norm };
        });
        c.clipped.forEach((expected, i) => expect(out[`g${i}`]).toEqual(close(expected, precision)));
        if (c.mode === 'norm') expect(out['norm']).toEqual(close([c.norm!], precision));
      });
    }

    it(`leaves all-zero gradients at zero, with norm 0, in ${precision}`, async () => {
      const zeros = shapes.map((s) => new Array<number>(s.reduce((n, d) => n * d, 1)).fill(0));
      const out = await run(precision, zeros, (b, g) => {
        const clipped = clipGradNorm(b, g, 1);
        return { ...byIndex(clipped.grads), norm: clipped.norm };
      });
      zeroGradsClipped.forEach((expected, i) => expect(out[`g${i}`]).toEqual(expected));
      expect(out['norm']).toEqual([zeroGradsNorm]);
    });
  }

  it('reuses a norm already in the program instead of computing it again', () => {
    const b = new Builder();
    const g = [b.op('input', [], { name: 'g', shape: [3], dtype: 'f32' })];
    const norm = globalGradNorm(b, g);
    const before = b.ops.filter((o) => o.op === 'reduceSum').length;
    expect(clipGradNorm(b, g, 1, norm).norm).toBe(norm);
    expect(b.ops.filter((o) => o.op === 'reduceSum').length).toBe(before);
  });

  it('gives norm 0 for no gradients, like clip_grad_norm_ of an empty list', () => {
    const b = new Builder();
    const norm = globalGradNorm(b, []);
    const op = b.ops[norm.id]!;
    expect(op.op).toBe('constant');
    expect((op.attrs as { value: number }).value).toBe(0);
  });
});
