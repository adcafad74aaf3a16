/** Batched matrix product [..., M, K] × [..., K, P] → [..., M, P] with broadcast batch dimensions, on the tiled GEMM. */
import { bind, elementCount, input, OUTPUT, type KernelBuilder } from './kernel-spec.ts';
import { gemmSpec } from './gemm.ts';
import { offsetStatements } from './strided-index.ts';
import { u32Literal } from './wgsl-math.ts';
import { broadcastStrides } from '../strides.ts';

export const matmul: KernelBuilder<'matmul'> = (_, { inputs: [a, b], output }, limits) => {
  const ra = a!.shape.length, rb = b!.shape.length, ro = output.shape.length;
  const m = a!.shape[ra - 2]!, k = a!.shape[ra - 1]!, p = b!.shape[rb - 1]!;
  const batch = output.shape.slice(0, ro - 2);
  // Start of each batch's matrix: broadcast strides over the batch axes, in units of whole matrices.
  const start = (shape: readonly number[], size: number) => broadcastStrides(shape.slice(0, shape.length - 2), batch).map((s) => s * size);
  const [K, P] = [k, p].map(u32Literal);
  const helpers = `
fn load_a(b: u32, row: u32, k: u32) -> f32 {
${offsetStatements('b', batch, [{ name: 'base', strides: start(a!.shape, m * k) }])}
  return lhs[base + row * ${K} + k];
}
fn load_b(b: u32, k: u32, col: u32) -> f32 {
${offsetStatements('b', batch, [{ name: 'base', strides: start(b!.shape, k * p) }])}
  return rhs[base + k * ${P} + col];
}
fn store_c(b: u32, row: u32, col: u32, value: f32) { y[b * ${u32Literal(m * p)} + row * ${P} + col] = value; }`;
  if (elementCount(output.shape) === 0) return { steps: [] };
  return gemmSpec({ m, n: p, k, batch: elementCount(batch), helpers, bindings: [bind(input(0), 'lhs'), bind(input(1), 'rhs'), bind(OUTPUT, 'y')] }, limits);
};
