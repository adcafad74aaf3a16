/**
 * The receptive-field propagation through one lowered fragment, compiled once: only the steps that can carry a
 * field from the fragment's inputs (or a data source inside it) to its outputs. Nodes that share a fragment (see
 * fragment-memo.ts) replay it with their own input fields, which differ along a chain of identical blocks.
 */
import type { Op, Value } from '../ir/program.ts';
import { fieldRule, initialField, widest, windowed, type ReceptiveField } from './receptive-field.ts';

/** A fragment input: the placeholder value that stands for the node's input at position `input`. */
export interface InputSlot {
  readonly value: number;
  readonly input: number;
}

type Step =
  | { readonly type: 'source'; readonly out: number; readonly field: ReceptiveField }
  | { readonly type: 'window'; readonly out: number; readonly from: number; readonly kernel: readonly number[]; readonly stride: readonly number[]; readonly dilation: readonly number[] }
  | { readonly type: 'widest'; readonly out: number; readonly from: readonly number[] };

export class FieldProgram {
  /**
   * Fields by value id while running. Only ever read at ids this run has written (inputs and step results, which
   * are the only values that can carry a field), so it needs no clearing between runs.
   */
  private readonly fields: (ReceptiveField | undefined)[] = [];

  private constructor(
    private readonly inputs: readonly InputSlot[],
    private readonly steps: readonly Step[],
    /** Per output, the value id holding its field, or -1 when nothing can carry one there. */
    private readonly outputs: readonly number[],
  ) {}

  /** Compiles the ops from `first` on (the fragment's own ops) of a builder holding the input placeholders before them. */
  static compile(ops: readonly Op[], first: number, values: readonly Value[], inputs: readonly InputSlot[], outputs: readonly number[]): FieldProgram {
    const carries = new Uint8Array(values.length);
    for (const slot of inputs) carries[slot.value] = 1;
    const steps: Step[] = [];
    for (let i = first; i < ops.length; i++) {
      const op = ops[i]!;
      const out = op.out;
      if (op.op === 'input') {
        const field = initialField(values[out]!.shape.length - 2);
        if (field) steps.push({ type: 'source', out, field });
        carries[out] = field ? 1 : 0;
        continue;
      }
      const rule = fieldRule(op, values);
      if (rule.type === 'window') {
        if (carries[op.inputs[0]!] === 0) continue;
        steps.push({ type: 'window', out, from: op.inputs[0]!, kernel: rule.kernel, stride: rule.stride, dilation: rule.dilation });
      } else if (rule.type === 'widest') {
        const from = op.inputs.filter((id) => carries[id] === 1);
        if (from.length === 0) continue;
        steps.push({ type: 'widest', out, from });
      } else continue;
      carries[out] = 1;
    }
    return new FieldProgram(inputs, steps, outputs.map((id) => (carries[id] === 1 ? id : -1)));
  }

  /** Propagates the fields of the node's inputs (aligned with its input ports; every slot's input is connected). */
  run(inputs: readonly ({ readonly field: ReceptiveField | undefined } | undefined)[]): void {
    const fields = this.fields;
    for (const slot of this.inputs) fields[slot.value] = inputs[slot.input]!.field;
    for (const step of this.steps) {
      switch (step.type) {
        case 'source':
          fields[step.out] = step.field;
          break;
        case 'window': {
          const x = fields[step.from];
          fields[step.out] = x && windowed(x, step.kernel, step.stride, step.dilation);
          break;
        }
        case 'widest':
          fields[step.out] = widest(fields, step.from);
      }
    }
  }

  /** The field of output `index` after the last run. */
  output(index: number): ReceptiveField | undefined {
    const id = this.outputs[index]!;
    return id < 0 ? undefined : this.fields[id];
  }
}
