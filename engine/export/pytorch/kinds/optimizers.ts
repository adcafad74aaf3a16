/**
 * torch.optim constructors for the optimizer nodes (nodes/optimizers), with the node's hyper-parameters. Schedules
 * and clipping are the training loop's part (train.py), as in PyTorch.
 */
import { boolUnless, numberUnless, pythonCall, type PythonContext, type PythonKindExport } from '../kind-export.ts';
import { pythonNumber, pythonTuple } from '../python-literal.ts';

const lr = (ctx: PythonContext): string => pythonNumber(ctx.number('lr'));

const adamLike = (cls: string, defaultDecay: number): PythonKindExport => ({
  role: 'optimizer',
  create: (ctx, parameters) => {
    const [b1, b2] = [ctx.number('beta1'), ctx.number('beta2')];
    return pythonCall(cls, [parameters], {
      lr: lr(ctx),
      betas: b1 === 0.9 && b2 === 0.999 ? undefined : pythonTuple([pythonNumber(b1), pythonNumber(b2)]),
      eps: numberUnless(ctx.number('eps'), 1e-8),
      weight_decay: numberUnless(ctx.number('weight_decay'), defaultDecay),
      amsgrad: boolUnless(ctx.bool('amsgrad'), false),
    });
  },
});

export const OPTIMIZER_EXPORTS: Readonly<Record<string, PythonKindExport>> = {
  sgd: {
    role: 'optimizer',
    create: (ctx, parameters) => pythonCall('torch.optim.SGD', [parameters], {
      lr: lr(ctx),
      momentum: numberUnless(ctx.number('momentum'), 0),
      dampening: numberUnless(ctx.number('dampening'), 0),
      weight_decay: numberUnless(ctx.number('weight_decay'), 0),
      nesterov: boolUnless(ctx.bool('nesterov'), false),
    }),
  },
  adam: adamLike('torch.optim.Adam', 0),
  adamw: adamLike('torch.optim.AdamW', 0.01),
  rmsprop: {
    role: 'optimizer',
    create: (ctx, parameters) => pythonCall('torch.optim.RMSprop', [parameters], {
      lr: lr(ctx),
      alpha: numberUnless(ctx.number('alpha'), 0.99),
      eps: numberUnless(ctx.number('eps'), 1e-8),
      weight_decay: numberUnless(ctx.number('weight_decay'), 0),
      momentum: numberUnless(ctx.number('momentum'), 0),
      centered: boolUnless(ctx.bool('centered'), false),
    }),
  },
  adagrad: {
    role: 'optimizer',
    create: (ctx, parameters) => pythonCall('torch.optim.Adagrad', [parameters], {
      lr: lr(ctx),
      lr_decay: numberUnless(ctx.number('lr_decay'), 0),
      weight_decay: numberUnless(ctx.number('weight_decay'), 0),
      initial_accumulator_value: numberUnless(ctx.number('initial_accumulator_value'), 0),
      eps: numberUnless(ctx.number('eps'), 1e-10),
    }),
  },
};
