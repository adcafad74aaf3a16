/**
 * What the analysis keeps from lowering one node on its own: the types of its outputs, its weights, its parameter,
 * FLOP and output-memory counts, and how receptive fields flow through it. Everything else in the fragment (ops,
 * attrs, values) is dropped, so one shared builder serves every node.
 */
import type { Builder } from '../ir/builder.ts';
import { COST_RULES } from '../ir/cost.ts';
import type { Value } from '../ir/program.ts';
import type { DType } from '../ir/ops.ts';
import { numElements, type Shape } from '../ir/shape.ts';
import type { PortInfo, WeightInfo } from './analysis-types.ts';
import { FieldProgram, type InputSlot } from './field-program.ts';

export interface FragmentWeight {
  readonly info: WeightInfo;
  /**
   * The name after `<node id>.` when the weight was named for the node (as LowerContext.weight and .buffer do),
   * so a node sharing the fragment gets its own name; undefined when the name does not depend on the node.
   */
  readonly local: string | undefined;
}

export interface FragmentSummary {
  /** The node the fragment was lowered for (its weight names are that node's). */
  readonly owner: string;
  /** Per connected input port, its type. */
  readonly inputs: Readonly<Record<string, PortInfo>>;
  /** Per output port, its type (interned: equal types are one object, see FragmentMemo.type). */
  readonly outputs: Readonly<Record<string, PortInfo>>;
  /** The output ports in the lowering's order. */
  readonly ports: readonly string[];
  readonly weights: readonly FragmentWeight[];
  readonly params: number;
  readonly flops: number;
  readonly memory: number;
  readonly fields: FieldProgram;
}

const BYTES_PER_ELEMENT = 4;

/** The lowering of a node into `b`: its own ops start at `firstOwnOp`, after the placeholders of `slots`. */
export interface LoweredFragment {
  readonly owner: string;
  readonly b: Builder;
  readonly firstOwnOp: number;
  readonly slots: readonly InputSlot[];
  readonly inputs: Readonly<Record<string, PortInfo>>;
  readonly outputs: Readonly<Record<string, Value>>;
}

/** Gives the one PortInfo object for each distinct type, so types can be compared (and keyed) by identity. */
export interface TypeTable {
  type(shape: Shape, dtype: DType): PortInfo;
}

/** The summary of a fragment; FLOPs and memory count symbolic dims by `bindings` (unbound: 1). */
export function summariseFragment(fragment: LoweredFragment, bindings: Readonly<Record<string, number>>, types: TypeTable): FragmentSummary {
  const { b, owner } = fragment;
  const prefix = `${owner}.`;
  const weights: FragmentWeight[] = [];
  let params = 0, flops = 0;
  const shapes: Shape[] = []; // operand shapes of the op being counted, one array reused for every op
  for (let i = fragment.firstOwnOp; i < b.ops.length; i++) {
    const op = b.ops[i]!;
    const out = b.values[op.out]!;
    if (op.op === 'param' || op.op === 'buffer') {
      const shape = out.shape as number[];
      const name = (op.attrs as { name: string }).name;
      weights.push({ info: { name, shape, trainable: op.op === 'param' }, local: name.startsWith(prefix) ? name.slice(prefix.length) : undefined });
      if (op.op === 'param') params += numElements(shape);
    }
    shapes.length = 0;
    for (const id of op.inputs) shapes.push(b.values[id]!.shape);
    flops += COST_RULES[op.op](shapes, out.shape, op.attrs as never, bindings);
  }
  const outputs: Record<string, PortInfo> = {};
  const ports: string[] = [];
  const ids: number[] = [];
  let memory = 0;
  for (const [port, v] of Object.entries(fragment.outputs)) {
    outputs[port] = types.type(v.shape, v.dtype);
    ports.push(port);
    ids.push(v.id);
    memory += numElements(v.shape, bindings) * BYTES_PER_ELEMENT;
  }
  const fields = FieldProgram.compile(b.ops, fragment.firstOwnOp, b.values, fragment.slots, ids);
  return { owner, inputs: fragment.inputs, outputs, ports, weights, params, flops, memory, fields };
}
