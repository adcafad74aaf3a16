/**
 * Where every value of a program lives during one run. Params and buffers live in their persistent state buffers;
 * a reshape shares its operand's memory (row-major data does not move); every other value gets a slot, and a slot is
 * handed to a later value once the last op reading the previous one has run. Values read after the step (program
 * outputs, state-update sources, everything with keepAll) keep their slots to the end.
 *
 * Slot choice is greedy in op order: the smallest free slot of the dtype that is large enough, else the largest
 * free one (grown), else a new slot. An op's output is placed before its operands' slots are freed, so an output
 * never shares memory with an input.
 */
import type { DType, OpAttrs } from '../ir/ops.ts';
import type { Program } from '../ir/program.ts';

export type Home = { readonly kind: 'state'; readonly name: string } | { readonly kind: 'slot'; readonly slot: number };

export interface Slot {
  readonly dtype: DType;
  readonly elements: number;
}

export interface MemoryPlan {
  /** Where each value (by id) lives while the step runs. */
  readonly homes: readonly Home[];
  readonly slots: readonly Slot[];
  /** Values sharing their operand's memory (reshapes): nothing is dispatched for them. */
  readonly aliases: ReadonlySet<number>;
  /** Values that can be read after the step. */
  readonly kept: ReadonlySet<number>;
  /**
   * Kept values whose home is a state buffer that the step's updates overwrite, by value id: copied into their own
   * slot before the updates, so they still read as the value the step computed with.
   */
  readonly snapshots: ReadonlyMap<number, number>;
}

/** The state buffer name a param or buffer op defines. */
const stateName = (attrs: unknown): string => (attrs as OpAttrs['param']).name;

export function planMemory(program: Program, elements: readonly number[], keepAll: boolean): MemoryPlan {
  const { ops, values } = program;
  const kept = new Set<number>(keepAll ? values.map((v) => v.id) : [...Object.values(program.outputs), ...program.stateUpdates.map((u) => u.value)]);
  // The value whose memory each value uses: itself, or for a reshape the root of its operand.
  const root = values.map((v) => v.id);
  const aliases = new Set<number>();
  const stateHomes = new Map<number, string>();
  for (const op of ops) {
    if (op.op === 'reshape') {
      root[op.out] = root[op.inputs[0]!]!;
      aliases.add(op.out);
    } else if (op.op === 'param' || op.op === 'buffer') {
      stateHomes.set(op.out, stateName(op.attrs));
    }
  }
  const updatedState = new Set(program.stateUpdates.map((u) => stateHomes.get(u.buffer)));

  // Last op index reading each root's memory; kept roots live past the last op.
  const lastUse = new Map<number, number>();
  ops.forEach((op, i) => {
    lastUse.set(root[op.out]!, Math.max(lastUse.get(root[op.out]!) ?? i, i));
    for (const input of op.inputs) lastUse.set(root[input]!, i);
  });
  for (const v of kept) lastUse.set(root[v]!, Infinity);
  const freedAt = new Map<number, number[]>();
  for (const [r, i] of lastUse) {
    if (!Number.isFinite(i)) continue;
    const list = freedAt.get(i);
    if (list) list.push(r);
    else freedAt.set(i, [r]);
  }

  const slots: { dtype: DType; elements: number }[] = [];
  const free = new Set<number>();
  const slotOf = new Map<number, number>();
  const take = (dtype: DType, need: number): number => {
    let best = -1, largest = -1;
    for (const s of free) {
      const slot = slots[s]!;
      if (slot.dtype !== dtype) continue;
      if (slot.elements >= need && (best < 0 || slot.elements < slots[best]!.elements)) best = s;
      if (largest < 0 || slot.elements > slots[largest]!.elements) largest = s;
    }
    const chosen = best >= 0 ? best : largest;
    if (chosen < 0) return slots.push({ dtype, elements: need }) - 1;
    free.delete(chosen);
    slots[chosen]!.elements = Math.max(slots[chosen]!.elements, need);
    return chosen;
  };

  ops.forEach((op, i) => {
    if (!aliases.has(op.out) && !stateHomes.has(op.out)) slotOf.set(op.out, take(values[op.out]!.dtype, elements[op.out]!));
    for (const r of freedAt.get(i) ?? []) {
      const s = slotOf.get(r);
      if (s !== undefined) free.add(s);
    }
  });

  const homes: Home[] = values.map((v) => {
    const r = root[v.id]!;
    const name = stateHomes.get(r);
    return name !== undefined ? { kind: 'state', name } : { kind: 'slot', slot: slotOf.get(r)! };
  });
  const snapshots = new Map<number, number>();
  for (const v of kept) {
    const home = homes[v]!;
    if (home.kind === 'state' && updatedState.has(home.name)) snapshots.set(v, slots.push({ dtype: values[v]!.dtype, elements: elements[v]! }) - 1);
  }
  return { homes, slots, aliases, kept, snapshots };
}
