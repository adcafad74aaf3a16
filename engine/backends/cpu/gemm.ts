/**
 * General matrix product C (+)= A·B over strided operands, the workhorse of matmul and convolution.
 *
 * Plain JavaScript computes in scalar doubles, so speed comes from memory traffic: B is packed in blocks of
 * KC×NC into 4-column panels and A into 4-row strips (both as float64, converting float32 once), and a 4×4 tile of
 * C is accumulated in 16 locals over the block's depth. Packing also makes any operand strides (a transposed A or
 * B) cost nothing in the inner loop.
 */
import type { HostArray } from '../backend.ts';

/** A matrix inside a flat array: element (i, j) is data[offset + i·rowStride + j·colStride]. */
export interface MatrixRef {
  readonly data: HostArray;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

const MR = 4; // rows of a C tile
const NR = 4; // columns of a C tile
const KC = 256; // depth of a packed block
const NC = 128; // columns of a packed B block: KC·NC doubles = 256 KiB stays in L2

let packedA = new Float64Array(MR * KC);
let packedB = new Float64Array(KC * NC);

/** Packs rows i0..i0+mr of A over depth k0..k0+kc as [k][row], padding missing rows with zeros. */
function packA(a: MatrixRef, i0: number, mr: number, k0: number, kc: number): void {
  const { data, offset, rowStride, colStride } = a;
  for (let r = 0; r < MR; r++) {
    if (r >= mr) {
      for (let k = 0; k < kc; k++) packedA[k * MR + r] = 0;
      continue;
    }
    let p = offset + (i0 + r) * rowStride + k0 * colStride;
    for (let k = 0; k < kc; k++, p += colStride) packedA[k * MR + r] = data[p]!;
  }
}

/** Packs B's depth k0..k0+kc and columns j0..j0+nc as consecutive panels [panel][k][column], zero-padded. */
function packB(b: MatrixRef, k0: number, kc: number, j0: number, nc: number): void {
  const { data, offset, rowStride, colStride } = b;
  const panels = Math.ceil(nc / NR);
  for (let panel = 0; panel < panels; panel++) {
    const base = panel * kc * NR;
    for (let c = 0; c < NR; c++) {
      const j = panel * NR + c;
      if (j >= nc) {
        for (let k = 0; k < kc; k++) packedB[base + k * NR + c] = 0;
        continue;
      }
      let p = offset + k0 * rowStride + (j0 + j) * colStride;
      for (let k = 0; k < kc; k++, p += rowStride) packedB[base + k * NR + c] = data[p]!;
    }
  }
}

/** Adds the 4×4 product of the packed strip and one packed panel into C from `start` (only its mr×nr valid corner). */
function addTile(bBase: number, kc: number, c: HostArray, start: number, ldc: number, mr: number, nr: number): void {
  const pa = packedA, pb = packedB;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let k = 0, ia = 0, ib = bBase; k < kc; k++, ia += MR, ib += NR) {
    const a0 = pa[ia]!, a1 = pa[ia + 1]!, a2 = pa[ia + 2]!, a3 = pa[ia + 3]!;
    const b0 = pb[ib]!, b1 = pb[ib + 1]!, b2 = pb[ib + 2]!, b3 = pb[ib + 3]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  addRow(c, start, nr, c00, c01, c02, c03);
  if (mr > 1) addRow(c, start + ldc, nr, c10, c11, c12, c13);
  if (mr > 2) addRow(c, start + 2 * ldc, nr, c20, c21, c22, c23);
  if (mr > 3) addRow(c, start + 3 * ldc, nr, c30, c31, c32, c33);
}

function addRow(c: HostArray, start: number, nr: number, v0: number, v1: number, v2: number, v3: number): void {
  c[start]! += v0;
  if (nr > 1) c[start + 1]! += v1;
  if (nr > 2) c[start + 2]! += v2;
  if (nr > 3) c[start + 3]! += v3;
}

/**
 * C[m×n] = A[m×k]·B[k×n], or C += A·B with `accumulate`. C is row-major and contiguous from `cOffset` (row length n).
 * C must not share memory with A or B.
 */
export function gemm(
  m: number, k: number, n: number, a: MatrixRef, b: MatrixRef, c: HostArray, cOffset: number, accumulate: boolean,
): void {
  if (!accumulate) c.fill(0, cOffset, cOffset + m * n);
  const kcMax = Math.min(KC, k), ncMax = Math.min(NC, Math.ceil(n / NR) * NR);
  if (packedB.length < kcMax * ncMax) packedB = new Float64Array(kcMax * ncMax);
  if (packedA.length < MR * kcMax) packedA = new Float64Array(MR * kcMax);
  for (let k0 = 0; k0 < k; k0 += KC) {
    const kc = Math.min(KC, k - k0);
    for (let j0 = 0; j0 < n; j0 += NC) {
      const nc = Math.min(NC, n - j0);
      packB(b, k0, kc, j0, nc);
      for (let i0 = 0; i0 < m; i0 += MR) {
        const mr = Math.min(MR, m - i0);
        packA(a, i0, mr, k0, kc);
        for (let panel = 0; panel * NR < nc; panel++) {
          addTile(panel * kc * NR, kc, c, cOffset + i0 * n + j0 + panel * NR, n, mr, Math.min(NR, nc - panel * NR));
        }
      }
    }
  }
}
