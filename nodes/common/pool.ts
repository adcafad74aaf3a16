/** The lowering shared by MaxPool2d and AvgPool2d: PyTorch's sliding-window pooling over [N,C,H,W]. */
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import { p, type ParamSchema } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { floatInput, inputOfRank } from './checks.ts';
import { AXIS_NAMES, axes, checkWindow } from './spatial.ts';

export const poolWindowParams = {
  kernel_size: p.size(2, 'window size, one number or (height, width)'),
  stride: p.size(2, 'step between windows; PyTorch’s default is stride = kernel_size, written out here'),
  padding: p.size(0, 'implicit padding on each side (at most half the kernel)', 0),
};

export interface PoolOptions {
  readonly mode: 'max' | 'avg';
  /** Max pooling only; average pooling has no dilation in PyTorch. */
  readonly dilationParam?: string;
  readonly ceilMode: boolean;
  readonly countIncludePad: boolean;
}

export function lowerPool2d(ctx: LowerContext<ParamSchema>, o: PoolOptions): Record<string, Value> {
  const x = inputOfRank(ctx, 'x', 4, '[N,C,H,W]', '; to pool a flat vector as an image, add a Reshape to [N,C,H,W] first');
  floatInput(ctx, 'x');
  const kernel = axes(ctx, 'kernel_size', 2), stride = axes(ctx, 'stride', 2), padding = axes(ctx, 'padding', 2);
  const dilation = o.dilationParam ? axes(ctx, o.dilationParam, 2) : [1, 1];
  const names = AXIS_NAMES[2]!;
  padding.forEach((q, i) => {
    if (2 * q > kernel[i]!) {
      const most = Math.floor(kernel[i]! / 2);
      ctx.fail('invalid-graph',
        `padding ${q} on the ${names[i]} is more than half the kernel ${kernel[i]} (PyTorch refuses it: a window could then cover only padding) — set padding ≤ ${most}`,
        { param: 'padding', fix: { label: `Set padding to ${most}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'padding', value: most }] } });
    }
  });
  checkWindow(ctx, x, { kernel, stride, padding: padding.map((q) => [q, q] as const), dilation, ceilMode: o.ceilMode },
    typeof ctx.params['padding'] === 'number' ? 'padding' : undefined, 'kernel_size');
  const y = ctx.b.op('pool', [x], {
    mode: o.mode, kernel, stride, padding, dilation, ceilMode: o.ceilMode, countIncludePad: o.countIncludePad,
  });
  return { y };
}
