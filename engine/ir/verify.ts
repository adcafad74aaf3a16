/** Checks that a program is well formed: SSA order, arities, and every recorded type equal to its shape rule's. */
import { OP_ARITY } from './ops.ts';
import type { Program } from './program.ts';
import { formatShape, sameShape } from './shape.ts';
import { SHAPE_RULES } from './shape-rules.ts';

/** Returns the problems found; an empty list means the program verifies. */
export function verifyProgram(program: Program): string[] {
  const problems: string[] = [];
  const defined = new Set<number>();
  for (const [index, op] of program.ops.entries()) {
    const where = `op ${index} (${op.op}${op.node ? ` in ${op.node}` : ''})`;
    const arity = OP_ARITY[op.op];
    if (arity >= 0 && op.inputs.length !== arity) problems.push(`${where}: ${op.inputs.length} operands, expected ${arity}`);
    const missing = op.inputs.filter((id) => !defined.has(id));
    if (missing.length > 0) {
      problems.push(`${where}: uses %${missing.join(', %')} before definition`);
      continue;
    }
    const value = program.values[op.out];
    if (!value || value.id !== op.out || defined.has(op.out)) {
      problems.push(`${where}: result %${op.out} is missing or defined twice`);
      continue;
    }
    try {
      const type = SHAPE_RULES[op.op](op.inputs.map((id) => program.values[id]!), op.attrs as never);
      if (!sameShape(type.shape, value.shape) || type.dtype !== value.dtype) {
        problems.push(`${where}: recorded ${value.dtype}${formatShape(value.shape)}, rule gives ${type.dtype}${formatShape(type.shape)}`);
      }
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
    defined.add(op.out);
  }
  for (const { buffer, value } of program.stateUpdates) {
    // Buffers (running statistics, optimizer moments) and params (weights, by the optimizer's update) are state.
    const target = program.ops.find((o) => o.out === buffer)?.op;
    if (target !== 'buffer' && target !== 'param') problems.push(`state update targets %${buffer}, which is neither a buffer nor a param`);
    if (!defined.has(value)) problems.push(`state update reads undefined %${value}`);
  }
  for (const [name, id] of Object.entries(program.outputs)) if (!defined.has(id)) problems.push(`output ${name} is undefined %${id}`);
  return problems;
}
