/**
 * Reductions over any set of axes. The offsets of one output element's reduced block are the same for every output
 * element, so both offset lists are computed once and each output is a tight loop with a double accumulator.
 */
import { normAxis } from '../../ir/shape.ts';
import { offsetsOf } from './strided.ts';
import { type CpuKernel, type CpuTensor } from './tensor.ts';
import { rowMajorStrides } from '../strides.ts';

type ReduceOp = 'reduceSum' | 'reduceMean' | 'reduceMax';

/** For each output element, its first input offset; and the input offsets of a reduced block relative to it. */
function reductionOffsets(x: CpuTensor, axes: readonly number[]): { kept: Int32Array; reduced: Int32Array } {
  const rank = x.shape.length;
  const reducedAxes = new Set(axes.map((a) => normAxis(a, rank)));
  const strides = rowMajorStrides(x.shape);
  const pick = (reduced: boolean) => {
    const axisIds = x.shape.map((_, i) => i).filter((i) => reducedAxes.has(i) === reduced);
    return offsetsOf(axisIds.map((i) => x.shape[i]!), axisIds.map((i) => strides[i]!));
  };
  return { kept: pick(false), reduced: pick(true) };
}

function sumKernel(mean: boolean): CpuKernel<'reduceSum' | 'reduceMean'> {
  return ([x], out, { axes }) => {
    const { kept, reduced } = reductionOffsets(x!, axes);
    const src = x!.data, dst = out.data;
    const scale = mean ? 1 / reduced.length : 1;
    for (let o = 0; o < kept.length; o++) {
      const base = kept[o]!;
      let sum = 0;
      for (let r = 0; r < reduced.length; r++) sum += src[base + reduced[r]!]!;
      dst[o] = mean ? sum * scale : sum;
    }
  };
}

export const REDUCE_KERNELS: { readonly [K in ReduceOp]: CpuKernel<K> } = {
  reduceSum: sumKernel(false),
  reduceMean: sumKernel(true),
  reduceMax: ([x], out, { axes }) => {
    const { kept, reduced } = reductionOffsets(x!, axes);
    const src = x!.data, dst = out.data;
    for (let o = 0; o < kept.length; o++) {
      const base = kept[o]!;
      let max = -Infinity;
      for (let r = 0; r < reduced.length; r++) {
        const v = src[base + reduced[r]!]!;
        if (v > max || v !== v) max = v; // once NaN, stays NaN (torch.amax propagates NaN)
        if (max !== max) break;
      }
      dst[o] = max;
    }
  },
};
