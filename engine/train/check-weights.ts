/** Compares loaded weights with what a program expects: every name present, none unknown, every shape equal. */
import type { HostTensor } from '../backends/backend.ts';
import type { Program } from '../ir/program.ts';
import { formatShape } from '../ir/shape.ts';

/** The model's weights and buffers by name, over one or more programs; optimizer state (`optim.…`) is not model. */
export function modelTensors(programs: readonly Program[]): Map<string, readonly number[]> {
  const expected = new Map<string, readonly number[]>();
  for (const program of programs) {
    for (const op of program.ops) {
      if (op.op !== 'param' && op.op !== 'buffer') continue;
      const a = op.attrs as { name: string; shape: readonly number[] };
      if (!a.name.startsWith('optim.')) expected.set(a.name, a.shape);
    }
  }
  return expected;
}

/** One line per problem, empty when the weights fit the programs' model tensors exactly. */
export function checkWeights(programs: readonly Program[], weights: ReadonlyMap<string, HostTensor>): string[] {
  const expected = modelTensors(programs);
  const problems: string[] = [];
  for (const [name, shape] of expected) {
    const got = weights.get(name);
    if (!got) problems.push(`${name}: missing (expected ${formatShape(shape)})`);
    else if (got.shape.join() !== shape.join()) problems.push(`${name}: shape ${formatShape(got.shape)} but the graph needs ${formatShape(shape)}`);
  }
  for (const name of weights.keys()) if (!expected.has(name)) problems.push(`${name}: not a weight of this graph`);
  return problems;
}
