import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { lowerPool2d, poolWindowParams } from '../common/pool.ts';

export const avgPool2d = defineNode({
  id: 'avg_pool2d',
  category: 'layers',
  label: 'AvgPool2d',
  docs: {
    summary: 'Averages each k×k window, separately in every channel. No weights; it shrinks H and W by the stride while smoothing rather than picking the strongest response.',
    formula: 'y_{n,c,i,j} = \\frac{1}{|W_{ij}|} \\sum_{(m,l) \\in W_{ij}} x_{n,c,m,l},\\quad H_{out} = \\left\\lfloor \\frac{H + 2p - k}{s} \\right\\rfloor + 1',
    seedNotes: 'The notes list average pooling next to max (and min, softmax) pooling, applied per channel and without parameters. |W_ij| is k² when count_include_pad is true (zeros of the padding count), otherwise only the window’s positions inside the input. PyTorch’s stride defaults to kernel_size; netloom writes it out (2).',
    pytorch: 'nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)  # stride None means stride = kernel_size',
  },
  params: {
    ...poolWindowParams,
    ceil_mode: p.bool(false, 'round the output size up instead of down, so a partial window at the end still counts'),
    count_include_pad: p.bool(true, 'divide by the full window size k², counting padded zeros'),
  },
  inputs: [{ name: 'x', rank: 4, doc: '[N, C, H, W]' }],
  outputs: [{ name: 'y', rank: 4, doc: '[N, C, H_out, W_out]' }],
  example: { params: { kernel_size: 3, stride: 1, padding: 1 }, inputs: { x: ['N', 3, 10, 10] } },
  lower: (ctx) => lowerPool2d(ctx, { mode: 'avg', ceilMode: ctx.params.ceil_mode, countIncludePad: ctx.params.count_include_pad }),
});
