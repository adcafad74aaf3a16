/**
 * Analysis of one node: lowered on its own into a small IR fragment whose inputs are placeholders carrying the
 * upstream types, so shapes come from the primitives' shape rules (abstract evaluation). Results are cached per node
 * and reused while the node's params and its inputs (compared by identity) are unchanged; nodes with the same
 * configuration and input types share one lowering (fragment-memo.ts).
 */
import { Builder } from '../ir/builder.ts';
import type { Value } from '../ir/program.ts';
import { sameShape } from '../ir/shape.ts';
import type { ParamValue } from '../graph/types.ts';
import type { NodeAnalysis, PortInfo, WeightInfo } from './analysis-types.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { InputSlot } from './field-program.ts';
import type { FragmentMemo } from './fragment-memo.ts';
import { summariseFragment, type FragmentSummary } from './fragment-summary.ts';
import { lowerNode } from './lower-node.ts';
import type { Producer } from './node-kind.ts';
import { sameField, type ReceptiveField } from './receptive-field.ts';
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

// One builder serves every node: only shapes and weight names are kept from it, never its arrays.
const sharedBuilder = new Builder();
export const NO_PORTS: PortValues = Object.freeze({});
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
const NO_WEIGHTS: readonly WeightInfo[] = Object.freeze([]);

export function emptyResult(p: PreparedNode, status: NodeAnalysis['status'], inputs: Record<string, PortInfo> = {}): NodeAnalysis {
  return { id: p.node.id, kind: p.node.kind, status, inputs, outputs: {}, weights: [], params: 0, flops: 0, memory: 0 };
}

/** The node's entry: the cached one when nothing it depends on changed, otherwise from its (possibly shared) lowering. */
export function analyseNode(
  p: PreparedNode, prepared: Prepared, ports: readonly (PortValues | undefined)[], cached: NodeEntry | undefined, fragments: FragmentMemo,
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
  if (!p.resolved) return unlowered(emptyResult(p, 'error'), [], cached);
  if (missing) return unlowered(emptyResult(p, 'error', inputInfos(p, inputs)), missing, cached);
  if (blocked) return unlowered(emptyResult(p, 'blocked', inputInfos(p, inputs)), [], cached);
  if (cached && cached.params === p.node.params && cached.result.kind === p.node.kind && sameInputs(cached, inputs, producers)) return cached;
  const shared = fragments.find(p.resolved, inputs);
  if (shared) return entryFrom(shared, p, inputs, producers, NO_DIAGNOSTICS, cached);
  return lowerForAnalysis(p, prepared, inputs, producers, fragments, cached);
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
  for (let i = 0; i < p.inputs.length; i++) {
    const v = inputs[i];
    if (v) out[p.inputs[i]!.name] = v.info;
  }
  return out;
}

/** Keep the previous PortValue when nothing about it changed, so downstream cache checks stay identity checks. */
function intern(info: PortInfo, field: ReceptiveField | undefined, previous: PortValue | undefined): PortValue {
  if (previous && (previous.info === info || (previous.info.dtype === info.dtype && sameShape(previous.info.shape, info.shape))) && sameField(previous.field, field)) {
    return previous;
  }
  return { info, field };
}

/** The producers of a node's inputs, built only for a lowering that asks (a loss checking its head, for one). */
class InputProducers {
  constructor(private readonly p: PreparedNode, private readonly prepared: Prepared) {}

  get(port: string): Producer | undefined {
    const { p } = this;
    const at = p.inputs.findIndex((spec) => spec.name === port);
    const source = at < 0 ? undefined : p.sources[at];
    if (!source) return undefined;
    const from = this.prepared.list[source.index]!;
    const fromInput = from.incoming.values().next().value;
    return fromInput
      ? { node: from.node.id, kind: from.node.kind, port: source.port, input: { node: fromInput.from.node, port: fromInput.from.port } }
      : { node: from.node.id, kind: from.node.kind, port: source.port };
  }
}

function lowerForAnalysis(
  p: PreparedNode, prepared: Prepared, inputs: readonly (PortValue | undefined)[], producerKinds: readonly string[],
  fragments: FragmentMemo, previous: NodeEntry | undefined,
): NodeEntry {
  const b = sharedBuilder;
  b.reset();
  const values = new Map<string, Value>();
  const slots: InputSlot[] = [];
  for (let i = 0; i < p.inputs.length; i++) {
    const up = inputs[i];
    if (!up) continue;
    const name = p.inputs[i]!.name;
    const v = b.op('input', [], { name, shape: up.info.shape, dtype: up.info.dtype });
    values.set(name, v);
    slots.push({ value: v.id, input: i });
  }
  const inputsInfo = inputInfos(p, inputs);
  const firstOwnOp = b.ops.length;
  const lowered = lowerNode(b, { kind: p.kind!, node: p.node, params: p.params, inputs: values, producers: new InputProducers(p, prepared), mode: 'train' });
  if (!lowered.ok) {
    return { params: p.node.params, inputs, producers: producerKinds, result: emptyResult(p, 'error', inputsInfo), diagnostics: lowered.diagnostics, ports: NO_PORTS };
  }
  const summary = summariseFragment({ owner: p.node.id, b, firstOwnOp, slots, inputs: inputsInfo, outputs: lowered.outputs }, fragments.bindings, fragments);
  // Diagnostics name the node, so only a silent lowering that did not look at its node can stand for others.
  if (!lowered.nodeSpecific && lowered.diagnostics.length === 0) fragments.store(p.resolved!, inputs, summary);
  return entryFrom(summary, p, inputs, producerKinds, lowered.diagnostics, previous);
}

/** The node's entry from a fragment summary (its own or a shared one): its weights, ports and fields. */
function entryFrom(
  summary: FragmentSummary, p: PreparedNode, inputs: readonly (PortValue | undefined)[], producers: readonly string[],
  diagnostics: readonly Diagnostic[], previous: NodeEntry | undefined,
): NodeEntry {
  const id = p.node.id;
  summary.fields.run(inputs);
  const ports: Record<string, PortValue> = {};
  let portsUnchanged = previous !== undefined;
  for (let i = 0; i < summary.ports.length; i++) {
    const port = summary.ports[i]!;
    const before = previous?.ports[port];
    const value = intern(summary.outputs[port]!, summary.fields.output(i), before);
    if (value !== before) portsUnchanged = false;
    ports[port] = value;
  }
  if (portsUnchanged && Object.keys(previous!.ports).length !== summary.ports.length) portsUnchanged = false;
  const weights = summary.weights.length === 0 ? NO_WEIGHTS
    : summary.owner === id ? summary.weights.map((w) => w.info) : summary.weights.map((w) => renamed(w.info, w.local, id));
  const firstField = summary.ports.length > 0 ? summary.fields.output(0) : undefined;
  const { inputs: inputsInfo, outputs, params, flops, memory } = summary;
  const result: NodeAnalysis = firstField && spansMoreThanOne(firstField.size)
    ? { id, kind: p.node.kind, status: 'ok', inputs: inputsInfo, outputs, weights, params, flops, memory, receptiveField: firstField.size }
    : { id, kind: p.node.kind, status: 'ok', inputs: inputsInfo, outputs, weights, params, flops, memory };
  return { params: p.node.params, inputs, producers, result, diagnostics, ports: portsUnchanged ? previous!.ports : ports };
}

const renamed = (info: WeightInfo, local: string | undefined, id: string): WeightInfo =>
  local === undefined ? info : { name: `${id}.${local}`, shape: info.shape, trainable: info.trainable };

function spansMoreThanOne(size: readonly number[]): boolean {
  for (const x of size) if (x > 1) return true;
  return false;
}
