import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { floatInput, inputOfRank } from '../common/checks.ts';
import { axes } from '../common/spatial.ts';

export const adaptiveAvgPool2d = defineNode({
  id: 'adaptive_avg_pool2d',
  category: 'layers',
  label: 'AdaptiveAvgPool2d',
  docs: {
    summary: 'Average pooling that picks its own windows so the output is always output_size, whatever the input’s H and W. Lets a classifier head accept any image size (AlexNet’s 6×6, VGG’s 7×7, ResNet’s 1×1 before the Linear).',
    formula: 'y_{n,c,i,j} = \\operatorname{mean}\\, x_{n,c,\\,a_i:b_i,\\; a_j:b_j},\\quad a_i = \\left\\lfloor \\frac{iH}{H_{out}} \\right\\rfloor,\\; b_i = \\left\\lceil \\frac{(i+1)H}{H_{out}} \\right\\rceil',
    seedNotes: 'Not in the notes. Windows may overlap or differ in size by one when H is not a multiple of H_out.',
    pytorch: 'nn.AdaptiveAvgPool2d(output_size)',
  },
  params: {
    output_size: p.size(1, 'output (height, width), or one number for both'),
  },
  inputs: [{ name: 'x', rank: 4, doc: '[N, C, H, W]' }],
  outputs: [{ name: 'y', rank: 4, doc: '[N, C, H_out, W_out]' }],
  example: { params: { output_size: [3, 2] }, inputs: { x: ['N', 5, 10, 7] } },
  lower(ctx) {
    const x = inputOfRank(ctx, 'x', 4, '[N,C,H,W]');
    floatInput(ctx, 'x');
    return { y: ctx.b.op('adaptiveAvgPool', [x], { outputSize: axes(ctx, 'output_size', 2) }) };
  },
});
