/**
 * Analysis of one node: lowered on its own into a small IR fragment whose inputs are placeholders carrying the
 * upstream types, so shapes come from the primitives' shape rules (abstract evaluation). Results are cached per node
 * and reused while the node's params and its inputs (compared by identity) are unchanged.
 */
import { Builder } from '../ir/builder.ts';
import { COST_RULES } from '../ir/cost.ts';
import type { Value } from '../ir/program.ts';
import { numElements, sameShape } from '../ir/shape.ts';
import type { ParamValue } from '../graph/types.ts';
import type { NodeAnalysis, PortInfo, WeightInfo } from './analysis-types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { lowerNode } from './lower-node.ts';
import type { Producer } from './node-kind.ts';
import { initialField, propagateField, type ReceptiveField } from './receptive-field.ts';
import type { Prepared, PreparedNode } from './structure.ts';

/** What flows out of one output port: its type and receptive field. Interned, so identity means "unchanged". */
export interface PortValue {
  readonly info: PortInfo;
  readonly field: ReceptiveField | undefined;
}

export type PortValues = Readonly<Record<string, PortValue>>;

export interface NodeEntry {
  readonly params: Readonly<Record<string, ParamValue>> | undefined;
  /** The port values and producer kinds the result was computed from, compared by identity. */
  readonly inputs: readonly (PortValue | undefined)[];
  readonly producers: readonly string[];
  readonly result: NodeAnalysis;
  readonly diagnostics: readonly Diagnostic[];
  readonly ports: PortValues;
}

const BYTES_PER_ELEMENT = 4;
const sharedBuilder = new Builder();
export const NO_PORTS: PortValues = Object.freeze({});

export function emptyResult(p: PreparedNode, status: NodeAnalysis['status'], inputs: Record<string, PortInfo> = {}): NodeAnalysis {
  return { id: p.node.id, kind: p.node.kind, status, inputs, outputs: {}, weights: [], params: 0, flops: 0, memory: 0 };
}

/** The node's entry: the cached one when nothing it depends on changed, otherwise freshly lowered. */
export function analyseNode(
  p: PreparedNode, prepared: Prepared, ports: readonly (PortValues | undefined)[], cached: NodeEntry | undefined,
  bindings: Readonly<Record<string, number>>,
): NodeEntry {
  const inputs: (PortValue | undefined)[] = [];
  const producers: string[] = [];
  let missing: Diagnostic[] | undefined;
  let blocked = false;
  for (let i = 0; i < p.inputs.length; i++) {
    const source = p.sources[i];
    if (!source) {
      inputs.push(undefined);
      producers.push('');
      if (!p.inputs[i]!.optional) (missing ??= []).push(missingInput(p, p.inputs[i]!.name));
      continue;
    }
    const up = ports[source.index]?.[source.port];
    if (!up) blocked = true;
    inputs.push(up);
    producers.push(prepared.list[source.index]!.node.kind);
  }
  if (!p.kind) return unlowered(emptyResult(p, 'error'), [], cached);
  if (missing) return unlowered(emptyResult(p, 'error', inputInfos(p, inputs)), missing, cached);
  if (blocked) return unlowered(emptyResult(p, 'blocked', inputInfos(p, inputs)), [], cached);
  if (cached && cached.params === p.node.params && cached.result.kind === p.node.kind && sameInputs(cached, inputs, producers)) return cached;
  return lowerForAnalysis(p, prepared, inputs, producers, bindings, cached);
}

/** An entry for a node that could not be lowered; reuses the previous one when it says the same. */
function unlowered(result: NodeAnalysis, diagnostics: readonly Diagnostic[], cached: NodeEntry | undefined): NodeEntry {
  if (cached && cached.params === undefined && cached.result.status === result.status && diagnostics.length === 0 && cached.diagnostics.length === 0
    && sameShapes(cached.result.inputs, result.inputs)) return cached;
  return { params: undefined, inputs: [], producers: [], result, diagnostics, ports: NO_PORTS };
}

function sameShapes(a: Readonly<Record<string, PortInfo>>, b: Readonly<Record<string, PortInfo>>): boolean {
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => b[k] !== undefined && sameShape(a[k]!.shape, b[k]!.shape) && a[k]!.dtype === b[k]!.dtype);
}

function sameInputs(cached: NodeEntry, inputs: readonly (PortValue | undefined)[], producers: readonly string[]): boolean {
  if (cached.inputs.length !== inputs.length) return false;
  for (let i = 0; i < inputs.length; i++) {
    if (cached.inputs[i] !== inputs[i] || cached.producers[i] !== producers[i]) return false;
  }
  return true;
}

function missingInput(p: PreparedNode, port: string): Diagnostic {
  const label = p.kind?.label ?? p.node.kind;
  const isLoss = p.kind?.optimizer !== undefined && port === 'loss';
  return {
    severity: 'error', code: isLoss ? 'optimizer-no-loss' : 'missing-input', node: p.node.id, port,
    message: isLoss ? `${label} ${p.node.id} minimises nothing: connect a loss to its loss input` : `${label} ${p.node.id}: input ${port} is not connected`,
  };
}

function inputInfos(p: PreparedNode, inputs: readonly (PortValue | undefined)[]): Record<string, PortInfo> {
  const out: Record<string, PortInfo> = {};
  p.inputs.forEach((spec, i) => {
    const v = inputs[i];
    if (v) out[spec.name] = v.info;
  });
  return out;
}

const sameField = (a: ReceptiveField | undefined, b: ReceptiveField | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.size.join() === b.size.join() && a.jump.join() === b.jump.join());

/** Keep the previous PortValue when nothing about it changed, so downstream cache checks stay identity checks. */
function intern(next: PortValue, previous: PortValue | undefined): PortValue {
  if (previous && previous.info.dtype === next.info.dtype && sameShape(previous.info.shape, next.info.shape) && sameField(previous.field, next.field)) {
    return previous;
  }
  return next;
}

function lowerForAnalysis(
  p: PreparedNode, prepared: Prepared, inputs: readonly (PortValue | undefined)[], producerKinds: readonly string[],
  bindings: Readonly<Record<string, number>>, previous: NodeEntry | undefined,
): NodeEntry {
  // Built as plain literals, not spreads: this runs for every node of a freshly opened graph.
  const entry = (result: NodeAnalysis, diagnostics: readonly Diagnostic[], ports: PortValues): NodeEntry =>
    ({ params: p.node.params, inputs, producers: producerKinds, result, diagnostics, ports });
  const kind = p.kind!;
  // One builder serves every node: only shapes and weight names are kept from it, never its arrays.
  const b = sharedBuilder;
  b.reset();
  const values = new Map<string, Value>();
  const producers = new Map<string, Producer>();
  const fields: (ReceptiveField | undefined)[] = [];
  p.inputs.forEach((spec, i) => {
    const up = inputs[i];
    if (!up) return;
    const v = b.op('input', [], { name: spec.name, shape: up.info.shape, dtype: up.info.dtype });
    values.set(spec.name, v);
    fields[v.id] = up.field;
    const from = prepared.list[p.sources[i]!.index]!;
    const fromInput = from.incoming.values().next().value;
    const port = p.sources[i]!.port;
    producers.set(spec.name, fromInput
      ? { node: from.node.id, kind: from.node.kind, port, input: { node: fromInput.from.node, port: fromInput.from.port } }
      : { node: from.node.id, kind: from.node.kind, port });
  });
  const inputsInfo = inputInfos(p, inputs);
  const firstOwnOp = b.ops.length;
  const lowered = lowerNode(b, { kind, node: p.node, params: p.params, inputs: values, producers, mode: 'train' });
  if (!lowered.ok) return entry(emptyResult(p, 'error', inputsInfo), lowered.diagnostics, NO_PORTS);

  const weights: WeightInfo[] = [];
  let params = 0, flops = 0;
  for (let i = firstOwnOp; i < b.ops.length; i++) {
    const op = b.ops[i]!;
    const out = b.values[op.out]!;
    const shapes = op.inputs.map((id) => b.values[id]!.shape);
    if (op.op === 'param' || op.op === 'buffer') {
      const shape = out.shape as number[];
      weights.push({ name: (op.attrs as { name: string }).name, shape, trainable: op.op === 'param' });
      if (op.op === 'param') params += numElements(shape);
    }
    flops += COST_RULES[op.op](shapes, out.shape, op.attrs as never, bindings);
    fields[out.id] = op.op === 'input' ? initialField(out.shape.length - 2) : propagateField(op, op.inputs.map((id) => fields[id]), shapes);
  }
  const outputs: Record<string, PortInfo> = {};
  const ports: Record<string, PortValue> = {};
  let memory = 0;
  let portsUnchanged = previous !== undefined;
  for (const [port, v] of Object.entries(lowered.outputs)) {
    const value = intern({ info: { shape: v.shape, dtype: v.dtype }, field: fields[v.id] }, previous?.ports[port]);
    if (value !== previous?.ports[port]) portsUnchanged = false;
    ports[port] = value;
    outputs[port] = value.info;
    memory += numElements(v.shape, bindings) * BYTES_PER_ELEMENT;
  }
  if (portsUnchanged && Object.keys(previous!.ports).length !== Object.keys(ports).length) portsUnchanged = false;
  const firstField = Object.values(ports)[0]?.field;
  const result: NodeAnalysis = firstField && firstField.size.some((x) => x > 1)
    ? { id: p.node.id, kind: p.node.kind, status: 'ok', inputs: inputsInfo, outputs, weights, params, flops, memory, receptiveField: firstField.size }
    : { id: p.node.id, kind: p.node.kind, status: 'ok', inputs: inputsInfo, outputs, weights, params, flops, memory };
  return entry(result, lowered.diagnostics, portsUnchanged ? previous!.ports : ports);
}
