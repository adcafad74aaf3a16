/**
 * Dead-code elimination: keeps only the ops that the named outputs and the state updates depend on, renumbering
 * values densely (value id = position, as the builder makes them). A training step program asks only for its loss
 * and gradient norm, so the lowering's per-port outputs of every node need not stay alive for the memory planner.
 */
import type { Op, Program, StateUpdate, Value } from './program.ts';

export interface Pruned {
  readonly program: Program;
  /** The new id of a kept value, undefined for a removed one. */
  readonly newId: (old: number) => number | undefined;
}

/** `alsoKeep`: further values to keep without naming them as outputs (e.g. inputs that bind a batch size). */
export function prune(program: Program, outputs: Readonly<Record<string, number>>, alsoKeep: readonly number[] = []): Pruned {
  const producer = new Map<number, Op>();
  for (const op of program.ops) producer.set(op.out, op);
  const live = new Set<number>();
  const stack: number[] = [...Object.values(outputs), ...alsoKeep];
  for (const u of program.stateUpdates) stack.push(u.buffer, u.value);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (live.has(id)) continue;
    live.add(id);
    for (const input of producer.get(id)?.inputs ?? []) stack.push(input);
  }
  const renumber = new Map<number, number>();
  const values: Value[] = [];
  for (const v of program.values) {
    if (!live.has(v.id)) continue;
    renumber.set(v.id, values.length);
    values.push({ ...v, id: values.length });
  }
  const id = (old: number): number => renumber.get(old)!;
  const ops: Op[] = program.ops.filter((op) => live.has(op.out)).map((op) => ({ ...op, inputs: op.inputs.map(id), out: id(op.out) }));
  const stateUpdates: StateUpdate[] = program.stateUpdates.map((u) => ({ buffer: id(u.buffer), value: id(u.value) }));
  const named: Record<string, number> = {};
  for (const [name, v] of Object.entries(outputs)) named[name] = id(v);
  return { program: { values, ops, stateUpdates, outputs: named }, newId: (old) => renumber.get(old) };
}
