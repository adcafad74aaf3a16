/**
 * Spatial parameters (kernel, stride, padding, dilation) shared by convolutions and pooling, resolved per axis,
 * with the checks that show the user's arithmetic when a window does not fit its input.
 */
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import type { ParamSchema } from '../../engine/compile/params.ts';
import { perAxis } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { isSymbol } from '../../engine/ir/shape.ts';
import { effectiveKernel, windowDivisionInexact, windowOutputSize } from '../../engine/ir/window.ts';

export const AXIS_NAMES: Readonly<Record<number, readonly string[]>> = { 1: ['length'], 2: ['height', 'width'], 3: ['depth', 'height', 'width'] };

/** An int-or-list param as one number per spatial axis; a list of the wrong length is the user's mistake. */
export function axes(ctx: LowerContext<ParamSchema>, name: string, rank: number): number[] {
  const value = ctx.params[name] as number | readonly number[];
  if (typeof value !== 'number' && value.length !== 1 && value.length !== rank) {
    ctx.fail('invalid-graph', `${name} ${JSON.stringify(value)} has ${value.length} entries; give one number or ${rank}`, { param: name });
  }
  return perAxis(value, rank);
}

export interface WindowSpec {
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  /** (before, after) per axis. */
  readonly padding: readonly (readonly [number, number])[];
  readonly dilation: readonly number[];
  readonly ceilMode?: boolean;
}

/**
 * Refuses a window that leaves no output (with the ⌊(L+2p−d(k−1)−1)/s⌋+1 arithmetic and a padding fix) and warns
 * when floor drops a remainder. `paddingParam` names the param a fix should set, when padding is symmetric.
 */
export function checkWindow(ctx: LowerContext<ParamSchema>, x: Value, w: WindowSpec, paddingParam: string | undefined, kernelParam: string): void {
  const names = AXIS_NAMES[w.kernel.length] ?? [];
  x.shape.slice(2).forEach((length, i) => {
    if (isSymbol(length)) return; // the shape rule decides whether a symbolic length survives
    const k = w.kernel[i]!, s = w.stride[i]!, d = w.dilation[i]!;
    const [pb, pa] = w.padding[i]!;
    const padTotal = pb + pa;
    const padText = pb === pa ? `2·${pb}` : `${pb}+${pa}`;
    const kText = d === 1 ? `${k}` : `${d}·(${k}−1)+1`;
    const out = windowOutputSize(length, k, s, padTotal, d, w.ceilMode);
    const axis = names[i] ?? `axis ${i}`;
    if (out < 1) {
      const span = effectiveKernel(k, d);
      const needed = Math.ceil((span - length) / 2);
      ctx.fail('nonpositive-output',
        `output ${axis} ⌊(${length}+${padText}−${kText})/${s}⌋+1 = ${String(out).replace("-", "−")}; the kernel ${span > k ? `(spanning ${span})` : k} is larger than the padded input ${length + padTotal} — set padding ≥ ${needed} or ${kernelParam} ≤ ${length + padTotal}`,
        {
          param: paddingParam ?? kernelParam,
          ...(paddingParam && pb === pa
            ? { fix: { label: `Set ${paddingParam} to ${needed}`, edits: [{ type: 'setParam', node: ctx.node.id, param: paddingParam, value: needed }] } }
            : {}),
        });
    }
    if (!w.ceilMode && windowDivisionInexact(length, k, s, padTotal, d)) {
      const exact = (length + padTotal - effectiveKernel(k, d)) / s + 1;
      ctx.warn('inexact-division',
        `output ${axis} (${length}+${padText}−${kText})/${s}+1 = ${+exact.toFixed(3)} is not a whole number; floor gives ${out} and the last ${(length + padTotal - effectiveKernel(k, d)) % s} ${axis === 'width' ? 'column(s)' : 'row(s)'} of the input are never used`,
        { param: paddingParam ?? kernelParam });
    }
  });
}
