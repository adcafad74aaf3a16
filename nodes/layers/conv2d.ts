import { defineNode } from '../../engine/compile/node-kind.ts';
import { convParams, lowerConv } from '../common/conv.ts';

export const conv2d = defineNode({
  id: 'conv2d',
  category: 'layers',
  label: 'Conv2d',
  docs: {
    summary: '2-D convolution (cross-correlation) over [N,C,H,W] images: each of out_channels filters slides over the input and sums over all input channels of its group. groups = in_channels gives a depthwise convolution; kernel 1 a pointwise one.',
    formula: 'y_{n,o,i,j} = b_o + \\sum_{c,m,k} w_{o,c,m,k}\\, x_{n,c,\\,s i + d m - p,\\; s j + d k - p},\\quad H_{out} = \\left\\lfloor \\frac{H + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1',
    seedNotes: 'The notes lay images out H×W×C with kernels W×H×C_in×C_out and write the size as ⌊(w + 2p − w_f)/s + 1⌋ (“must be an integer”); netloom uses PyTorch’s NCHW and weight [C_out, C_in/groups, kH, kW]. Parameters C_in·C_out·k² + C_out, e.g. (5·5·3+1)·10 = 760. FLOPs 2·C_in·k²·C_out·H_out·W_out; depthwise 2·k²·C·H_out·W_out.',
    pytorch: 'nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)',
  },
  params: { ...convParams, in_channels: { ...convParams.in_channels, default: 1 } },
  inputs: [{ name: 'x', rank: 4, doc: '[N, C_in, H, W]' }],
  outputs: [{ name: 'y', rank: 4, doc: '[N, C_out, H_out, W_out]' }],
  example: { params: { in_channels: 3, out_channels: 10, kernel_size: 5, padding: 2 }, inputs: { x: ['N', 3, 32, 32] } },
  lower: (ctx) => lowerConv(ctx, 2),
});
