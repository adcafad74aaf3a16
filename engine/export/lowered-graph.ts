/**
 * What the PyTorch and ONNX exporters read from a graph: the eval-mode IR program (shapes, dtypes, weights), the
 * structural view (order, params, edges), and the results a model computes. Refuses a graph with errors, as
 * `netloom run` does: the message lists them.
 */
import { lowerGraph } from '../compile/lower-graph.ts';
import type { Catalog } from '../compile/node-kind.ts';
import { prepareGraph, type Prepared } from '../compile/structure.ts';
import type { GraphDocument, PortRef } from '../graph/types.ts';
import type { OpAttrs } from '../ir/ops.ts';
import type { Program, Value } from '../ir/program.ts';
import { ExportError } from './export-error.ts';

/** A value the exported model gives back: what `netloom run` reports. */
export interface ModelResult {
  /** The Output node's id, or `node:port` of a loss's prediction when the graph has no Output node. */
  readonly name: string;
  readonly source: PortRef;
}

export interface WeightDeclaration {
  /** The state_dict name, `<node id>.<weight>`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly trainable: boolean;
}

export interface LoweredGraph {
  readonly doc: GraphDocument;
  readonly prepared: Prepared;
  /** The whole graph lowered in eval mode; `outputs` holds every node port as `node:port`. */
  readonly program: Program;
  readonly results: readonly ModelResult[];
  /** Weights and buffers of each node that has any, in declaration order. */
  readonly weights: ReadonlyMap<string, readonly WeightDeclaration[]>;
  /** The IR value on an output port. */
  value(ref: PortRef): Value;
}

export const portKey = (ref: PortRef): string => `${ref.node}:${ref.port}`;

export function lowerForExport(doc: GraphDocument, catalog: Catalog): LoweredGraph {
  const lowered = lowerGraph(doc, catalog, { mode: 'eval' });
  if (!lowered.ok) {
    const errors = lowered.diagnostics.filter((d) => d.severity === 'error');
    throw new ExportError(`the graph has errors (see \`netloom check\`):\n${errors.slice(0, 5).map((d) => `  ${d.node ?? 'graph'}: ${d.message}`).join('\n')}`);
  }
  const { program } = lowered;
  const prepared = prepareGraph(doc, catalog);
  const weights = new Map<string, WeightDeclaration[]>();
  for (const op of program.ops) {
    if ((op.op !== 'param' && op.op !== 'buffer') || op.node === undefined) continue;
    const { name, shape } = op.attrs as OpAttrs['param'];
    const list = weights.get(op.node) ?? [];
    if (!list.some((w) => w.name === name)) list.push({ name, shape, trainable: op.op === 'param' });
    weights.set(op.node, list);
  }
  const value = (ref: PortRef): Value => {
    const id = program.outputs[portKey(ref)];
    if (id === undefined) throw new ExportError(`node ${JSON.stringify(ref.node)} has no output ${JSON.stringify(ref.port)}`);
    return program.values[id]!;
  };
  return { doc, prepared, program, results: modelResults(prepared), weights, value };
}

/**
 * The inputs of the Output nodes in document order, or failing those each loss's prediction in graph order: the
 * rule (and order) of `netloom run`.
 */
function modelResults(prepared: Prepared): ModelResult[] {
  const outputs: ModelResult[] = [];
  for (const p of prepared.list) {
    const edge = p.kind?.id === 'output' ? p.incoming.get('x') : undefined;
    if (edge) outputs.push({ name: p.node.id, source: edge.from });
  }
  if (outputs.length > 0) return outputs;
  const predictions: ModelResult[] = [];
  for (const id of prepared.order) {
    const p = prepared.nodes.get(id)!;
    const edge = p.kind?.category === 'losses' ? p.incoming.get('input') : undefined;
    if (edge) predictions.push({ name: portKey(edge.from), source: edge.from });
  }
  return predictions;
}
