/** Prints a program as text: one line per op, diffable and shown to users in the code panel. */
import type { Program } from './program.ts';
import { formatShape } from './shape.ts';

function formatAttr(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatAttr).join(',')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${formatAttr(v)}`).join(' ')}}`;
  return String(value);
}

export function printProgram(program: Program): string {
  const lines: string[] = [];
  for (const op of program.ops) {
    const value = program.values[op.out]!;
    const args = op.inputs.map((id) => `%${id}`).join(', ');
    const attrs = Object.entries(op.attrs)
      .filter(([key]) => key !== 'data')
      .map(([key, v]) => `${key}=${formatAttr(v)}`)
      .join(' ');
    const origin = op.node === undefined ? '' : `  @${JSON.stringify(op.node)}`;
    lines.push(`%${op.out}: ${value.dtype}${formatShape(value.shape)} = ${op.op}(${args})${attrs ? ` {${attrs}}` : ''}${origin}`);
  }
  for (const u of program.stateUpdates) lines.push(`%${u.buffer} <- %${u.value}`);
  for (const [name, id] of Object.entries(program.outputs)) lines.push(`output ${JSON.stringify(name)} = %${id}`);
  return lines.join('\n') + '\n';
}
