/** The lowering shared by Conv1d and Conv2d (they differ only in spatial rank): PyTorch ConvNd semantics. */
import { p, type ParamsOf } from '../../engine/compile/params.ts';
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import type { Value } from '../../engine/ir/program.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import { biasInit, initParam, weightInit } from './init.ts';
import { axes, checkWindow } from './spatial.ts';
import { concreteDim, floatInput, inputOfRank } from './checks.ts';

export const convParams = {
  in_channels: p.int(1, 'channels of the input (C_in)', { min: 1 }),
  out_channels: p.int(8, 'number of filters (C_out)', { min: 1 }),
  kernel_size: p.size(3, 'kernel size, one number or one per spatial axis'),
  stride: p.size(1, 'step between windows'),
  padding: p.size(0, 'zeros added on each side; "same" keeps the size (stride 1 only), "valid" adds none', 0, ['same', 'valid']),
  dilation: p.size(1, 'spacing between kernel taps (the notes’ "zeros between taps" is dilation − 1)'),
  groups: p.int(1, 'split channels into groups; groups = in_channels = out_channels/k makes it depthwise', { min: 1 }),
  bias: p.bool(true, 'add a learnable bias per output channel'),
  init: initParam,
};

type ConvCtx = LowerContext<typeof convParams>;
const LAYOUT: Record<number, string> = { 1: '[N,C,L]', 2: '[N,C,H,W]' };

export function lowerConv(ctx: ConvCtx, rank: 1 | 2): Record<string, Value> {
  const { in_channels: cin, out_channels: cout, groups, bias, init } = ctx.params as ParamsOf<typeof convParams>;
  const hint = rank === 2 ? '; to treat a flat vector as an image, add a Reshape to [N,C,H,W]' : '';
  const x = inputOfRank(ctx, 'x', rank + 2, LAYOUT[rank]!, hint);
  floatInput(ctx, 'x');
  const channels = concreteDim(ctx, x, 1, 'channel dimension', 'x');
  if (channels !== cin) {
    ctx.fail('channels-mismatch', `in_channels is ${cin} but the input ${formatShape(x.shape)} has ${channels} channels (dimension 1) — set in_channels to ${channels}`, {
      param: 'in_channels', port: 'x',
      fix: { label: `Set in_channels to ${channels}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'in_channels', value: channels }] },
    });
  }
  if (cin % groups !== 0 || cout % groups !== 0) {
    ctx.fail('invalid-graph', `groups ${groups} must divide both in_channels ${cin} and out_channels ${cout}`, { param: 'groups' });
  }
  const kernel = axes(ctx, 'kernel_size', rank), stride = axes(ctx, 'stride', rank), dilation = axes(ctx, 'dilation', rank);
  const pad = ctx.params.padding;
  let padding: [number, number][];
  if (pad === 'same') {
    if (stride.some((s) => s !== 1)) {
      ctx.fail('invalid-graph', `padding "same" needs stride 1 (PyTorch refuses it otherwise); stride is ${JSON.stringify(ctx.params.stride)}`, {
        param: 'padding', fix: { label: 'Set stride to 1', edits: [{ type: 'setParam', node: ctx.node.id, param: 'stride', value: 1 }] },
      });
    }
    // PyTorch pads d·(k−1) in total, the extra one (even kernels) on the right/bottom.
    padding = kernel.map((k, i) => {
      const total = dilation[i]! * (k - 1);
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    });
  } else {
    padding = (pad === 'valid' ? new Array<number>(rank).fill(0) : axes(ctx, 'padding', rank)).map((q) => [q, q]);
  }
  checkWindow(ctx, x, { kernel, stride, padding, dilation }, typeof pad === 'number' ? 'padding' : undefined, 'kernel_size');

  const taps = kernel.reduce((a, k) => a * k, 1);
  const fanIn = (cin / groups) * taps, fanOut = (cout / groups) * taps;
  const w = ctx.weight('weight', [cout, cin / groups, ...kernel], weightInit(init, fanIn, fanOut));
  let y = ctx.b.op('conv', [x, w], { stride, padding, dilation, groups });
  if (bias) {
    const b = ctx.weight('bias', [cout], biasInit(init, fanIn));
    y = ctx.b.add(y, ctx.b.reshape(b, [cout, ...new Array<number>(rank).fill(1)]));
  }
  return { y };
}
