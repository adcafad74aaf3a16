/** PyTorch for the layers (nodes/layers): nn modules with the node's params, PyTorch's defaults left out. */
import {
  boolUnless, numberUnless, pythonCall, pythonSize, sizeUnless, type ComputeExport, type PythonContext, type PythonKindExport,
} from '../kind-export.ts';
import { pythonBool, pythonFloat, pythonNumber, pythonString, pythonTuple } from '../python-literal.ts';
import { initialiseWeights } from './init.ts';

/** A layer that is one nn module applied to its input `x`. */
const moduleLayer = (module: (ctx: PythonContext) => string, extra: Partial<ComputeExport> = {}): ComputeExport => ({
  role: 'compute', module, forward: (ctx, attribute) => `${attribute}(${ctx.input('x')})`, ...extra,
});

/** Conv1d and Conv2d share their params (nodes/common/conv.ts). */
const convolution = (cls: string): ComputeExport => moduleLayer((ctx) => {
  const padding = ctx.param('padding');
  return pythonCall(cls, [pythonNumber(ctx.number('in_channels')), pythonNumber(ctx.number('out_channels'))], {
    kernel_size: pythonSize(ctx.param('kernel_size')),
    stride: sizeUnless(ctx.param('stride'), 1),
    padding: typeof padding === 'string' ? pythonString(padding) : sizeUnless(padding, 0),
    dilation: sizeUnless(ctx.param('dilation'), 1),
    groups: numberUnless(ctx.number('groups'), 1),
    bias: boolUnless(ctx.bool('bias'), true),
  });
}, { initialise: initialiseWeights });

const batchNorm = (cls: string): ComputeExport => moduleLayer((ctx) => pythonCall(cls, [pythonNumber(ctx.number('num_features'))], {
  eps: numberUnless(ctx.number('eps'), 1e-5),
  momentum: numberUnless(ctx.number('momentum'), 0.1),
  affine: boolUnless(ctx.bool('affine'), true),
  track_running_stats: boolUnless(ctx.bool('track_running_stats'), true),
}));

/** PyTorch's pooling stride defaults to the kernel size; write it only when it differs. */
const strideUnlessKernel = (ctx: PythonContext): string | undefined =>
  pythonSize(ctx.param('stride')) === pythonSize(ctx.param('kernel_size')) ? undefined : pythonSize(ctx.param('stride'));

export const LAYER_EXPORTS: Readonly<Record<string, PythonKindExport>> = {
  linear: moduleLayer((ctx) => pythonCall('nn.Linear', [pythonNumber(ctx.number('in_features')), pythonNumber(ctx.number('out_features'))], {
    bias: boolUnless(ctx.bool('bias'), true),
  }), { initialise: initialiseWeights }),
  conv1d: convolution('nn.Conv1d'),
  conv2d: convolution('nn.Conv2d'),
  conv_transpose2d: moduleLayer((ctx) => pythonCall('nn.ConvTranspose2d', [pythonNumber(ctx.number('in_channels')), pythonNumber(ctx.number('out_channels'))], {
    kernel_size: pythonSize(ctx.param('kernel_size')),
    stride: sizeUnless(ctx.param('stride'), 1),
    padding: sizeUnless(ctx.param('padding'), 0),
    output_padding: sizeUnless(ctx.param('output_padding'), 0),
    groups: numberUnless(ctx.number('groups'), 1),
    bias: boolUnless(ctx.bool('bias'), true),
    dilation: sizeUnless(ctx.param('dilation'), 1),
  }), { initialise: initialiseWeights }),
  max_pool2d: moduleLayer((ctx) => pythonCall('nn.MaxPool2d', [pythonSize(ctx.param('kernel_size'))], {
    stride: strideUnlessKernel(ctx),
    padding: sizeUnless(ctx.param('padding'), 0),
    dilation: sizeUnless(ctx.param('dilation'), 1),
    ceil_mode: boolUnless(ctx.bool('ceil_mode'), false),
  })),
  avg_pool2d: moduleLayer((ctx) => pythonCall('nn.AvgPool2d', [pythonSize(ctx.param('kernel_size'))], {
    stride: strideUnlessKernel(ctx),
    padding: sizeUnless(ctx.param('padding'), 0),
    ceil_mode: boolUnless(ctx.bool('ceil_mode'), false),
    count_include_pad: boolUnless(ctx.bool('count_include_pad'), true),
  })),
  adaptive_avg_pool2d: moduleLayer((ctx) => pythonCall('nn.AdaptiveAvgPool2d', [pythonSize(ctx.param('output_size'))])),
  global_avg_pool: { role: 'compute', forward: (ctx) => `${ctx.input('x')}.mean(dim=(2, 3))` },
  upsample: moduleLayer((ctx) => {
    const bilinear = ctx.choice('mode') === 'bilinear';
    return pythonCall('nn.Upsample', [], {
      scale_factor: pythonSize(ctx.param('scale_factor')),
      mode: pythonString(ctx.choice('mode')),
      align_corners: bilinear ? pythonBool(ctx.bool('align_corners')) : undefined,
    });
  }),
  flatten: moduleLayer((ctx) => pythonCall('nn.Flatten', [], {
    start_dim: numberUnless(ctx.number('start_dim'), 1),
    end_dim: numberUnless(ctx.number('end_dim'), -1),
  })),
  reshape: {
    role: 'compute',
    forward: (ctx) => pythonCall(`${ctx.input('x')}.reshape`, (ctx.param('shape') as readonly (number | string)[]).map((d) => ctx.size(d))),
  },
  permute: { role: 'compute', forward: (ctx) => pythonCall(`${ctx.input('x')}.permute`, ctx.ints('dims').map(pythonNumber)) },
  dropout: moduleLayer((ctx) => pythonCall('nn.Dropout', [], { p: pythonFloat(ctx.number('p')) })),
  batch_norm1d: batchNorm('nn.BatchNorm1d'),
  batch_norm2d: batchNorm('nn.BatchNorm2d'),
  layer_norm: moduleLayer((ctx) => {
    const shape = ctx.ints('normalized_shape');
    return pythonCall('nn.LayerNorm', [shape.length === 1 ? pythonNumber(shape[0]!) : pythonTuple(shape.map(pythonNumber))], {
      eps: numberUnless(ctx.number('eps'), 1e-5),
      elementwise_affine: boolUnless(ctx.bool('elementwise_affine'), true),
    });
  }),
  embedding: moduleLayer((ctx) => pythonCall('nn.Embedding', [pythonNumber(ctx.number('num_embeddings')), pythonNumber(ctx.number('embedding_dim'))])),
};
