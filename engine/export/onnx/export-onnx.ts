/**
 * The ONNX export: the graph lowered in eval mode, cut down to what its results need (as `netloom run` does), each
 * IR primitive written as ONNX opset 17 nodes (onnx-ops.ts), the weights as initializers under their state_dict
 * names, and one graph output per result: named after its Output node, or `node:port` for a loss's prediction.
 * Inputs keep netloom's names (an Input node's id, `<dataset>.features`) and symbolic sizes stay symbolic (dim_param
 * N). Pure: bytes out, in Node and in the browser.
 */
import type { HostTensor } from '../../backends/backend.ts';
import { initialState } from '../../backends/init-state.ts';
import type { Catalog } from '../../compile/node-kind.ts';
import type { GraphDocument } from '../../graph/types.ts';
import type { OpAttrs, OpId } from '../../ir/ops.ts';
import type { Op, Program } from '../../ir/program.ts';
import { prune } from '../../ir/prune.ts';
import { isSymbol } from '../../ir/shape.ts';
import { checkWeights } from '../../train/check-weights.ts';
import { resolveTrainingSettings } from '../../train/settings.ts';
import { ExportError } from '../export-error.ts';
import { lowerForExport, portKey } from '../lowered-graph.ts';
import { OnnxGraph, valueInfo } from './onnx-graph.ts';
import { ONNX_OPS, type OnnxContext, type OnnxLowering } from './onnx-ops.ts';
import { encodeModel } from './onnx-proto.ts';

export const ONNX_OPSET = 17;
/** The IR version that goes with opset 17 (ONNX 1.12). */
const IR_VERSION = 8;

export interface OnnxExportOptions {
  /** Weights and buffers by state_dict name (e.g. from `netloom train --save`); default: the initial weights for the graph's seed. */
  readonly weights?: ReadonlyMap<string, HostTensor>;
}

export function exportOnnx(doc: GraphDocument, catalog: Catalog, options: OnnxExportOptions = {}): Uint8Array {
  const lowered = lowerForExport(doc, catalog);
  if (lowered.results.length === 0) throw new ExportError('the graph has no Output node and no loss, so the model would compute nothing');
  const weights = options.weights ?? initialState(lowered.program, resolveTrainingSettings(doc.training).seed);
  const mismatches = checkWeights([lowered.program], weights);
  if (mismatches.length > 0) throw new ExportError(`the weights do not fit the graph:\n${mismatches.map((m) => `  ${m}`).join('\n')}`);

  const outputs = Object.fromEntries(lowered.results.map((r) => [r.name, lowered.program.outputs[portKey(r.source)]!]));
  const program = prune(lowered.program, outputs).program;
  const g = new OnnxGraph(reservedNames(program, lowered.results.map((r) => r.name)), symbolSources(program));

  const names: string[] = [];
  for (const op of program.ops) {
    const value = program.values[op.out]!;
    if (op.op === 'input') g.inputs.push(valueInfo((op.attrs as OpAttrs['input']).name, value.dtype, value.shape));
    const lowering = ONNX_OPS[op.op];
    if (lowering === 'training-only') throw new ExportError(`the primitive ${op.op} belongs to training and has no ONNX form`);
    const ctx: OnnxContext<OpId> = {
      g, inputs: op.inputs.map((id) => names[id]!), operands: op.inputs.map((id) => program.values[id]!), attrs: op.attrs, value,
      weight: (name) => weights.get(name),
    };
    names[op.out] = (lowering as OnnxLowering<OpId>)(ctx as never);
  }
  for (const [name, id] of Object.entries(program.outputs)) {
    const value = program.values[id]!;
    g.node('Identity', [names[id]!], {}, name);
    g.outputs.push(valueInfo(name, value.dtype, value.shape));
  }

  return encodeModel({
    ir_version: IR_VERSION,
    producer_name: 'netloom',
    producer_version: '1',
    doc_string: 'A netloom graph, exported in eval mode (netloom export --to onnx).',
    opset_import: [{ domain: '', version: ONNX_OPSET }],
    graph: { name: 'netloom', node: g.nodes, initializer: g.initializers, input: g.inputs, output: g.outputs },
  });
}

/** Inputs, weights and outputs keep the user's names, so those are claimed before any generated one. */
function reservedNames(program: Program, outputNames: readonly string[]): string[] {
  const named = program.ops.filter((op) => op.op === 'input' || op.op === 'param' || op.op === 'buffer').map((op: Op) => (op.attrs as { name: string }).name);
  const clash = outputNames.find((name) => named.includes(name));
  if (clash !== undefined) throw new ExportError(`the output ${JSON.stringify(clash)} has the name of an input or weight; ONNX needs every tensor name once — rename that Output node`);
  return [...named, ...outputNames];
}

/** For each symbol, the first input (and axis) that has it: where the ONNX graph reads its size at run time. */
function symbolSources(program: Program): Map<string, { tensor: string; axis: number }> {
  const sources = new Map<string, { tensor: string; axis: number }>();
  for (const op of program.ops) {
    if (op.op !== 'input') continue;
    const { name, shape } = op.attrs as OpAttrs['input'];
    shape.forEach((d, axis) => {
      if (isSymbol(d) && !sources.has(d)) sources.set(d, { tensor: name, axis });
    });
  }
  return sources;
}
