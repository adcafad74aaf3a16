/**
 * The lowering shared by BatchNorm1d and BatchNorm2d (PyTorch's _BatchNorm): statistics per channel (dimension 1)
 * over every other dimension. Training normalises with the batch's biased variance and moves the running
 * statistics towards the batch's mean and unbiased variance; evaluation normalises with the running statistics.
 */
import type { LowerContext } from '../../engine/compile/node-kind.ts';
import { p, type ParamsOf } from '../../engine/compile/params.ts';
import type { Value } from '../../engine/ir/program.ts';
import { formatShape, isSymbol } from '../../engine/ir/shape.ts';
import { concreteDim, floatInput } from './checks.ts';
import { ONES, ZEROS } from './init.ts';

export const batchNormParams = {
  num_features: p.int(16, 'channels C (dimension 1 of the input)', { min: 1 }),
  eps: p.float(1e-5, 'ε added to the variance before the square root', { min: 0, exclusiveMin: true }),
  momentum: p.float(0.1, 'weight of the current batch in the running statistics: r ← (1−momentum)·r + momentum·batch', { min: 0, max: 1 }),
  affine: p.bool(true, 'learn a per-channel scale γ (weight) and shift β (bias)'),
  track_running_stats: p.bool(true, 'keep running_mean/running_var for evaluation; off: evaluation uses the batch statistics too'),
};

type BatchNormCtx = LowerContext<typeof batchNormParams>;

export interface BatchNormLayout {
  /** Accepted input ranks with their layouts, e.g. { 2: '[N,C]', 3: '[N,C,L]' }. */
  readonly ranks: Readonly<Record<number, string>>;
  /** Extra advice when the rank is wrong. */
  readonly hint?: string;
}

export function lowerBatchNorm(ctx: BatchNormCtx, layout: BatchNormLayout): Record<string, Value> {
  const { num_features: c, eps, momentum, affine, track_running_stats: track } = ctx.params as ParamsOf<typeof batchNormParams>;
  const x = floatInput(ctx, 'x');
  const rank = x.shape.length;
  const layouts = Object.entries(layout.ranks);
  if (!(rank in layout.ranks)) {
    const wanted = layouts.map(([r, l]) => `rank-${r} ${l}`).join(' or ');
    ctx.fail('rank-mismatch', `needs a ${wanted} input but x is ${formatShape(x.shape)} (rank ${rank})${layout.hint ?? ''}`, { port: 'x' });
  }
  // A common slip: [N,T,D] sequences (features last) where BatchNorm1d wants [N,C,L] (features in dimension 1).
  const featuresLast = rank === 3 && x.shape[2] === c && x.shape[1] !== c
    ? `; its last dimension is ${c}: for [N,T,D] sequences add a Permute [0,2,1] before (and after) it, or use LayerNorm over D`
    : '';
  if (featuresLast && isSymbol(x.shape[1]!)) {
    ctx.fail('channels-mismatch', `normalises dimension 1, but x ${formatShape(x.shape)} has the symbol ${x.shape[1]} there${featuresLast}`, { port: 'x' });
  }
  const channels = concreteDim(ctx, x, 1, 'channel dimension', 'x');
  if (channels !== c) {
    ctx.fail('channels-mismatch', `num_features is ${c} but the input ${formatShape(x.shape)} has ${channels} channels (dimension 1)${featuresLast} — set num_features to ${channels}`, {
      param: 'num_features', port: 'x',
      fix: { label: `Set num_features to ${channels}`, edits: [{ type: 'setParam', node: ctx.node.id, param: 'num_features', value: channels }] },
    });
  }

  const { b } = ctx;
  const reduced = x.shape.map((_, i) => i).filter((i) => i !== 1);
  // [C] parameters broadcast against [N,C,…] as [C,1,…].
  const perChannel: number[] = [c, ...new Array<number>(rank - 2).fill(1)];
  const bcast = (v: Value): Value => (rank === 2 ? v : b.reshape(v, perChannel));
  const weight = affine ? ctx.weight('weight', [c], ONES) : undefined;
  const bias = affine ? ctx.weight('bias', [c], ZEROS) : undefined;
  const runningMean = track ? ctx.buffer('running_mean', [c], ZEROS) : undefined;
  const runningVar = track ? ctx.buffer('running_var', [c], ONES) : undefined;

  let mean: Value, variance: Value;
  if (ctx.mode === 'eval' && runningMean && runningVar) {
    mean = bcast(runningMean);
    variance = bcast(runningVar);
  } else {
    mean = b.mean(x, reduced, true);
    const centred = b.sub(x, mean);
    // Two-pass biased variance: mean of squared deviations (no E[x²]−E[x]² cancellation).
    variance = b.mean(b.mul(centred, centred), reduced, true);
    if (ctx.mode === 'train' && runningMean && runningVar) {
      updateRunningStats(ctx, x, reduced, mean, variance, runningMean, runningVar, momentum);
    }
  }
  let y = b.div(b.sub(x, mean), b.unary('sqrt', b.add(variance, b.scalar(eps))));
  if (weight && bias) y = b.add(b.mul(y, bcast(weight)), bcast(bias));
  return { y };
}

/** running ← (1−m)·running + m·batch, with the batch variance made unbiased by n/(n−1), n counted at run time. */
function updateRunningStats(
  ctx: BatchNormCtx, x: Value, reduced: readonly number[], mean: Value, variance: Value,
  runningMean: Value, runningVar: Value, momentum: number,
): void {
  const { b } = ctx;
  const c = runningMean.shape[0] as number;
  // n = the number of values per channel. Its symbolic factors (N, T) are only known when data arrives, so it is
  // computed in the program: Σ of ones expanded over the symbolic dims, times the product of the concrete ones.
  const dims = reduced.map((i) => x.shape[i]!);
  const known = dims.reduce<number>((acc, d) => (isSymbol(d) ? acc : acc * d), 1);
  const symbols = dims.filter(isSymbol);
  let n: Value = b.scalar(known);
  if (symbols.length > 0) {
    const ones = b.op('expand', [b.scalar(1)], { shape: symbols });
    const count = b.sum(ones, symbols.map((_, i) => i));
    n = known === 1 ? count : b.mul(count, b.scalar(known));
  }
  // PyTorch refuses n = 1 while training; clamping n−1 at 1 keeps the update finite (the variance is 0 then).
  const correction = b.div(n, b.op('maximum', [b.sub(n, b.scalar(1)), b.scalar(1)], {}));
  const batchMean = b.reshape(mean, [c]);
  const batchVar = b.mul(b.reshape(variance, [c]), correction);
  const keep = b.scalar(1 - momentum), take = b.scalar(momentum);
  b.assign(runningMean, b.add(b.mul(runningMean, keep), b.mul(batchMean, take)));
  b.assign(runningVar, b.add(b.mul(runningVar, keep), b.mul(batchVar, take)));
}
