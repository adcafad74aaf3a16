/**
 * The analysis the editor shows while the user edits: per port the tensor shape, per node weights, FLOPs,
 * activation memory and receptive field, graph totals, and every diagnostic.
 *
 * Each node is lowered on its own into a small IR fragment whose inputs are placeholders carrying the upstream
 * shapes, so shapes come from the primitives' shape rules (abstract evaluation) and a node's result can be cached:
 * after an edit, only nodes whose kind, params or input types changed are lowered again.
 */
import { Builder } from '../ir/builder.ts';
import { COST_RULES } from '../ir/cost.ts';
import type { DType } from '../ir/ops.ts';
import type { Program, Value } from '../ir/program.ts';
import { numElements, sameShape, type Shape } from '../ir/shape.ts';
import type { GraphDocument, ParamValue } from '../graph/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { lowerNode } from './lower-node.ts';
import type { Catalog, Producer } from './node-kind.ts';
import { initialField, propagateField, type ReceptiveField } from './receptive-field.ts';
import { prepareGraph, structuralDiagnostics, type Prepared, type PreparedNode } from './structure.ts';

export interface PortInfo {
  readonly shape: Shape;
  readonly dtype: DType;
}

export interface WeightInfo {
  /** State-dict style name, `conv1.weight`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
}

export interface NodeAnalysis {
  readonly id: string;
  readonly kind: string;
  /** `blocked`: not analysed because something upstream failed (the upstream node carries the diagnostic). */
  readonly status: 'ok' | 'error' | 'blocked';
  readonly inputs: Readonly<Record<string, PortInfo>>;
  readonly outputs: Readonly<Record<string, PortInfo>>;
  readonly weights: readonly WeightInfo[];
  /** Trainable parameter count. */
  readonly params: number;
  readonly flops: number;
  /** Bytes of the node's outputs (4 per element). */
  readonly memory: number;
  /** Per spatial axis, in input pixels, for spatial outputs of a conv/pool chain. */
  readonly receptiveField?: readonly number[];
  /** The node's IR fragment (inputs as placeholders), for the code panel's IR tab. */
  readonly fragment?: Program;
}

export interface Analysis {
  readonly nodes: ReadonlyMap<string, NodeAnalysis>;
  readonly edges: ReadonlyMap<string, PortInfo>;
  readonly diagnostics: readonly Diagnostic[];
  readonly totals: { readonly params: number; readonly flops: number; readonly memory: number };
  readonly order: readonly string[];
  readonly hasErrors: boolean;
}

export interface AnalyzeOptions {
  /** Sizes for symbolic dims in FLOP and memory figures; unbound symbols count as 1 (per-sample figures). */
  readonly bindings?: Readonly<Record<string, number>>;
  /** Reuse across calls to re-analyse only what an edit changed. */
  readonly cache?: AnalysisCache;
}

/** What flows out of one output port: its type and receptive field. Interned, so identity means "unchanged". */
interface PortValue {
  readonly info: PortInfo;
  readonly field: ReceptiveField | undefined;
}

interface CachedNode {
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The port values and producers the result was computed from, compared by identity. */
  readonly inputs: readonly (PortValue | undefined)[];
  readonly producers: readonly string[];
  readonly result: NodeAnalysis;
  readonly diagnostics: readonly Diagnostic[];
  readonly ports: Readonly<Record<string, PortValue>>;
}

/** Carries the previous analysis's per-node results and structure to the next call. */
export class AnalysisCache {
  readonly entries = new Map<string, CachedNode>();
  prepared: Prepared | undefined = undefined;
  bindingsKey = '';
}

const BYTES_PER_ELEMENT = 4;
const NO_PORTS: Readonly<Record<string, PortValue>> = {};

export function analyze(doc: GraphDocument, catalog: Catalog, options: AnalyzeOptions = {}): Analysis {
  const bindings = options.bindings ?? {};
  const cache = options.cache ?? new AnalysisCache();
  const bindingsKey = JSON.stringify(bindings);
  if (cache.bindingsKey !== bindingsKey) {
    cache.entries.clear();
    cache.bindingsKey = bindingsKey;
  }
  const prepared = prepareGraph(doc, catalog, cache.prepared);
  cache.prepared = prepared;
  const diagnostics = structuralDiagnostics(prepared);
  // Indexed by document position: the hot loop does array reads, not map lookups.
  const ports: (Readonly<Record<string, PortValue>> | undefined)[] = new Array(prepared.list.length);
  const byIndex: (NodeAnalysis | undefined)[] = new Array(prepared.list.length);
  for (const index of prepared.orderIndex) {
    const entry = analyseNode(prepared.list[index]!, prepared, ports, cache, bindings);
    byIndex[index] = entry.result;
    ports[index] = entry.ports;
    for (const d of entry.diagnostics) diagnostics.push(d);
  }
  const results = new Map<string, NodeAnalysis>();
  for (const p of prepared.list) results.set(p.node.id, byIndex[p.index] ?? emptyResult(p, 'blocked'));
  if (cache.entries.size > prepared.nodes.size) {
    for (const id of cache.entries.keys()) if (!prepared.nodes.has(id)) cache.entries.delete(id);
  }

  for (const d of checkReachability(prepared)) diagnostics.push(d);
  for (const d of checkOptimizers(doc, prepared, results)) diagnostics.push(d);

  const edges = new Map<string, PortInfo>();
  for (const edge of doc.edges) {
    const from = prepared.nodes.get(edge.from.node);
    const up = from && ports[from.index]?.[edge.from.port];
    if (up) edges.set(edge.id, up.info);
  }
  let params = 0, flops = 0, memory = 0, hasErrors = false;
  for (const r of results.values()) {
    params += r.params;
    flops += r.flops;
    memory += r.memory;
  }
  for (const d of diagnostics) if (d.severity === 'error') hasErrors = true;
  return { nodes: results, edges, diagnostics, order: prepared.order, totals: { params, flops, memory }, hasErrors };
}

function emptyResult(p: PreparedNode, status: NodeAnalysis['status'], inputs: Record<string, PortInfo> = {}): NodeAnalysis {
  return { id: p.node.id, kind: p.node.kind, status, inputs, outputs: {}, weights: [], params: 0, flops: 0, memory: 0 };
}

const sameField = (a: ReceptiveField | undefined, b: ReceptiveField | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.size.join() === b.size.join() && a.jump.join() === b.jump.join());

/** Keep the previous PortValue object when nothing about it changed, so downstream cache checks stay cheap. */
function intern(next: PortValue, previous: PortValue | undefined): PortValue {
  if (previous && previous.info.dtype === next.info.dtype && sameShape(previous.info.shape, next.info.shape) && sameField(previous.field, next.field)) {
    return previous;
  }
  return next;
}

function analyseNode(
  p: PreparedNode, prepared: Prepared, ports: readonly (Readonly<Record<string, PortValue>> | undefined)[], cache: AnalysisCache,
  bindings: Readonly<Record<string, number>>,
): CachedNode {
  const kind = p.kind;
  const cached = cache.entries.get(p.node.id);
  const inputs: (PortValue | undefined)[] = [];
  const producerKeys: string[] = [];
  let missing: Diagnostic[] | undefined;
  let blocked = false;
  for (let i = 0; i < p.inputs.length; i++) {
    const source = p.sources[i];
    if (!source) {
      inputs.push(undefined);
      producerKeys.push('');
      if (!p.inputs[i]!.optional) (missing ??= []).push(missingInput(p, p.inputs[i]!.name));
      continue;
    }
    const up = ports[source.index]?.[source.port];
    if (!up) blocked = true;
    inputs.push(up);
    producerKeys.push(prepared.list[source.index]!.node.kind);
  }
  if (!kind) return uncached(emptyResult(p, 'error'), []);
  if (missing) return uncached(emptyResult(p, 'error', inputInfos(p, inputs)), missing);
  if (blocked) return uncached(emptyResult(p, 'blocked', inputInfos(p, inputs)), []);
  if (cached && cached.params === p.node.params && cached.result.kind === p.node.kind && sameInputs(cached, inputs, producerKeys)) {
    return cached;
  }
  const entry = lowerForAnalysis(p, prepared, inputs, bindings, cached);
  const stored: CachedNode = { ...entry, params: p.node.params, inputs, producers: producerKeys };
  cache.entries.set(p.node.id, stored);
  return stored;
}

function sameInputs(cached: CachedNode, inputs: readonly (PortValue | undefined)[], producers: readonly string[]): boolean {
  if (cached.inputs.length !== inputs.length) return false;
  for (let i = 0; i < inputs.length; i++) {
    if (cached.inputs[i] !== inputs[i] || cached.producers[i] !== producers[i]) return false;
  }
  return true;
}

function uncached(result: NodeAnalysis, diagnostics: readonly Diagnostic[]): CachedNode {
  return { params: {}, inputs: [], producers: [], result, diagnostics, ports: NO_PORTS };
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

/** Lowers one node on placeholders for its inputs and reads shapes, weights, FLOPs and fields off the fragment. */
function lowerForAnalysis(
  p: PreparedNode, prepared: Prepared, inputs: readonly (PortValue | undefined)[], bindings: Readonly<Record<string, number>>,
  previous: CachedNode | undefined,
): Pick<CachedNode, 'result' | 'diagnostics' | 'ports'> {
  const kind = p.kind!;
  const b = new Builder();
  const values = new Map<string, Value>();
  const producers = new Map<string, Producer>();
  const fields = new Map<number, ReceptiveField | undefined>();
  p.inputs.forEach((spec, i) => {
    const up = inputs[i];
    if (!up) return;
    const v = b.op('input', [], { name: spec.name, shape: up.info.shape, dtype: up.info.dtype });
    values.set(spec.name, v);
    fields.set(v.id, up.field);
    const edge = p.incoming.get(spec.name)!;
    const from = prepared.nodes.get(edge.from.node)!;
    const fromInput = from.incoming.values().next().value;
    producers.set(spec.name, {
      node: from.node.id, kind: from.node.kind, port: edge.from.port,
      ...(fromInput ? { input: { node: fromInput.from.node, port: fromInput.from.port } } : {}),
    });
  });
  const inputsInfo = inputInfos(p, inputs);
  const firstOwnOp = b.ops.length;
  const lowered = lowerNode(b, { kind, node: p.node, params: p.params, inputs: values, producers, mode: 'train' });
  if (!lowered.ok) return { result: emptyResult(p, 'error', inputsInfo), diagnostics: lowered.diagnostics, ports: NO_PORTS };

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
    fields.set(out.id, op.op === 'input' ? initialField(out.shape.length - 2) : propagateField(op, op.inputs.map((id) => fields.get(id)), shapes));
  }
  const outputs: Record<string, PortInfo> = {};
  const ports: Record<string, PortValue> = {};
  let memory = 0;
  for (const [port, v] of Object.entries(lowered.outputs)) {
    const value = intern({ info: { shape: v.shape, dtype: v.dtype }, field: fields.get(v.id) }, previous?.ports[port]);
    ports[port] = value;
    outputs[port] = value.info;
    memory += numElements(v.shape, bindings) * BYTES_PER_ELEMENT;
  }
  const firstField = Object.values(ports)[0]?.field;
  return {
    result: {
      id: p.node.id, kind: p.node.kind, status: 'ok', inputs: inputsInfo, outputs, weights, params, flops, memory,
      ...(firstField && firstField.size.some((x) => x > 1) ? { receptiveField: firstField.size } : {}),
      fragment: b.program(),
    },
    diagnostics: lowered.diagnostics,
    ports,
  };
}

/** Nodes whose outputs reach a node with no outputs (a loss, an optimizer, an Output) contribute; others are flagged. */
function checkReachability(prepared: Prepared): readonly Diagnostic[] {
  const memo = prepared.memo.get('reachability') as readonly Diagnostic[] | undefined;
  if (memo) return memo;
  const found = findUnreachable(prepared);
  prepared.memo.set('reachability', found);
  return found;
}

function findUnreachable(prepared: Prepared): Diagnostic[] {
  const sinks = [...prepared.nodes.values()].filter((p) => p.kind && p.outputs.length === 0);
  if (sinks.length === 0) return [];
  const reached = new Set<string>(sinks.map((p) => p.node.id));
  const queue = [...reached];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of prepared.nodes.get(queue[i]!)!.incoming.values()) {
      if (!reached.has(edge.from.node)) {
        reached.add(edge.from.node);
        queue.push(edge.from.node);
      }
    }
  }
  const out: Diagnostic[] = [];
  for (const p of prepared.nodes.values()) {
    if (!p.kind || reached.has(p.node.id)) continue;
    out.push({
      severity: 'warning', code: 'unreachable', node: p.node.id,
      message: `${p.kind.label} ${p.node.id} does not feed any loss or output, so training ignores it`,
    });
  }
  return out;
}

function ancestors(prepared: Prepared, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const edge of prepared.nodes.get(stack.pop()!)!.incoming.values()) {
      if (!seen.has(edge.from.node)) {
        seen.add(edge.from.node);
        stack.push(edge.from.node);
      }
    }
  }
  return seen;
}

/** Each optimizer must reach at least one trainable weight through its loss, among the parameters it selects. */
function checkOptimizers(doc: GraphDocument, prepared: Prepared, results: ReadonlyMap<string, NodeAnalysis>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const groups = new Map((doc.groups ?? []).map((g) => [g.id, g.nodes]));
  for (const p of prepared.nodes.values()) {
    const spec = p.kind?.optimizer;
    if (!spec || !p.incoming.has('loss') || results.get(p.node.id)?.status !== 'ok') continue;
    const selection = spec.parameterSelection(p.params);
    const selected = new Set<string>();
    let all = false;
    for (const name of selection) {
      if (name === 'all') all = true;
      else if (groups.has(name)) for (const n of groups.get(name)!) selected.add(n);
      else if (prepared.nodes.has(name)) selected.add(name);
      else {
        out.push({ severity: 'error', code: 'bad-param', node: p.node.id, param: 'parameters',
          message: `${p.kind!.label} ${p.node.id}: parameters names ${JSON.stringify(name)}, which is neither a group nor a node`,
          fix: { label: 'Update all parameters', edits: [{ type: 'setParam', node: p.node.id, param: 'parameters', value: ['all'] }] } });
      }
    }
    const key = `ancestors:${p.node.id}`;
    const upstream = (prepared.memo.get(key) as Set<string> | undefined) ?? ancestors(prepared, p.node.id);
    prepared.memo.set(key, upstream);
    let count = 0;
    for (const id of upstream) if (all || selected.has(id)) count += results.get(id)?.params ?? 0;
    if (count === 0) {
      const loss = p.incoming.get('loss')!.from.node;
      out.push({ severity: 'error', code: 'optimizer-no-params', node: p.node.id,
        message: `${p.kind!.label} ${p.node.id}: the loss ${loss} depends on no trainable weight among ${all ? 'all parameters' : selection.join(', ')}, so this optimizer has nothing to update` });
    }
  }
  return out;
}
