/**
 * Receptive field along conv/pool chains, propagated per IR value: RF_k = RF_{k−1} + (k_eff − 1)·jump_{k−1} and
 * jump_k = jump_{k−1}·stride (the course notes' recursion with RF₀ = 1). Elementwise ops keep the widest field of
 * their operands; anything that mixes all positions (reshape, matmul, reductions) ends the chain.
 */
import { isBinaryOp, isUnaryOp, type OpId } from '../ir/ops.ts';
import type { Op, Value } from '../ir/program.ts';
import { effectiveKernel } from '../ir/window.ts';

export interface ReceptiveField {
  /** Field size per spatial axis, in input pixels. */
  readonly size: readonly number[];
  /** Distance in input pixels between neighbouring outputs per spatial axis. */
  readonly jump: readonly number[];
}

export const initialField = (spatialRank: number): ReceptiveField | undefined =>
  spatialRank > 0 ? { size: new Array<number>(spatialRank).fill(1), jump: new Array<number>(spatialRank).fill(1) } : undefined;

/** The field after a window of `kernel` taps (dilated) moved by `stride`; undefined when the ranks differ. */
export function windowed(rf: ReceptiveField, kernel: readonly number[], stride: readonly number[], dilation: readonly number[]): ReceptiveField | undefined {
  if (rf.size.length !== kernel.length) return undefined;
  return {
    size: rf.size.map((s, i) => s + (effectiveKernel(kernel[i]!, dilation[i] ?? 1) - 1) * rf.jump[i]!),
    jump: rf.jump.map((j, i) => j * stride[i]!),
  };
}

/** The widest field among `fields[id]` for the operand ids `of` (the first on a tie). */
export function widest(fields: readonly (ReceptiveField | undefined)[], of: readonly number[]): ReceptiveField | undefined {
  let best: ReceptiveField | undefined;
  for (const id of of) {
    const f = fields[id];
    if (f && (!best || f.size[0]! > best.size[0]!)) best = f;
  }
  return best;
}

/** Equal fields, whether or not they are one object. */
export const sameField = (a: ReceptiveField | undefined, b: ReceptiveField | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && sameNumbers(a.size, b.size) && sameNumbers(a.jump, b.jump));

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** How an op's result field follows from its operands' fields. */
export type FieldRule =
  | { readonly type: 'window'; readonly kernel: readonly number[]; readonly stride: readonly number[]; readonly dilation: readonly number[] }
  | { readonly type: 'widest' }
  | { readonly type: 'none' };

const ELEMENTWISE: ReadonlySet<OpId> = new Set<OpId>(['where', 'cast']);
const WIDEST: FieldRule = { type: 'widest' };
const NONE: FieldRule = { type: 'none' };

/** The rule of one op (`values` are the program's, by id): windows from the first operand, elementwise ops widest. */
export function fieldRule(op: Op, values: readonly Value[]): FieldRule {
  switch (op.op) {
    case 'conv': {
      const a = op.attrs as Op<'conv'>['attrs'];
      return { type: 'window', kernel: values[op.inputs[1]!]!.shape.slice(2) as number[], stride: a.stride, dilation: a.dilation };
    }
    case 'pool': {
      const a = op.attrs as Op<'pool'>['attrs'];
      return { type: 'window', kernel: a.kernel, stride: a.stride, dilation: a.dilation };
    }
    default:
      return isUnaryOp(op.op) || isBinaryOp(op.op) || ELEMENTWISE.has(op.op) ? WIDEST : NONE;
  }
}
