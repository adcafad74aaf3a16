import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { lowerPool2d, poolWindowParams } from '../common/pool.ts';

export const maxPool2d = defineNode({
  id: 'max_pool2d',
  category: 'layers',
  label: 'MaxPool2d',
  docs: {
    summary: 'Keeps the largest value of each k×k window, separately in every channel. It has no weights; it shrinks H and W (by the stride) and makes the features tolerant of small shifts.',
    formula: 'y_{n,c,i,j} = \\max_{0 \\le m,l < k} x_{n,c,\\,s i + d m - p,\\; s j + d l - p},\\quad H_{out} = \\left\\lfloor \\frac{H + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1',
    seedNotes: 'The notes write the 1-D form x^max_{i,k} = max{x_{i,k+l} : 0 ≤ l < r} and say max pooling “halves the spatial dimensions: 13×13×256 → 6×6×256”. Halving is approximate: a 3×3/s2 pool gives exactly ⌊(13−3)/2⌋+1 = 6, a 2×2/s2 pool gives 6.5 → 6 and drops the last row and column (ceil_mode = true would give 7). PyTorch’s stride defaults to kernel_size; netloom writes it out (2).',
    pytorch: 'nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)  # stride None means stride = kernel_size',
  },
  params: {
    ...poolWindowParams,
    dilation: p.size(1, 'spacing between window taps'),
    ceil_mode: p.bool(false, 'round the output size up instead of down, so a partial window at the end still counts'),
  },
  inputs: [{ name: 'x', rank: 4, doc: '[N, C, H, W]' }],
  outputs: [{ name: 'y', rank: 4, doc: '[N, C, H_out, W_out]' }],
  example: { params: { kernel_size: 3, stride: 2 }, inputs: { x: ['N', 256, 13, 13] } },
  lower: (ctx) => lowerPool2d(ctx, { mode: 'max', dilationParam: 'dilation', ceilMode: ctx.params.ceil_mode, countIncludePad: false }),
});
