/**
 * Ops without tensor operands: constants and the random draws. Element i of a random tensor is a pure function of
 * (seed, i) (../random.ts), so every backend produces the same numbers for the same step seed.
 */
import { counterNormal, counterUniform } from '../random.ts';
import { formatShape } from '../../ir/shape.ts';
import type { CpuKernel } from './tensor.ts';

type SourceOp = 'constant' | 'randomNormal' | 'randomUniform' | 'randomBernoulli';

export const SOURCE_KERNELS: { readonly [K in SourceOp]: CpuKernel<K> } = {
  constant: (_, out, { value, data }) => {
    if (data === undefined) {
      out.data.fill(value);
      return;
    }
    if (data.length !== out.data.length) {
      throw new Error(`constant has ${data.length} values but its bound shape ${formatShape(out.shape)} holds ${out.data.length}`);
    }
    out.data.set(data);
  },
  randomNormal: (_, out, { mean, std }, { seed }) => {
    const dst = out.data;
    for (let i = 0; i < dst.length; i++) dst[i] = mean + std * counterNormal(seed, i);
  },
  randomUniform: (_, out, { low, high }, { seed }) => {
    const dst = out.data;
    for (let i = 0; i < dst.length; i++) dst[i] = low + (high - low) * counterUniform(seed, i);
  },
  randomBernoulli: (_, out, { p }, { seed }) => {
    const dst = out.data;
    for (let i = 0; i < dst.length; i++) dst[i] = counterUniform(seed, i) < p ? 1 : 0;
  },
};
