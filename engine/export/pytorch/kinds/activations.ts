/** PyTorch for the activations (nodes/activations): nn modules where PyTorch has one, torch functions otherwise. */
import { pythonCall, unlessDefault, type ComputeExport, type PythonContext, type PythonKindExport } from '../kind-export.ts';
import { pythonFloat, pythonNumber, pythonString } from '../python-literal.ts';

const activation = (module: (ctx: PythonContext) => string): ComputeExport => ({
  role: 'compute', module, forward: (ctx, attribute) => `${attribute}(${ctx.input('x')})`,
});

const plain = (cls: string): ComputeExport => activation(() => `${cls}()`);

/** 1 where x > 0, else 0: netloom's Heaviside (0 at 0, like the perceptron). */
const heaviside = (x: string): string => `(${x} > 0).to(${x}.dtype)`;

export const ACTIVATION_EXPORTS: Readonly<Record<string, PythonKindExport>> = {
  relu: plain('nn.ReLU'),
  leaky_relu: activation((ctx) => pythonCall('nn.LeakyReLU', [pythonFloat(ctx.number('negative_slope'))])),
  elu: activation((ctx) => pythonCall('nn.ELU', [], { alpha: unlessDefault(ctx.number('alpha'), 1, pythonFloat) })),
  gelu: activation((ctx) => pythonCall('nn.GELU', [], { approximate: unlessDefault(ctx.choice('approximate'), 'none', pythonString) })),
  sigmoid: plain('nn.Sigmoid'),
  tanh: plain('nn.Tanh'),
  atan: { role: 'compute', forward: (ctx) => `torch.atan(${ctx.input('x')})` },
  softmax: activation((ctx) => pythonCall('nn.Softmax', [], { dim: pythonNumber(ctx.number('dim')) })),
  log_softmax: activation((ctx) => pythonCall('nn.LogSoftmax', [], { dim: pythonNumber(ctx.number('dim')) })),
  identity: plain('nn.Identity'),
  step: {
    role: 'compute',
    forward: (ctx) => (ctx.choice('mode') === 'sign' ? `${heaviside(ctx.input('x'))} * 2 - 1` : heaviside(ctx.input('x'))),
  },
};
