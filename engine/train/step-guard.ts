/**
 * Makes a training step all-or-nothing on non-finite numbers: when the loss or the global gradient norm is NaN or
 * ±∞, every state update of the step (weights, optimizer moments, batch-norm statistics) keeps its old value.
 * The weights stay as they were before the bad step, so the NaN guard can replay that exact step to find the first
 * node whose output went non-finite.
 */
import type { Builder } from '../ir/builder.ts';
import type { Value } from '../ir/program.ts';

/** 1 when x is finite, else 0: x − x is 0 for finite x and NaN for NaN and ±∞, and NaN ≠ 0. */
export function isFinite(b: Builder, x: Value): Value {
  return b.op('equal', [b.sub(x, x), b.scalar(0)], {});
}

export function guardStateUpdates(b: Builder, checks: readonly Value[]): void {
  const total = checks.reduce((sum, v) => b.add(sum, v));
  const ok = isFinite(b, total);
  for (let i = 0; i < b.stateUpdates.length; i++) {
    const u = b.stateUpdates[i]!;
    const kept = b.op('where', [ok, b.values[u.value]!, b.values[u.buffer]!], {});
    b.stateUpdates[i] = { buffer: u.buffer, value: kept.id };
  }
}
