/** Batched matrix product [..., M, K] × [..., K, P] → [..., M, P] with broadcast batch dimensions. */
import { gemm } from './gemm.ts';
import { offsetsOf } from './strided.ts';
import { type CpuKernel } from './tensor.ts';
import { broadcastStrides } from '../strides.ts';

export const matmul: CpuKernel<'matmul'> = ([a, b], out) => {
  const ra = a!.shape.length, rb = b!.shape.length, ro = out.shape.length;
  const m = a!.shape[ra - 2]!, k = a!.shape[ra - 1]!, p = b!.shape[rb - 1]!;
  const batch = out.shape.slice(0, ro - 2);
  // Offsets of each batch's matrix: broadcast strides over the batch axes, in units of whole matrices.
  const aStarts = offsetsOf(batch, broadcastStrides(a!.shape.slice(0, ra - 2), batch).map((s) => s * m * k));
  const bStarts = offsetsOf(batch, broadcastStrides(b!.shape.slice(0, rb - 2), batch).map((s) => s * k * p));
  for (let i = 0; i < aStarts.length; i++) {
    gemm(m, k, p,
      { data: a!.data, offset: aStarts[i]!, rowStride: k, colStride: 1 },
      { data: b!.data, offset: bStarts[i]!, rowStride: p, colStride: 1 },
      out.data, i * m * p, false);
  }
};
