/**
 * Receptive field along conv/pool chains, propagated per IR value: RF_k = RF_{k−1} + (k_eff − 1)·jump_{k−1} and
 * jump_k = jump_{k−1}·stride (the course notes' recursion with RF₀ = 1). Elementwise ops keep the widest field of
 * their operands; anything that mixes all positions (reshape, matmul, reductions) ends the chain.
 */
import { isBinaryOp, isUnaryOp, type OpId } from '../ir/ops.ts';
import type { Op } from '../ir/program.ts';
import { effectiveKernel } from '../ir/window.ts';

export interface ReceptiveField {
  /** Field size per spatial axis, in input pixels. */
  readonly size: readonly number[];
  /** Distance in input pixels between neighbouring outputs per spatial axis. */
  readonly jump: readonly number[];
}

export const initialField = (spatialRank: number): ReceptiveField | undefined =>
  spatialRank > 0 ? { size: new Array<number>(spatialRank).fill(1), jump: new Array<number>(spatialRank).fill(1) } : undefined;

function windowed(rf: ReceptiveField, kernel: readonly number[], stride: readonly number[], dilation: readonly number[]): ReceptiveField | undefined {
  if (rf.size.length !== kernel.length) return undefined;
  return {
    size: rf.size.map((s, i) => s + (effectiveKernel(kernel[i]!, dilation[i] ?? 1) - 1) * rf.jump[i]!),
    jump: rf.jump.map((j, i) => j * stride[i]!),
  };
}

function widest(fields: readonly (ReceptiveField | undefined)[]): ReceptiveField | undefined {
  let best: ReceptiveField | undefined;
  for (const f of fields) if (f && (!best || f.size[0]! > best.size[0]!)) best = f;
  return best;
}

const ELEMENTWISE: ReadonlySet<OpId> = new Set<OpId>(['where', 'cast']);

/** The field of an op's result given its operands' fields and shapes. */
export function propagateField(
  op: Op, operands: readonly (ReceptiveField | undefined)[], shapes: readonly (readonly (number | string)[])[],
): ReceptiveField | undefined {
  const x = operands[0];
  switch (op.op) {
    case 'conv': {
      const a = op.attrs as Op<'conv'>['attrs'];
      const kernel = shapes[1]!.slice(2) as number[];
      return x && windowed(x, kernel, a.stride, a.dilation);
    }
    case 'pool': {
      const a = op.attrs as Op<'pool'>['attrs'];
      return x && windowed(x, a.kernel, a.stride, a.dilation);
    }
    default:
      if (isUnaryOp(op.op) || isBinaryOp(op.op) || ELEMENTWISE.has(op.op)) return widest(operands);
      return undefined;
  }
}
