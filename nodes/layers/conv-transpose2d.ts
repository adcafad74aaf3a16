import { defineNode } from '../../engine/compile/node-kind.ts';
import { p } from '../../engine/compile/params.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';
import { transposedOutputSize } from '../../engine/ir/window.ts';
import { concreteDim, floatInput, inputOfRank } from '../common/checks.ts';
import { biasInit, initParam, weightInit } from '../common/init.ts';
import { AXIS_NAMES, axes } from '../common/spatial.ts';

const minus = (n: number): string => String(n).replace('-', '−');

export const convTranspose2d = defineNode({
  id: 'conv_transpose2d',
  category: 'layers',
  label: 'ConvTranspose2d',
  docs: {
    summary: 'Transposed (“fractionally strided”) 2-D convolution: every input pixel scatters a learned k×k stamp into the output, so a stride s enlarges the image about s times. The upsampling layer of DCGAN generators and decoders. It is the gradient of Conv2d with respect to its input, not its inverse.',
    formula: 'y_{n,o,\\,s i - p + d m,\\; s j - p + d k} \\mathrel{+}= \\sum_{c} x_{n,c,i,j}\\, w_{c,o,m,k},\\quad H_{out} = (H-1)s - 2p + d(k-1) + \\text{output\\_padding} + 1',
    seedNotes: 'The notes only name “fractionally-strided (transpose) convolutions” for GAN generators (“deconvolution with stride”) and give no size formula; the formula above is PyTorch’s. The weight is laid out [C_in, C_out/groups, kH, kW] (input channels first, unlike Conv2d). PyTorch’s default init computes fan_in from weight.size(1)·k² = (C_out/groups)·k², and netloom does the same so weights match. A k=4, s=2, p=1 layer exactly doubles H and W.',
    pytorch: 'nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1)',
  },
  params: {
    in_channels: p.int(16, 'channels of the input (C_in)', { min: 1 }),
    out_channels: p.int(8, 'channels of the output (C_out)', { min: 1 }),
    kernel_size: p.size(3, 'kernel size, one number or one per spatial axis'),
    stride: p.size(1, 'spacing of the stamps in the output: the upsampling factor'),
    padding: p.size(0, 'rows/columns cropped from each side of the full output (d·(k−1)−p zeros in the equivalent convolution)', 0),
    output_padding: p.size(0, 'extra rows/columns added on one side, to pick among the sizes a stride > 1 makes ambiguous; must be < stride or dilation', 0),
    dilation: p.size(1, 'spacing between kernel taps'),
    groups: p.int(1, 'split channels into groups; must divide in_channels and out_channels', { min: 1 }),
    bias: p.bool(true, 'add a learnable bias per output channel'),
    init: initParam,
  },
  inputs: [{ name: 'x', rank: 4, doc: '[N, C_in, H, W]' }],
  outputs: [{ name: 'y', rank: 4, doc: '[N, C_out, H_out, W_out]' }],
  example: { params: { in_channels: 8, out_channels: 4, kernel_size: 4, stride: 2, padding: 1 }, inputs: { x: ['N', 8, 7, 7] } },
  lower(ctx) {
    const { in_channels: cin, out_channels: cout, groups, bias, init } = ctx.params;
    const x = inputOfRank(ctx, 'x', 4, '[N,C,H,W]', '; to treat a flat latent vector as an image, add a Reshape to [N,C,1,1]');
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
    const kernel = axes(ctx, 'kernel_size', 2), stride = axes(ctx, 'stride', 2), padding = axes(ctx, 'padding', 2);
    const outputPadding = axes(ctx, 'output_padding', 2), dilation = axes(ctx, 'dilation', 2);
    const names = AXIS_NAMES[2]!;

    outputPadding.forEach((op, i) => {
      const limit = Math.max(stride[i]!, dilation[i]!);
      if (op >= limit) {
        ctx.fail('invalid-graph',
          `output_padding ${op} on the ${names[i]} must be smaller than stride ${stride[i]} or dilation ${dilation[i]} (PyTorch refuses it): it only chooses among the ${limit} input sizes that a stride of ${stride[i]} maps to the same output`,
          { param: 'output_padding', fix: { label: `Set output_padding to ${limit - 1}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'output_padding', value: limit - 1 }] } });
      }
    });

    const lengths = x.shape.slice(2).map((length, i) => {
      if (isSymbol(length)) {
        return ctx.fail('shape-mismatch', `the ${names[i]} of x ${formatShape(x.shape)} is the symbol ${length}; a transposed convolution needs a concrete ${names[i]}`, { port: 'x' });
      }
      return length;
    });
    // Size before cropping, and the most padding each axis can take while keeping one output row/column.
    const full = lengths.map((length, i) => (length - 1) * stride[i]! + dilation[i]! * (kernel[i]! - 1) + outputPadding[i]! + 1);
    const room = full.map((f) => Math.floor((f - 1) / 2));
    lengths.forEach((length, i) => {
      const [k, s, q, op, d] = [kernel[i]!, stride[i]!, padding[i]!, outputPadding[i]!, dilation[i]!];
      const out = transposedOutputSize(length, k, s, q, op, d);
      if (out >= 1) return;
      const axis = names[i]!;
      const safe = Math.min(...room);
      ctx.fail('nonpositive-output',
        `output ${axis} (H−1)·s−2p+d·(k−1)+output_padding+1 = (${length}−1)·${s}−2·${q}+${d}·(${k}−1)+${op}+1 = ${minus(out)}; padding ${q} crops 2·${q} = ${2 * q} of the ${full[i]} ${axis === 'width' ? 'columns' : 'rows'} the transposed convolution produces — set padding ≤ ${room[i]}`,
        {
          param: 'padding',
          ...(typeof ctx.params.padding === 'number'
            ? { fix: { label: `Set padding to ${safe}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'padding', value: safe }] } }
            : {}),
        });
    });

    // torch.nn.init computes fans from the weight tensor: fan_in = size(1)·k² = (C_out/groups)·k², fan_out = size(0)·k².
    const taps = kernel[0]! * kernel[1]!;
    const fanIn = (cout / groups) * taps, fanOut = cin * taps;
    const w = ctx.weight('weight', [cin, cout / groups, ...kernel], weightInit(init, fanIn, fanOut));
    let y = ctx.b.op('convTranspose', [x, w], { stride, padding, outputPadding, dilation, groups });
    if (bias) {
      const b = ctx.weight('bias', [cout], biasInit(init, fanIn));
      y = ctx.b.add(y, ctx.b.reshape(b, [cout, 1, 1]));
    }
    return { y };
  },
});
