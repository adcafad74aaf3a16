/**
 * The blocked GEMM against the textbook triple loop, at sizes that cross its block edges (depth > 256, columns > 128,
 * rows and columns not multiples of the 4×4 tile), wide and tall, with transposed operands and accumulation.
 */
import { describe, expect, it } from 'vitest';
import { gemm, type MatrixRef } from '../../engine/backends/cpu/gemm.ts';

const at = (m: MatrixRef, i: number, j: number) => m.data[m.offset + i * m.rowStride + j * m.colStride]!;

/** C + A·B by definition, as a fresh row-major m×n array. */
function naive(m: number, k: number, n: number, a: MatrixRef, b: MatrixRef, c: MatrixRef): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let sum = at(c, i, j);
    for (let p = 0; p < k; p++) sum += at(a, i, p) * at(b, p, j);
    out.push(sum);
  }
  return out;
}
const read = (m: number, n: number, c: MatrixRef) => Array.from({ length: m * n }, (_, x) => at(c, Math.floor(x / n), x % n));
const data = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3 + seed));
const rowMajor = (data: Float64Array, offset: number, cols: number): MatrixRef => ({ data, offset, rowStride: cols, colStride: 1 });
const colMajor = (data: Float64Array, offset: number, rows: number): MatrixRef => ({ data, offset, rowStride: 1, colStride: rows });

function expectClose(actual: number[], expected: number[], k: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(1e-12 * k));
}

describe('gemm', () => {
  it.each([
    [1, 1, 1], [3, 5, 2], [2, 7, 9], [9, 300, 133], [133, 300, 9], [17, 257, 129],
  ])('multiplies %i×%i by %i-column matrices, stored plainly and transposed', (m, k, n) => {
    const a = data(m * k + 3, 1), b = data(k * n + 5, 2);
    const layouts: [MatrixRef, MatrixRef][] = [[rowMajor(a, 3, k), rowMajor(b, 5, n)], [colMajor(a, 0, m), colMajor(b, 0, k)]];
    for (const [ra, rb] of layouts) {
      const c = new Float64Array(m * n).fill(NaN); // a fresh product must not read C
      gemm(m, k, n, ra, rb, c, 0, false);
      expectClose(read(m, n, rowMajor(c, 0, n)), naive(m, k, n, ra, rb, rowMajor(new Float64Array(m * n), 0, n)), k);
    }
  });

  it.each([[6, 270, 131], [131, 270, 6]])('accumulates %i×%i·%i into C at an offset and leaves the rest alone', (m, k, n) => {
    const a = rowMajor(data(m * k, 3), 0, k), b = rowMajor(data(k * n, 4), 0, n);
    const store = data(m * n + 7, 5);
    const before = Float64Array.from(store);
    gemm(m, k, n, a, b, store, 7, true);
    expect(Array.from(store.subarray(0, 7))).toEqual(Array.from(before.subarray(0, 7)));
    expectClose(read(m, n, rowMajor(store, 7, n)), naive(m, k, n, a, b, rowMajor(before, 7, n)), k);
  });
});
