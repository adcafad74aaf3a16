/**
 * Spatial resize of [N, C, ...spatial] (PyTorch interpolate with `size`) and its gradient, with the CPU backend's
 * per-axis taps (cpu/resize.ts): output index o of an axis reads input i0 with weight 1−λ and i1 with weight λ,
 *   nearest:                       i0 = ⌊o·in/out⌋, λ = 0
 *   linear, align_corners=true:    src = o·(in−1)/(out−1)
 *   linear, align_corners=false:   src = max(0, (o+½)·in/out − ½)
 *   then i0 = ⌊src⌋, i1 = min(i0+1, in−1), λ = src − i0.
 * An N-d resize is the product of its axes' taps: one thread per output sums over the taps' product (a tap of
 * weight 0 is skipped, so 0·∞ does not become NaN, as on the CPU), and one thread per input of the gradient sums
 * over the inverted taps (which outputs read it, with which weight).
 */
import type { OpAttrs } from '../../ir/ops.ts';
import { floatBits, forEachEntry, TableWriter, type PackedLists } from './axis-tables.ts';
import { bind, elementCount, input, OUTPUT, perElementStep, TABLE, type KernelBuilder, type KernelLimits, type KernelSpec } from './kernel-spec.ts';
import { u32Literal } from './wgsl-math.ts';
import { rowMajorStrides } from '../strides.ts';

interface Tap {
  readonly index: number;
  readonly weight: number;
}

/** The two taps of every output index of one axis (the second has weight λ, possibly 0). */
function axisTaps(mode: OpAttrs['resize']['mode'], alignCorners: boolean, inLen: number, outLen: number): (readonly [Tap, Tap])[] {
  return Array.from({ length: outLen }, (_, o) => {
    if (mode === 'nearest') {
      const i = Math.min(Math.floor((o * inLen) / outLen), inLen - 1);
      return [{ index: i, weight: 1 }, { index: i, weight: 0 }] as const;
    }
    const src = alignCorners
      ? (outLen > 1 ? (o * (inLen - 1)) / (outLen - 1) : 0)
      : Math.max(0, ((o + 0.5) * inLen) / outLen - 0.5);
    const lo = Math.min(Math.floor(src), inLen - 1);
    const lambda = src - lo;
    return [{ index: lo, weight: 1 - lambda }, { index: Math.min(lo + 1, inLen - 1), weight: lambda }] as const;
  });
}

/** Per axis, a list of (index, weight) per output (forward) or per input (adjoint). */
interface AxisLists {
  readonly indices: PackedLists;
  readonly weights: PackedLists;
}

function pack(writer: TableWriter, lists: readonly (readonly Tap[])[]): AxisLists {
  return { indices: writer.lists(lists.map((l) => l.map((t) => t.index))), weights: writer.lists(lists.map((l) => l.map((t) => floatBits(t.weight)))) };
}

/**
 * One thread per element of `to` (spatial size `toSize`) summing weight-products of `from` over per-axis lists:
 * `lists[a]` holds, for each index along axis a of `to`, the (index into `from`, weight) pairs.
 */
function weightedSum(
  planes: number, fromSize: readonly number[], toSize: readonly number[], lists: readonly (readonly (readonly Tap[])[])[], limits: KernelLimits,
): KernelSpec {
  const writer = new TableWriter();
  const axes = lists.map((l) => pack(writer, l));
  const fromPlane = elementCount(fromSize), toPlane = elementCount(toSize);
  const fromStrides = rowMajorStrides(fromSize);
  const rank = toSize.length;
  const coordinateLines = [`  var rest = i % ${u32Literal(toPlane)};`];
  for (let a = rank - 1; a >= 0; a--) coordinateLines.push(`  let c${a} = rest % ${u32Literal(toSize[a]!)}; rest = rest / ${u32Literal(toSize[a]!)};`);
  let loops = `let offset = ${axes.map((_, a) => `e${a} * ${u32Literal(fromStrides[a]!)}`).join(' + ')};
  let weight = ${axes.map((_, a) => `w${a}`).join(' * ')};
  acc = acc + weight * x[base + offset];`;
  for (let a = rank - 1; a >= 0; a--) {
    loops = forEachEntry('tab', axes[a]!.indices, `c${a}`, `j${a}`, `e${a}`,
      `let w${a} = bitcast<f32>(tab[${u32Literal(axes[a]!.weights.entries)} + j${a}]);\n  ${loops}`);
  }
  const body = `  let base = (i / ${u32Literal(toPlane)}) * ${u32Literal(fromPlane)};
${coordinateLines.join('\n')}
  var acc = 0.0;
  ${loops}
  y[i] = acc;`;
  const step = perElementStep([bind(input(0), 'x'), bind(TABLE, 'tab', 'u32'), bind(OUTPUT, 'y')], '', planes * toPlane, body, limits);
  return { steps: [step], table: writer.finish() };
}

export const RESIZE_KERNELS: { readonly [K in 'resize' | 'resizeGrad']: KernelBuilder<K> } = {
  resize: ({ mode, alignCorners }, { inputs: [x], output }, limits) => {
    const inSize = x!.shape.slice(2), outSize = output.shape.slice(2);
    const lists = inSize.map((len, a) => axisTaps(mode, alignCorners, len, outSize[a]!).map((taps) => taps.filter((t) => t.weight !== 0)));
    return weightedSum(x!.shape[0]! * x!.shape[1]!, inSize, outSize, lists, limits);
  },
  // The adjoint keeps zero-weight taps, as the CPU's adjoint adds both taps of every output.
  resizeGrad: ({ mode, alignCorners }, { inputs: [dy], output }, limits) => {
    const inSize = output.shape.slice(2), outSize = dy!.shape.slice(2);
    const lists = inSize.map((len, a) => {
      const readers: Tap[][] = Array.from({ length: len }, () => []);
      axisTaps(mode, alignCorners, len, outSize[a]!).forEach((taps, o) => {
        for (const t of taps) readers[t.index]!.push({ index: o, weight: t.weight });
      });
      return readers;
    });
    return weightedSum(dy!.shape[0]! * dy!.shape[1]!, outSize, inSize, lists, limits);
  },
};
