import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';
import { floatInput } from '../common/checks.ts';
import { AXIS_NAMES, axes } from '../common/spatial.ts';

export const upsample = defineNode({
  id: 'upsample',
  category: 'layers',
  label: 'Upsample',
  docs: {
    summary: 'Enlarges feature maps by a whole-number factor without weights: nearest repeats each pixel, bilinear interpolates between neighbours. Followed by a Conv2d it is a common alternative to ConvTranspose2d in decoders (no checkerboard artefacts).',
    formula: '\\text{nearest: } y_{n,c,i,j} = x_{n,c,\\lfloor i/s \\rfloor,\\lfloor j/s \\rfloor};\\quad \\text{bilinear: } y_{n,c,i,j} = \\sum_{m,l} \\lambda_m(i)\\,\\lambda_l(j)\\, x_{n,c,m,l};\\quad H_{out} = sH',
    seedNotes: 'The notes only name upsampling (“inverse pooling”). MaxUnpool, which puts values back at the positions the max pool chose, needs the pool’s indices and is a different layer. With align_corners = false (PyTorch’s default) bilinear samples at pixel centres, source coordinate (i + ½)/s − ½; with true the corner pixels of input and output line up, (H−1)/(H_out−1)·i.',
    pytorch: 'nn.Upsample(scale_factor=2, mode="nearest")  # or mode="bilinear", align_corners=False',
  },
  params: {
    scale_factor: p.size(2, 'whole-number enlargement, one number or (height, width)'),
    mode: p.choice(['nearest', 'bilinear'], 'nearest', 'nearest repeats pixels; bilinear interpolates (needs [N,C,H,W])'),
    align_corners: p.bool(false, 'bilinear only: align the corner pixels of input and output instead of their edges'),
  },
  inputs: [{ name: 'x', doc: '[N, C, H, W] (or [N, C, L] with nearest)' }],
  outputs: [{ name: 'y', doc: '[N, C, s·H, s·W]' }],
  example: { params: { scale_factor: 2, mode: 'nearest' }, inputs: { x: ['N', 3, 5, 6] } },
  lower(ctx) {
    const { mode, align_corners: alignCorners } = ctx.params;
    const x = floatInput(ctx, 'x');
    const rank = x.shape.length;
    if (mode === 'bilinear' && rank !== 4) {
      ctx.fail('rank-mismatch', `bilinear mode needs a rank-4 input [N,C,H,W] but x is ${formatShape(x.shape)} (rank ${rank})`, { port: 'x' });
    }
    if (rank !== 3 && rank !== 4) {
      ctx.fail('rank-mismatch', `needs an image [N,C,H,W] (or a sequence [N,C,L]) but x is ${formatShape(x.shape)} (rank ${rank})`, { port: 'x' });
    }
    if (alignCorners && mode === 'nearest') {
      ctx.fail('invalid-graph', 'align_corners only applies to bilinear interpolation (PyTorch refuses it with nearest)', {
        param: 'align_corners', fix: { label: 'Turn align_corners off', edits: [{ type: 'setParam', node: ctx.node.id, param: 'align_corners', value: false }] },
      });
    }
    const spatial = rank - 2;
    const scale = axes(ctx, 'scale_factor', spatial);
    const names = AXIS_NAMES[spatial]!;
    const size = x.shape.slice(2).map((length, i) => {
      if (isSymbol(length)) {
        return ctx.fail('shape-mismatch', `the ${names[i]} of x ${formatShape(x.shape)} is the symbol ${length}; upsampling needs a concrete ${names[i]}`, { port: 'x' });
      }
      return length * scale[i]!;
    });
    return { y: ctx.b.op('resize', [x], { mode: mode === 'bilinear' ? 'linear' : 'nearest', size, alignCorners: mode === 'bilinear' && alignCorners }) };
  },
});
