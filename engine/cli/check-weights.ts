/** Compares loaded weights with what a program expects: every name present, none unknown, every shape equal. */
import type { HostTensor } from '../backends/backend.ts';
import type { Program } from '../ir/program.ts';
import { formatShape } from '../ir/shape.ts';

/** One line per problem, empty when the weights fit. */
export function checkWeights(program: Program, weights: ReadonlyMap<string, HostTensor>): string[] {
  const expected = new Map<string, readonly number[]>();
  for (const op of program.ops) {
    if (op.op === 'param' || op.op === 'buffer') {
      const a = op.attrs as { name: string; shape: readonly number[] };
      expected.set(a.name, a.shape);
    }
  }
  const problems: string[] = [];
  for (const [name, shape] of expected) {
    const got = weights.get(name);
    if (!got) problems.push(`${name}: missing (expected ${formatShape(shape)})`);
    else if (got.shape.join() !== shape.join()) problems.push(`${name}: shape ${formatShape(got.shape)} but the graph needs ${formatShape(shape)}`);
  }
  for (const name of weights.keys()) if (!expected.has(name)) problems.push(`${name}: not a weight of this graph`);
  return problems;
}
