/** fast-check generators of host tensors for round-trip properties: f32, f64-precision and i32, up to rank 3. */
import fc from 'fast-check';
import type { HostTensor } from '../../engine/backends/backend.ts';

const shape = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 });
const size = (s: readonly number[]): number => s.reduce((a, d) => a * d, 1);

export const hostTensor: fc.Arbitrary<HostTensor> = shape.chain((s) => fc.oneof(
  fc.array(fc.float(), { minLength: size(s), maxLength: size(s) })
    .map((v): HostTensor => ({ shape: s, dtype: 'f32', data: Float32Array.from(v) })),
  fc.array(fc.double(), { minLength: size(s), maxLength: size(s) })
    .map((v): HostTensor => ({ shape: s, dtype: 'f32', data: Float64Array.from(v) })),
  fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: size(s), maxLength: size(s) })
    .map((v): HostTensor => ({ shape: s, dtype: 'i32', data: Int32Array.from(v) })),
));
