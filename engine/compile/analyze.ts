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
import { numElements, type Shape } from '../ir/shape.ts';
import type { GraphDocument, ParamValue } from '../graph/types.ts';
import type { Diagnostic } from './diagnostics.ts';
import { lowerNode } from './lower-node.ts';
import type { Catalog, Producer } from './node-kind.ts';
import { initialField, propagateField, type ReceptiveField } from './receptive-field.ts';
import { prepareGraph, type Prepared, type PreparedNode } from './structure.ts';

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

interface CachedNode {
  readonly kind: string;
  readonly rawParams: Readonly<Record<string, ParamValue>>;
  readonly signature: string;
  readonly result: NodeAnalysis;
  readonly diagnostics: readonly Diagnostic[];
  readonly fields: Readonly<Record<string, ReceptiveField | undefined>>;
}

export class AnalysisCache {
  readonly entries = new Map<string, CachedNode>();
  bindingsKey = '';
}

const BYTES_PER_ELEMENT = 4;

interface Upstream {
  readonly info: PortInfo;
  readonly field: ReceptiveField | undefined;
}

function fieldKey(f: ReceptiveField | undefined): string {
  return f ? `${f.size.join('x')}/${f.jump.join('x')}` : '-';
}

export function analyze(doc: GraphDocument, catalog: Catalog, options: AnalyzeOptions = {}): Analysis {
  const bindings = options.bindings ?? {};
  const cache = options.cache ?? new AnalysisCache();
  const bindingsKey = JSON.stringify(bindings);
  if (cache.bindingsKey !== bindingsKey) {
    cache.entries.clear();
    cache.bindingsKey = bindingsKey;
  }
  const prepared = prepareGraph(doc, catalog);
  const diagnostics: Diagnostic[] = [...prepared.diagnostics];
  const results = new Map<string, NodeAnalysis>();
  const portValues = new Map<string, Upstream>(); // `${node}\u0000${port}`
  const seen = new Set<string>();

  for (const id of prepared.order) {
    seen.add(id);
    const p = prepared.nodes.get(id)!;
    const analysed = analyseNode(p, prepared, portValues, cache, bindings);
    results.set(id, analysed.result);
    diagnostics.push(...analysed.diagnostics);
    for (const [port, info] of Object.entries(analysed.result.outputs)) {
      portValues.set(`${id}\u0000${port}`, { info, field: analysed.fields[port] });
    }
  }
  for (const [id, p] of prepared.nodes) {
    if (!seen.has(id)) results.set(id, emptyResult(p, 'blocked'));
  }
  for (const id of cache.entries.keys()) if (!prepared.nodes.has(id)) cache.entries.delete(id);

  diagnostics.push(...checkOptimizers(doc, prepared, results), ...checkReachability(prepared));

  const edges = new Map<string, PortInfo>();
  for (const edge of doc.edges) {
    const up = portValues.get(`${edge.from.node}\u0000${edge.from.port}`);
    if (up) edges.set(edge.id, up.info);
  }
  let params = 0, flops = 0, memory = 0;
  for (const r of results.values()) {
    params += r.params;
    flops += r.flops;
    memory += r.memory;
  }
  return {
    nodes: results, edges, diagnostics, order: prepared.order, totals: { params, flops, memory },
    hasErrors: diagnostics.some((d) => d.severity === 'error'),
  };
}

function emptyResult(p: PreparedNode, status: NodeAnalysis['status'], inputs: Record<string, PortInfo> = {}): NodeAnalysis {
  return { id: p.node.id, kind: p.node.kind, status, inputs, outputs: {}, weights: [], params: 0, flops: 0, memory: 0 };
}

function analyseNode(
  p: PreparedNode, prepared: Prepared, portValues: ReadonlyMap<string, Upstream>, cache: AnalysisCache,
  bindings: Readonly<Record<string, number>>,
): { result: NodeAnalysis; diagnostics: readonly Diagnostic[]; fields: Readonly<Record<string, ReceptiveField | undefined>> } {
  const kind = p.kind;
  if (!kind) return { result: emptyResult(p, 'error'), diagnostics: [], fields: {} };

  const inputs: Record<string, PortInfo> = {};
  const upstream = new Map<string, Upstream>();
  const producers = new Map<string, Producer>();
  const missing: Diagnostic[] = [];
  let blocked = false;
  let signature = p.node.id;
  for (const spec of p.inputs) {
    const edge = p.incoming.get(spec.name);
    if (!edge) {
      if (!spec.optional) {
        const isLoss = kind.optimizer !== undefined && spec.name === 'loss';
        missing.push({
          severity: 'error', code: isLoss ? 'optimizer-no-loss' : 'missing-input', node: p.node.id, port: spec.name,
          message: isLoss
            ? `${kind.label} ${p.node.id} minimises nothing: connect a loss to its loss input`
            : `${kind.label} ${p.node.id}: input ${spec.name} is not connected`,
        });
      }
      signature += '|';
      continue;
    }
    const up = portValues.get(`${edge.from.node}\u0000${edge.from.port}`);
    if (!up) {
      blocked = true;
      continue;
    }
    const from = prepared.nodes.get(edge.from.node)!;
    const fromInput = from.incoming.values().next().value;
    producers.set(spec.name, {
      node: from.node.id, kind: from.node.kind, port: edge.from.port,
      ...(fromInput ? { input: { node: fromInput.from.node, port: fromInput.from.port } } : {}),
    });
    inputs[spec.name] = up.info;
    upstream.set(spec.name, up);
    signature += `|${spec.name}:${up.info.dtype}[${up.info.shape.join(',')}]${fieldKey(up.field)}<${from.node.kind}.${edge.from.port}@${from.node.id}`;
  }
  if (missing.length > 0) return { result: emptyResult(p, 'error', inputs), diagnostics: missing, fields: {} };
  if (blocked) return { result: emptyResult(p, 'blocked', inputs), diagnostics: [], fields: {} };

  const hit = cache.entries.get(p.node.id);
  if (hit && hit.kind === p.node.kind && hit.rawParams === p.node.params && hit.signature === signature) {
    return hit;
  }

  const b = new Builder();
  const values = new Map<string, Value>();
  const fields = new Map<number, ReceptiveField | undefined>();
  for (const [port, up] of upstream) {
    const v = b.op('input', [], { name: port, shape: up.info.shape, dtype: up.info.dtype });
    values.set(port, v);
    fields.set(v.id, up.field);
  }
  const firstOwnOp = b.ops.length;
  const lowered = lowerNode(b, { kind, node: p.node, params: p.params, inputs: values, producers, mode: 'train' });
  let result: NodeAnalysis;
  const outFields: Record<string, ReceptiveField | undefined> = {};
  if (!lowered.ok) {
    result = emptyResult(p, 'error', inputs);
  } else {
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
      } else if (op.op === 'input') {
        fields.set(out.id, initialField(out.shape.length - 2));
      }
      flops += COST_RULES[op.op](shapes, out.shape, op.attrs as never, bindings);
      fields.set(out.id, op.op === 'input' ? fields.get(out.id) : propagateField(op, op.inputs.map((id) => fields.get(id)), shapes));
    }
    const outputs: Record<string, PortInfo> = {};
    let memory = 0;
    for (const [port, v] of Object.entries(lowered.outputs)) {
      outputs[port] = { shape: v.shape, dtype: v.dtype };
      outFields[port] = fields.get(v.id);
      memory += numElements(v.shape, bindings) * BYTES_PER_ELEMENT;
    }
    const firstField = Object.values(outFields)[0];
    result = {
      id: p.node.id, kind: p.node.kind, status: 'ok', inputs, outputs, weights, params, flops, memory,
      ...(firstField && firstField.size.some((s) => s > 1) ? { receptiveField: firstField.size } : {}),
      fragment: b.program(),
    };
  }
  const entry: CachedNode = { kind: p.node.kind, rawParams: p.node.params, signature, result, diagnostics: lowered.diagnostics, fields: outFields };
  cache.entries.set(p.node.id, entry);
  return entry;
}

/** Nodes whose outputs reach a node with no outputs (a loss, an optimizer, an Output) contribute; others are flagged. */
function checkReachability(prepared: Prepared): Diagnostic[] {
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
    const upstream = ancestors(prepared, p.node.id);
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
