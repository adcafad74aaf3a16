import { defineNode } from '../../engine/compile/node-kind.ts';
import { convParams, lowerConv } from '../common/conv.ts';

export const conv1d = defineNode({
  id: 'conv1d',
  category: 'layers',
  label: 'Conv1d',
  docs: {
    summary: '1-D convolution over [N,C,L] sequences such as audio or text embeddings (channels first).',
    formula: 'y_{n,o,i} = b_o + \\sum_{c,m} w_{o,c,m}\\, x_{n,c,\\,s i + d m - p},\\quad L_{out} = \\left\\lfloor \\frac{L + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1',
    seedNotes: 'The notes compare the naive O(m·n) sliding sum with an FFT-based O(n log n) one; results are the same.',
    pytorch: 'nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True)',
  },
  params: convParams,
  inputs: [{ name: 'x', rank: 3, doc: '[N, C_in, L]' }],
  outputs: [{ name: 'y', rank: 3, doc: '[N, C_out, L_out]' }],
  example: { params: { in_channels: 1, out_channels: 8, kernel_size: 3, padding: 'same' }, inputs: { x: ['N', 1, 'T'] } },
  lower: (ctx) => lowerConv(ctx, 1),
});
