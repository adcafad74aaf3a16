/** PyTorch for the losses (nodes/losses): torch.nn.functional calls with the node's reduction and options. */
import { numberUnless, pythonCall, unlessDefault, type ComputeExport, type PythonContext, type PythonKindExport } from '../kind-export.ts';
import { pythonBool, pythonString } from '../python-literal.ts';

const reduction = (ctx: PythonContext, fallback = 'mean'): string | undefined => unlessDefault(ctx.choice('reduction'), fallback, pythonString);

const loss = (fn: string, extra: (ctx: PythonContext) => Record<string, string | undefined> = () => ({}), accuracy?: ComputeExport['accuracy']): ComputeExport => ({
  role: 'compute',
  forward: (ctx) => pythonCall(fn, [ctx.input('input'), ctx.input('target')], { reduction: reduction(ctx), ...extra(ctx) }),
  ...(accuracy ? { accuracy } : {}),
});

/** Share of samples whose largest score is the target class (netloom's multiclass accuracy). */
const classAccuracy = (ctx: PythonContext): string => `(${ctx.input('input')}.argmax(dim=1) == ${ctx.input('target')}).float().mean()`;

/** Share of elements on the right side of the threshold, the target read as 1 from 0.5 up (netloom's binary accuracy). */
const binaryAccuracy = (threshold: string) => (ctx: PythonContext): string =>
  `((${ctx.input('input')} > ${threshold}) == (${ctx.input('target')} >= 0.5)).float().mean()`;

export const LOSS_EXPORTS: Readonly<Record<string, PythonKindExport>> = {
  cross_entropy: loss('F.cross_entropy', (ctx) => ({ label_smoothing: numberUnless(ctx.number('label_smoothing'), 0) }), classAccuracy),
  nll: loss('F.nll_loss', undefined, classAccuracy),
  bce_with_logits: loss('F.binary_cross_entropy_with_logits', undefined, binaryAccuracy('0')),
  bce: loss('F.binary_cross_entropy', undefined, binaryAccuracy('0.5')),
  mse: loss('F.mse_loss'),
  l1: loss('F.l1_loss'),
  kl_div: {
    role: 'compute',
    // netloom defaults to batchmean (the true KL per sample) where PyTorch defaults to mean, so it is always written.
    forward: (ctx) => pythonCall('F.kl_div', [ctx.input('input'), ctx.input('target')], {
      reduction: pythonString(ctx.choice('reduction')),
      log_target: ctx.bool('log_target') ? pythonBool(true) : undefined,
    }),
  },
};
