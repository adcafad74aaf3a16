/**
 * PyTorch for the data nodes (nodes/data). Dataset and Input nodes are the model's inputs; Constant and Noise make
 * tensors in forward(), on the device of the model's data, with symbols such as N taking their bound sizes.
 */
import { pythonCall, type PythonContext, type PythonKindExport } from '../kind-export.ts';
import { pythonFloat, pythonNumber, pythonTuple } from '../python-literal.ts';

const shapeOf = (ctx: PythonContext): string => pythonTuple((ctx.param('shape') as readonly (number | string)[]).map((d) => ctx.size(d)));

/** `base * scale + shift`, leaving out a scale of 1 and a shift of 0. */
function affine(base: string, scale: number, shift: number): string {
  const scaled = scale === 1 ? base : `${base} * ${pythonFloat(scale)}`;
  return shift === 0 ? scaled : `${scaled} + ${pythonFloat(shift)}`;
}

/** A random tensor shaped like the `like` input when it is connected, else like the `shape` param. */
function random(ctx: PythonContext, fn: 'randn' | 'rand'): string {
  const like = ctx.optionalInput('like');
  return like ? `torch.${fn}_like(${like})` : pythonCall(`torch.${fn}`, [shapeOf(ctx)], { device: ctx.device });
}

function noise(ctx: PythonContext): string {
  switch (ctx.choice('distribution')) {
    case 'normal':
      return affine(random(ctx, 'randn'), ctx.number('std'), ctx.number('mean'));
    case 'uniform':
      return affine(random(ctx, 'rand'), ctx.number('high') - ctx.number('low'), ctx.number('low'));
    default: {
      const like = ctx.optionalInput('like');
      const p = pythonFloat(ctx.number('p'));
      return `torch.bernoulli(${like ? `torch.full_like(${like}, ${p})` : pythonCall('torch.full', [shapeOf(ctx), p], { device: ctx.device })})`;
    }
  }
}

export const DATA_EXPORTS: Readonly<Record<string, PythonKindExport>> = {
  input: { role: 'source' },
  dataset: { role: 'source' },
  local_data: { role: 'source' },
  constant: {
    role: 'compute',
    // netloom's i32 is PyTorch's int64 (class indices must be long for the losses).
    forward: (ctx) => (ctx.choice('dtype') === 'i32'
      ? pythonCall('torch.full', [shapeOf(ctx), pythonNumber(ctx.number('value'))], { dtype: 'torch.long', device: ctx.device })
      : pythonCall('torch.full', [shapeOf(ctx), pythonFloat(ctx.number('value'))], { device: ctx.device })),
  },
  noise: { role: 'compute', forward: noise },
};
