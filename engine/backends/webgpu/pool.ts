/**
 * Pooling over the spatial axes of [N, C, ...spatial] (PyTorch MaxPoolNd / AvgPoolNd / AdaptiveAvgPoolNd) and the
 * gradients, from the CPU backend's per-axis window lists (cpu/window-table.ts) packed into a table. Forward: one
 * thread per output, looping over its window. Gradients: one thread per input, looping over the outputs whose
 * windows hold it (the inverted lists), so every input sums its own contributions and no atomics are needed; the
 * max gradient recomputes each such window's first maximum (ties to the lowest index, NaN wins, as PyTorch).
 */
import type { OpAttrs } from '../../ir/ops.ts';
import { adaptiveWindows, slidingWindows, type AxisWindows } from '../cpu/window-table.ts';
import { forEachEntry, invertLists, TableWriter, type PackedLists } from './axis-tables.ts';
import { bind, elementCount, input, OUTPUT, perElementStep, TABLE, type KernelBuilder, type KernelLimits, type KernelSpec, type ShaderBinding } from './kernel-spec.ts';
import { u32Literal, wgslMath } from './wgsl-math.ts';
import { rowMajorStrides } from '../strides.ts';

type PoolOp = 'pool' | 'poolGrad' | 'adaptiveAvgPool' | 'adaptiveAvgPoolGrad';

interface PoolLayout {
  readonly mode: 'max' | 'avg';
  /** Divide an average by the taps counted with padding (countIncludePad, adaptive) or by the taps inside the input. */
  readonly divisor: 'padded' | 'inside';
  readonly planes: number;
  readonly inSize: readonly number[];
  readonly outSize: readonly number[];
  readonly axes: readonly AxisWindows[];
}

interface AxisTables {
  readonly windows: PackedLists;
  readonly padded: number;
  readonly readers: PackedLists;
}

function packTables(l: PoolLayout): { table: Uint32Array; axes: AxisTables[] } {
  const writer = new TableWriter();
  const axes = l.axes.map((axis, a) => ({
    windows: writer.lists(axis.indices),
    padded: writer.words32(axis.paddedCounts),
    readers: writer.lists(invertLists(axis.indices, l.inSize[a]!)),
  }));
  return { table: writer.finish(), axes };
}

/** WGSL splitting `flat` into per-axis coordinates `<name>0`, `<name>1`, … of `sizes`. */
function coordinates(flat: string, sizes: readonly number[], name: string): string {
  const lines = [`  var ${name}_rest = ${flat};`];
  for (let a = sizes.length - 1; a >= 0; a--) lines.push(`  let ${name}${a} = ${name}_rest % ${u32Literal(sizes[a]!)}; ${name}_rest = ${name}_rest / ${u32Literal(sizes[a]!)};`);
  return lines.join('\n');
}

/** Nested loops over the N-d window of output coordinates `<o>0…`, binding `<tag>_offset` (within the input plane). */
function overWindow(axes: readonly AxisTables[], inStrides: readonly number[], o: string, tag: string, body: string): string {
  let code = `let ${tag}_offset = ${axes.map((_, a) => `${tag}_e${a} * ${u32Literal(inStrides[a]!)}`).join(' + ')};\n${body}`;
  for (let a = axes.length - 1; a >= 0; a--) code = forEachEntry('tab', axes[a]!.windows, `${o}${a}`, `${tag}_j${a}`, `${tag}_e${a}`, code);
  return code;
}

/** The first maximum of the window at `<o>0…` of plane `base`: `<tag>_best` (−∞ if empty) and its offset `<tag>_at`. */
function firstMaximum(axes: readonly AxisTables[], inStrides: readonly number[], o: string, base: string, tag: string): string {
  return `var ${tag}_best = -inf_f();
  var ${tag}_at = 0xffffffffu;
  ${overWindow(axes, inStrides, o, tag, `let v = x[${base} + ${tag}_offset];
  if (${tag}_at == 0xffffffffu || (!is_nan(${tag}_best) && (v > ${tag}_best || is_nan(v)))) { ${tag}_best = v; ${tag}_at = ${tag}_offset; }`)}`;
}

/** WGSL expression of the average's divisor for the window at coordinates `<o>0…`. */
function divisor(l: PoolLayout, axes: readonly AxisTables[], o: string): string {
  return axes.map((t, a) => (l.divisor === 'padded'
    ? `f32(tab[${u32Literal(t.padded)} + ${o}${a}])`
    : `f32(tab[${u32Literal(t.windows.starts)} + ${o}${a} + 1u] - tab[${u32Literal(t.windows.starts)} + ${o}${a}])`)).join(' * ');
}

function forward(l: PoolLayout, limits: KernelLimits): KernelSpec {
  const { table, axes } = packTables(l);
  const inPlane = elementCount(l.inSize), outPlane = elementCount(l.outSize);
  const inStrides = rowMajorStrides(l.inSize);
  const reduce = l.mode === 'max'
    ? `${firstMaximum(axes, inStrides, 'o', 'base', 'w')}\n  y[i] = w_best;`
    : `var sum = 0.0;
  ${overWindow(axes, inStrides, 'o', 'w', 'sum = sum + x[base + w_offset];')}
  y[i] = div_f(sum, ${divisor(l, axes, 'o')});`;
  const body = `  let base = (i / ${u32Literal(outPlane)}) * ${u32Literal(inPlane)};
${coordinates(`i % ${u32Literal(outPlane)}`, l.outSize, 'o')}
  ${reduce}`;
  const bindings: ShaderBinding[] = [bind(input(0), 'x'), bind(TABLE, 'tab', 'u32'), bind(OUTPUT, 'y')];
  return { steps: [perElementStep(bindings, wgslMath(['is_nan', 'inf_f', 'div_f']), l.planes * outPlane, body, limits)], table };
}

/** dx, one thread per input element, from dy (input `dyInput`) and, for max pooling, x (input 0). */
function backward(l: PoolLayout, dyInput: number, limits: KernelLimits): KernelSpec {
  const { table, axes } = packTables(l);
  const inPlane = elementCount(l.inSize), outPlane = elementCount(l.outSize);
  const inStrides = rowMajorStrides(l.inSize), outStrides = rowMajorStrides(l.outSize);
  const gradient = `let g = dy[plane * ${u32Literal(outPlane)} + ${axes.map((_, a) => `q${a} * ${u32Literal(outStrides[a]!)}`).join(' + ')}];`;
  let loops = l.mode === 'max'
    ? `${gradient}\n  ${firstMaximum(axes, inStrides, 'q', `plane * ${u32Literal(inPlane)}`, 'w')}\n  if (w_at == mine) { acc = acc + g; }`
    : `${gradient}\n  acc = acc + div_f(g, ${divisor(l, axes, 'q')});`;
  for (let a = axes.length - 1; a >= 0; a--) loops = forEachEntry('tab', axes[a]!.readers, `c${a}`, `u${a}`, `q${a}`, loops);
  const body = `  let plane = i / ${u32Literal(inPlane)};
  let mine = i % ${u32Literal(inPlane)};
${coordinates('mine', l.inSize, 'c')}
  var acc = 0.0;
  ${loops}
  y[i] = acc;`;
  const bindings: ShaderBinding[] = [
    ...(l.mode === 'max' ? [bind(input(0), 'x')] : []), bind(input(dyInput), 'dy'), bind(TABLE, 'tab', 'u32'), bind(OUTPUT, 'y'),
  ];
  return { steps: [perElementStep(bindings, wgslMath(['is_nan', 'inf_f', 'div_f']), l.planes * inPlane, body, limits)], table };
}

function slidingLayout(a: OpAttrs['pool'], inShape: readonly number[], outShape: readonly number[]): PoolLayout {
  const inSize = inShape.slice(2), outSize = outShape.slice(2);
  return {
    mode: a.mode, divisor: a.countIncludePad ? 'padded' : 'inside', planes: inShape[0]! * inShape[1]!, inSize, outSize,
    axes: inSize.map((len, i) => slidingWindows(len, outSize[i]!, a.kernel[i]!, a.stride[i]!, a.padding[i]!, a.dilation[i]!)),
  };
}

function adaptiveLayout(inShape: readonly number[], outShape: readonly number[]): PoolLayout {
  const inSize = inShape.slice(2), outSize = outShape.slice(2);
  return {
    mode: 'avg', divisor: 'padded', planes: inShape[0]! * inShape[1]!, inSize, outSize,
    axes: inSize.map((len, i) => adaptiveWindows(len, outSize[i]!)),
  };
}

export const POOL_KERNELS: { readonly [K in PoolOp]: KernelBuilder<K> } = {
  pool: (a, { inputs: [x], output }, limits) => forward(slidingLayout(a, x!.shape, output.shape), limits),
  poolGrad: (a, { inputs: [x, dy] }, limits) => backward(slidingLayout(a, x!.shape, dy!.shape), 1, limits),
  adaptiveAvgPool: (_, { inputs: [x], output }, limits) => forward(adaptiveLayout(x!.shape, output.shape), limits),
  adaptiveAvgPoolGrad: (_, { inputs: [dy], output }, limits) => backward(adaptiveLayout(output.shape, dy!.shape), 0, limits),
};
