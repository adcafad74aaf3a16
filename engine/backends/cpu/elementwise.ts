/**
 * Elementwise kernels: the unary and binary math functions (PyTorch semantics), `where` and `cast`. Binary ops and
 * `where` broadcast their operands NumPy-style; integer tensors go through the same formulas, and storing into an
 * Int32Array keeps the integer part.
 *
 * Each op has its own one-line loop rather than one loop calling a function per element: a shared loop's call site
 * sees every op's function and V8 cannot inline any of them, which makes cheap ops like relu 5× slower.
 */
import type { BinaryOp, UnaryOp } from '../../ir/ops.ts';
import type { HostArray } from '../backend.ts';
import { erf } from './erf.ts';
import { forEachRow } from './strided.ts';
import { type CpuKernel } from './tensor.ts';
import { broadcastStrides, rowMajorStrides } from '../strides.ts';

/** Like C's pow, which PyTorch uses: 1ⁿ = 1 and (−1)^±∞ = 1 even for NaN/infinite n, where Math.pow gives NaN. */
function pow(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return Math.pow(a, b);
}

/** y[i] = f(x[i]) over the whole (same-shaped) tensors. */
type UnaryLoop = (x: HostArray, y: HostArray) => void;

const UNARY_LOOPS: { readonly [K in UnaryOp]: UnaryLoop } = {
  neg: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = -x[i]!; },
  exp: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = Math.exp(x[i]!); },
  log: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = Math.log(x[i]!); },
  sqrt: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = Math.sqrt(x[i]!); },
  abs: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = Math.abs(x[i]!); },
  // sign(0) = 0 and sign(NaN) = 0, as torch.sign
  sign: (x, y) => { for (let i = 0; i < y.length; i++) { const v = x[i]!; y[i] = v > 0 ? 1 : v < 0 ? -1 : 0; } },
  tanh: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = Math.tanh(x[i]!); },
  sigmoid: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = 1 / (1 + Math.exp(-x[i]!)); },
  erf: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = erf(x[i]!); },
  atan: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = Math.atan(x[i]!); },
  // NaN passes through, as torch.relu
  relu: (x, y) => { for (let i = 0; i < y.length; i++) { const v = x[i]!; y[i] = v > 0 || v !== v ? v : 0; } },
  // Heaviside with step(0) = 0: the derivative PyTorch uses for relu
  step: (x, y) => { for (let i = 0; i < y.length; i++) y[i] = x[i]! > 0 ? 1 : 0; },
};

/** y[io + j] = f(a[ia + j·sa], b[ib + j·sb]) for j < n: one row of a broadcast iteration. */
type BinaryLoop = (a: HostArray, ia: number, sa: number, b: HostArray, ib: number, sb: number, y: HostArray, io: number, n: number) => void;

const BINARY_LOOPS: { readonly [K in BinaryOp]: BinaryLoop } = {
  add: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = a[ia]! + b[ib]!; },
  sub: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = a[ia]! - b[ib]!; },
  mul: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = a[ia]! * b[ib]!; },
  div: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = a[ia]! / b[ib]!; },
  // Math.max/min propagate NaN, like torch.maximum/minimum.
  maximum: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = Math.max(a[ia]!, b[ib]!); },
  minimum: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = Math.min(a[ia]!, b[ib]!); },
  pow: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = pow(a[ia]!, b[ib]!); },
  greater: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = a[ia]! > b[ib]! ? 1 : 0; },
  equal: (a, ia, sa, b, ib, sb, y, io, n) => { for (let j = 0; j < n; j++, ia += sa, ib += sb) y[io + j] = a[ia]! === b[ib]! ? 1 : 0; },
};

const unaryKernel = (loop: UnaryLoop): CpuKernel<UnaryOp> => ([x], out) => loop(x!.data, out.data);

function binaryKernel(loop: BinaryLoop): CpuKernel<BinaryOp> {
  return ([a, b], out) => {
    const strides = [broadcastStrides(a!.shape, out.shape), broadcastStrides(b!.shape, out.shape), rowMajorStrides(out.shape)];
    forEachRow(out.shape, strides, [0, 0, 0], ([ia, ib, io], n, [sa, sb]) => loop(a!.data, ia!, sa!, b!.data, ib!, sb!, out.data, io!, n));
  };
}

const mapEntries = <K extends string, V, R>(table: { readonly [P in K]: V }, f: (v: V) => R): { [P in K]: R } =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, f(v as V)])) as { [P in K]: R };

export const ELEMENTWISE_KERNELS: { readonly [K in UnaryOp | BinaryOp | 'where' | 'cast']: CpuKernel<K> } = {
  ...mapEntries(UNARY_LOOPS, unaryKernel),
  ...mapEntries(BINARY_LOOPS, binaryKernel),
  where: ([cond, a, b], out) => {
    const dc = cond!.data, da = a!.data, db = b!.data, dst = out.data;
    const strides = [cond, a, b].map((t) => broadcastStrides(t!.shape, out.shape));
    forEachRow(out.shape, [...strides, rowMajorStrides(out.shape)], [0, 0, 0, 0], ([pc, pa, pb, po], inner, [sc, sa, sb]) => {
      for (let j = 0, ic = pc!, ia = pa!, ib = pb!, io = po!; j < inner; j++, ic += sc!, ia += sa!, ib += sb!, io++) {
        dst[io] = dc[ic] !== 0 ? da[ia]! : db[ib]!;
      }
    });
  },
  // Typed-array assignment converts: float → Int32Array truncates toward zero, like PyTorch's float-to-int cast.
  cast: ([x], out) => out.data.set(x!.data),
};
