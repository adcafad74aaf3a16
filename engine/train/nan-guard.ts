/**
 * The NaN guard's diagnosis: after a step whose loss or gradient norm came back non-finite (the step guard kept the
 * weights as they were), the same step is replayed keeping every value, and the first op whose output is NaN or ±∞
 * names the node to blame, whether it happened in the forward or the backward pass, and a likely cause.
 */
import type { ProgramRunner } from '../backends/executor-api.ts';
import type { HostTensor } from '../backends/backend.ts';
import type { OpId } from '../ir/ops.ts';

export interface NonFiniteReport {
  readonly node: string | undefined;
  readonly op: OpId;
  readonly pass: 'forward' | 'backward';
  readonly value: 'NaN' | 'Infinity' | '-Infinity';
  readonly cause: string;
}

export class NonFiniteError extends Error {
  constructor(message: string, readonly report: NonFiniteReport | undefined) {
    super(message);
    this.name = 'NonFiniteError';
  }
}

function firstNonFinite(t: HostTensor): number | undefined {
  for (const x of t.data) if (!Number.isFinite(x)) return x;
  return undefined;
}

function likelyCause(op: OpId, pass: 'forward' | 'backward', lr: number): string {
  if (pass === 'forward') {
    switch (op) {
      case 'param':
      case 'buffer':
        return 'the weights themselves are no longer finite';
      case 'log':
        return 'log of zero or of a negative number: feed logits to CrossEntropyLoss or BCEWithLogitsLoss rather than probabilities';
      case 'div':
        return 'division by zero';
      case 'sqrt':
        return 'square root of a negative number';
      case 'exp':
      case 'pow':
        return `overflow: activations grew too large — the learning rate (${lr}) is probably too high, or the inputs are not normalised`;
      default:
        return `activations overflowed: the learning rate (${lr}) is probably too high`;
    }
  }
  return `the gradients exploded: lower the learning rate (${lr}) or clip gradients (clip_grad_norm on the optimizer)`;
}

export async function diagnoseNonFinite(
  runner: ProgramRunner, firstBackwardValue: number, replay: () => Promise<void>, lr: number,
): Promise<NonFiniteReport | undefined> {
  await replay();
  for (const op of runner.program.ops) {
    const value = runner.program.values[op.out]!;
    if (value.dtype !== 'f32') continue;
    const bad = firstNonFinite(await runner.readValue(op.out));
    if (bad === undefined) continue;
    const pass = op.out < firstBackwardValue ? 'forward' : 'backward';
    return { node: op.node, op: op.op, pass, value: Number.isNaN(bad) ? 'NaN' : bad > 0 ? 'Infinity' : '-Infinity', cause: likelyCause(op.op, pass, lr) };
  }
  return undefined;
}
