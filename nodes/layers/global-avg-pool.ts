import { defineNode } from '../../engine/compile/node-kind.ts';
import { floatInput, inputOfRank } from '../common/checks.ts';

export const globalAvgPool = defineNode({
  id: 'global_avg_pool',
  category: 'layers',
  label: 'GlobalAvgPool',
  docs: {
    summary: 'Averages every channel over all of H and W, turning [N,C,H,W] feature maps into one C-vector per sample. The usual bridge from a convolutional trunk to the classifier (ResNet, MobileNet): no weights, and any image size fits.',
    formula: 'y_{n,c} = \\frac{1}{HW} \\sum_{i=1}^{H} \\sum_{j=1}^{W} x_{n,c,i,j}',
    seedNotes: 'Not in the notes by name; it replaces “flatten, then fully connected” with far fewer weights in the next Linear (C instead of C·H·W inputs).',
    pytorch: 'nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())  # or x.mean(dim=(2, 3))',
  },
  params: {},
  inputs: [{ name: 'x', rank: 4, doc: '[N, C, H, W]' }],
  outputs: [{ name: 'y', rank: 2, doc: '[N, C]' }],
  example: { inputs: { x: ['N', 5, 10, 7] } },
  lower(ctx) {
    const x = inputOfRank(ctx, 'x', 4, '[N,C,H,W]');
    floatInput(ctx, 'x');
    return { y: ctx.b.mean(x, [2, 3]) };
  },
});
