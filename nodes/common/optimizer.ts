/** Params and ports every optimizer shares: which loss it minimises, which weights it updates, and how often. */
import { p } from '../../engine/compile/params.ts';
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import type { ParamSchema } from '../../engine/compile/params.ts';
import { formatShape } from '../../engine/ir/shape.ts';

export const optimizerParams = {
  parameters: p.texts(['all'], 'weights to update: "all" (every weight the loss depends on), or group ids / node ids — a GAN gives its generator and discriminator optimizers different groups'),
  steps: p.int(1, 'updates per training iteration (a GAN’s discriminator often takes k steps per generator step)', { min: 1, max: 100 }),
};

export const OPTIMIZER_PORTS = {
  inputs: [{ name: 'loss', rank: 0, doc: 'the scalar loss this optimizer minimises' }],
  outputs: [],
} as const;

export const optimizerSelection = {
  parameterSelection: (params: { readonly parameters: readonly string[] }) => params.parameters,
};

/** An optimizer adds no computation; lowering only checks that what it minimises is a scalar. */
export function lowerOptimizer(ctx: LowerContext<ParamSchema>): Record<string, never> {
  const loss = ctx.input('loss');
  if (loss.shape.length !== 0) {
    ctx.fail('shape-mismatch', `minimises a scalar loss, but its loss input is ${formatShape(loss.shape)} (use a loss node, or reduction "mean"/"sum")`, { port: 'loss' });
  }
  return {};
}
