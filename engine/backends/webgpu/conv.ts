/**
 * Convolutions (PyTorch ConvNd: cross-correlation, grouped, strided, dilated, padded) as implicit GEMM on the tiled
 * product of gemm.ts: the im2col column matrix is never stored, the GEMM's loader computes each element from the
 * image. Per group g (the GEMM's batch):
 *   conv            y_g  = W_g · cols(x_g)            M = C_out/g,  N = batch·outPositions,  K = C_in/g·taps
 *   convGradWeight  dW_g = dy_g · cols(x_g)ᵀ          M = C_out/g,  N = C_in/g·taps,         K = batch·outPositions
 *   convGradInput   dx_g = W_gᵀ · rows(dy_g)          M = C_in/g,   N = batch·inPositions,   K = C_out/g·taps
 * where rows(dy) is the adjoint of im2col read as a gather: input position i receives tap t from output position
 * o = (i + pad − t·dilation)/stride where that is a whole number inside the output, so no atomic scatter is needed.
 * convTranspose is the input gradient of the convolution whose weight it shares, applied to x (as on the CPU).
 */
import type { OpAttrs } from '../../ir/ops.ts';
import { bind, elementCount, input, OUTPUT, type KernelBuilder, type KernelLimits, type KernelSpec } from './kernel-spec.ts';
import { gemmSpec } from './gemm.ts';
import { u32Literal } from './wgsl-math.ts';
import { rowMajorStrides } from '../strides.ts';

type ConvOp = 'conv' | 'convTranspose' | 'convGradInput' | 'convGradWeight';

/** One convolution x [N, C_in, ...in] ⊛ w [C_out, C_in/g, ...k] → y [N, C_out, ...out]. */
interface ConvGeometry {
  readonly batch: number;
  readonly groups: number;
  readonly inPerGroup: number;
  readonly outPerGroup: number;
  readonly inSize: readonly number[];
  readonly outSize: readonly number[];
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly padBefore: readonly number[];
  readonly dilation: readonly number[];
}

function geometry(
  x: readonly number[], y: readonly number[], kernel: readonly number[], groups: number,
  attrs: { readonly stride: readonly number[]; readonly dilation: readonly number[] }, padBefore: readonly number[],
): ConvGeometry {
  return {
    batch: x[0]!, groups, inPerGroup: x[1]! / groups, outPerGroup: y[1]! / groups,
    inSize: x.slice(2), outSize: y.slice(2), kernel, stride: attrs.stride, padBefore, dilation: attrs.dilation,
  };
}

const taps = (g: ConvGeometry) => elementCount(g.kernel);
const inPlane = (g: ConvGeometry) => elementCount(g.inSize);
const outPlane = (g: ConvGeometry) => elementCount(g.outSize);

/** WGSL statements splitting `flat` (a u32 expression) into per-axis coordinates `<name>0`, `<name>1`, … of `sizes`. */
function coordinates(flat: string, sizes: readonly number[], name: string): string {
  const lines = [`  var ${name}_rest = ${flat};`];
  for (let a = sizes.length - 1; a >= 0; a--) {
    lines.push(`  let ${name}${a} = ${name}_rest % ${u32Literal(sizes[a]!)}; ${name}_rest = ${name}_rest / ${u32Literal(sizes[a]!)};`);
  }
  return lines.join('\n');
}

/**
 * `fn column(g, r, c)`: element (r, c) of group g's im2col matrix of x, r = (input channel, tap) and
 * c = (sample, output position); 0 where the tap reads padding.
 */
function columnFunction(g: ConvGeometry): string {
  const inStrides = rowMajorStrides(g.inSize);
  const axes = g.inSize.map((len, a) => `
  let i${a} = i32(o${a} * ${u32Literal(g.stride[a]!)} + t${a} * ${u32Literal(g.dilation[a]!)}) - ${g.padBefore[a]!}i;
  if (i${a} < 0 || i${a} >= ${len}i) { return 0.0; }
  offset = offset + u32(i${a}) * ${u32Literal(inStrides[a]!)};`).join('');
  return `fn column(g: u32, r: u32, c: u32) -> f32 {
  let channel = r / ${u32Literal(taps(g))};
  let n = c / ${u32Literal(outPlane(g))};
${coordinates(`r % ${u32Literal(taps(g))}`, g.kernel, 't')}
${coordinates(`c % ${u32Literal(outPlane(g))}`, g.outSize, 'o')}
  var offset = ((n * ${u32Literal(g.groups)} + g) * ${u32Literal(g.inPerGroup)} + channel) * ${u32Literal(inPlane(g))};${axes}
  return x[offset];
}`;
}

/**
 * `fn gradient_row(g, r, c)`: what input position c = (sample, input position) receives from r = (output channel,
 * tap) in group g's col2im of dy: dy at o = (i + pad − t·dilation)/stride, or 0 where no output position reads it.
 */
function gradientRowFunction(g: ConvGeometry): string {
  const outStrides = rowMajorStrides(g.outSize);
  const axes = g.inSize.map((_, a) => `
  let q${a} = i32(i${a}) + ${g.padBefore[a]!}i - i32(t${a} * ${u32Literal(g.dilation[a]!)});
  if (q${a} < 0 || q${a} % ${g.stride[a]!}i != 0 || q${a} / ${g.stride[a]!}i >= ${g.outSize[a]!}i) { return 0.0; }
  offset = offset + u32(q${a} / ${g.stride[a]!}i) * ${u32Literal(outStrides[a]!)};`).join('');
  return `fn gradient_row(g: u32, r: u32, c: u32) -> f32 {
  let channel = r / ${u32Literal(taps(g))};
  let n = c / ${u32Literal(inPlane(g))};
${coordinates(`r % ${u32Literal(taps(g))}`, g.kernel, 't')}
${coordinates(`c % ${u32Literal(inPlane(g))}`, g.inSize, 'i')}
  var offset = ((n * ${u32Literal(g.groups)} + g) * ${u32Literal(g.outPerGroup)} + channel) * ${u32Literal(outPlane(g))};${axes}
  return dy[offset];
}`;
}

/** y = conv(x, w): inputs bound as x and w. */
function forward(g: ConvGeometry, limits: KernelLimits): KernelSpec {
  const rows = g.inPerGroup * taps(g), positions = outPlane(g);
  const [G, Og, R, P] = [g.groups, g.outPerGroup, rows, positions].map(u32Literal);
  const helpers = `${columnFunction(g)}
fn load_a(g: u32, row: u32, k: u32) -> f32 { return w[(g * ${Og} + row) * ${R} + k]; }
fn load_b(g: u32, k: u32, col: u32) -> f32 { return column(g, k, col); }
fn store_c(g: u32, row: u32, col: u32, value: f32) {
  y[((col / ${P}) * ${G} + g) * ${u32Literal(g.outPerGroup * positions)} + row * ${P} + col % ${P}] = value;
}`;
  return gemmSpec({
    m: g.outPerGroup, n: g.batch * positions, k: rows, batch: g.groups, helpers,
    bindings: [bind(input(0), 'x'), bind(input(1), 'w'), bind(OUTPUT, 'y')],
  }, limits);
}

/** dx from dy and w: inputs bound as dy and w (convGradInput, and convTranspose with x as dy). */
function backwardData(g: ConvGeometry, limits: KernelLimits): KernelSpec {
  const rows = g.inPerGroup * taps(g), positions = inPlane(g);
  const [G, Og, R, T, P] = [g.groups, g.outPerGroup, rows, taps(g), positions].map(u32Literal);
  const helpers = `${gradientRowFunction(g)}
fn load_a(g: u32, row: u32, k: u32) -> f32 { return w[(g * ${Og} + k / ${T}) * ${R} + row * ${T} + k % ${T}]; }
fn load_b(g: u32, k: u32, col: u32) -> f32 { return gradient_row(g, k, col); }
fn store_c(g: u32, row: u32, col: u32, value: f32) {
  y[((col / ${P}) * ${G} + g) * ${u32Literal(g.inPerGroup * positions)} + row * ${P} + col % ${P}] = value;
}`;
  return gemmSpec({
    m: g.inPerGroup, n: g.batch * positions, k: g.outPerGroup * taps(g), batch: g.groups, helpers,
    bindings: [bind(input(0), 'dy'), bind(input(1), 'w'), bind(OUTPUT, 'y')],
  }, limits);
}

/** dw from x and dy: inputs bound as x and dy. */
function backwardWeight(g: ConvGeometry, limits: KernelLimits): KernelSpec {
  const rows = g.inPerGroup * taps(g), positions = outPlane(g);
  const [G, Og, R, P] = [g.groups, g.outPerGroup, rows, positions].map(u32Literal);
  const helpers = `${columnFunction(g)}
fn load_a(g: u32, row: u32, k: u32) -> f32 { return dy[((k / ${P}) * ${G} + g) * ${u32Literal(g.outPerGroup * positions)} + row * ${P} + k % ${P}]; }
fn load_b(g: u32, k: u32, col: u32) -> f32 { return column(g, col, k); }
fn store_c(g: u32, row: u32, col: u32, value: f32) { y[(g * ${Og} + row) * ${R} + col] = value; }`;
  return gemmSpec({
    m: g.outPerGroup, n: rows, k: g.batch * positions, batch: g.groups, helpers,
    bindings: [bind(input(0), 'x'), bind(input(1), 'dy'), bind(OUTPUT, 'y')],
  }, limits);
}

const padBefore = (padding: OpAttrs['conv']['padding']) => padding.map(([before]) => before);
const kernelOf = (w: readonly number[]) => w.slice(2);

export const CONV_KERNELS: { readonly [K in ConvOp]: KernelBuilder<K> } = {
  conv: (a, { inputs: [x, w], output }, limits) =>
    forward(geometry(x!.shape, output.shape, kernelOf(w!.shape), a.groups, a, padBefore(a.padding)), limits),
  convTranspose: (a, { inputs: [x, w], output }, limits) =>
    backwardData(geometry(output.shape, x!.shape, kernelOf(w!.shape), a.groups, a, a.padding), limits),
  convGradInput: (a, { inputs: [dy, w], output }, limits) =>
    backwardData(geometry(output.shape, dy!.shape, kernelOf(w!.shape), a.groups, a, padBefore(a.padding)), limits),
  convGradWeight: (a, { inputs: [x, dy], output }, limits) =>
    backwardWeight(geometry(x!.shape, dy!.shape, a.kernel, a.groups, a, padBefore(a.padding)), limits),
};
