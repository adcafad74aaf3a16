/** Hostile variants of a good file for fuzzing readers: random bytes, the file cut short, one byte changed. */
import fc from 'fast-check';

export function damagedCopies(good: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.nat(good.length - 1).map((n) => good.subarray(0, n)),
    fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
      const copy = good.slice();
      copy[i] = b;
      return copy;
    }),
  );
}
