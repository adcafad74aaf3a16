/**
 * How a graph splits into a PyTorch project, decided once for model.py and train.py:
 *
 * - sources: Dataset and Input nodes; their values are forward()'s arguments or come from the batch.
 * - the model: every node that computes and is not part of the losses; forward() runs them in graph order.
 * - the losses: loss nodes, everything computed from a loss (e.g. an Add of two losses), and weightless nodes used
 *   only there (the constant targets of a GAN); train.py's compute_losses() runs them on forward()'s results and
 *   the batch, so inference needs no labels.
 * - forward() returns its heads: the results `netloom run` reports plus every model value the losses read.
 *
 * Names: one namespace (python-names.ts) for the whole project, so a node's module attribute, its variable in
 * forward() and in compute_losses() are the same identifier. Symbols (N, T) get theirs first.
 */
import type { Prepared, PreparedNode } from '../../compile/structure.ts';
import type { PortRef } from '../../graph/types.ts';
import { isSymbol, type Shape } from '../../ir/shape.ts';
import { ExportError } from '../export-error.ts';
import { portKey, type LoweredGraph } from '../lowered-graph.ts';
import { PYTORCH_KINDS } from './kinds/index.ts';
import type { PythonKindExport } from './kind-export.ts';
import { PythonNamespace } from './python-names.ts';

export type Section = 'source' | 'model' | 'losses' | 'output' | 'optimizer';

export interface PythonNode {
  readonly prepared: PreparedNode;
  readonly export: PythonKindExport;
  readonly section: Section;
  /** The module attribute (`self.<name>`) and, for a one-output node, its variable. */
  readonly name: string;
  /** The variable of each output port. */
  readonly outputs: ReadonlyMap<string, string>;
}

export interface PythonPlan {
  readonly lowered: LoweredGraph;
  /** Every node, by id, in document order. */
  readonly nodes: ReadonlyMap<string, PythonNode>;
  /** Node ids in graph order: each after its inputs, otherwise in document order (which reads best). */
  readonly order: readonly string[];
  /** forward()'s tensor arguments: the source ports the model reads, in graph order. */
  readonly modelInputs: readonly PortRef[];
  /** forward()'s results, in order. */
  readonly heads: readonly PortRef[];
  readonly namespace: PythonNamespace;
  readonly symbols: ReadonlyMap<string, string>;
  /** netloom weight name → state_dict key, for every weight and buffer. */
  readonly weightNames: ReadonlyMap<string, string>;
  variable(ref: PortRef): string;
  shape(ref: PortRef): Shape;
  /** The node's input port's source, or undefined when it is not connected. */
  source(node: string, port: string): PortRef | undefined;
}

/** Names model.py and train.py use for themselves; no node may take them. */
export const GENERATED_NAMES = [
  'self', 'torch', 'nn', 'F', 'np', 'json', 'math', 'os', 'struct', 'argparse', 'dist', 'Path', 'Model', 'device', 'outputs',
  'batch', 'losses', 'accuracies', 'main', 'args', 'compute_losses', 'read_safetensors', 'write_safetensors',
  'load_netloom_weights', 'save_netloom_weights', 'NETLOOM_TO_TORCH', 'TORCH_TO_NETLOOM', 'INPUT_NAMES', 'OUTPUT_NAMES',
  'SAFETENSORS_DTYPES', 'DistributedDataParallel', 'DistributedSampler', 'DataLoader', 'TensorDataset',
];

export function planPython(lowered: LoweredGraph): PythonPlan {
  const { prepared } = lowered;
  const namespace = new PythonNamespace(GENERATED_NAMES);
  const symbols = new Map<string, string>();
  for (const value of lowered.program.values) {
    for (const dim of value.shape) if (isSymbol(dim) && !symbols.has(dim)) symbols.set(dim, namespace.create(dim));
  }

  const sections = assignSections(lowered);
  const nodes = new Map<string, PythonNode>();
  for (const p of prepared.list) {
    const kindExport = PYTORCH_KINDS[p.kind!.id];
    if (!kindExport) throw new ExportError(`node kind ${p.kind!.id} has no PyTorch export`);
    const name = namespace.create(p.node.id);
    const ports = p.outputs.map((o) => o.name);
    const outputs = new Map(ports.length === 1 ? [[ports[0]!, name]] : ports.map((port) => [port, namespace.create(`${p.node.id}_${port}`)]));
    nodes.set(p.node.id, { prepared: p, export: kindExport, section: sections.get(p.node.id)!, name, outputs });
  }

  const ordered = readableOrder(prepared);
  const source = (node: string, port: string): PortRef | undefined => prepared.nodes.get(node)?.incoming.get(port)?.from;
  const sectionOf = (ref: PortRef): Section => nodes.get(ref.node)!.section;
  const inputsOf = (id: string): PortRef[] => [...prepared.nodes.get(id)!.incoming.values()].map((e) => e.from);

  const heads = uniqueRefs([
    ...lowered.results.map((r) => r.source).filter((ref) => sectionOf(ref) === 'model' || sectionOf(ref) === 'source'),
    ...ordered.filter((id) => nodes.get(id)!.section === 'losses' || nodes.get(id)!.section === 'optimizer')
      .flatMap(inputsOf).filter((ref) => sectionOf(ref) === 'model'),
  ]);
  const modelInputs = uniqueRefs([
    ...ordered.filter((id) => nodes.get(id)!.section === 'model').flatMap(inputsOf),
    ...heads,
  ].filter((ref) => sectionOf(ref) === 'source')).sort((a, b) => ordered.indexOf(a.node) - ordered.indexOf(b.node));

  const weightNames = new Map<string, string>();
  for (const [node, weights] of lowered.weights) {
    for (const w of weights) weightNames.set(w.name, `${nodes.get(node)!.name}${w.name.slice(node.length)}`);
  }
  return {
    lowered, nodes, order: ordered, modelInputs, heads, namespace, symbols, weightNames, source,
    variable: (ref) => nodes.get(ref.node)!.outputs.get(ref.port)!,
    shape: (ref) => lowered.value(ref).shape,
  };
}

/** A topological order that keeps document order wherever the edges allow: each node right after its inputs. */
function readableOrder(prepared: Prepared): string[] {
  const placed = new Set<string>();
  const order: string[] = [];
  for (const start of prepared.list) {
    // Depth-first through the inputs, iteratively: a long chain must not exhaust the stack.
    const stack: { id: string; expanded: boolean }[] = [{ id: start.node.id, expanded: false }];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (placed.has(top.id)) continue;
      if (top.expanded) {
        placed.add(top.id);
        order.push(top.id);
        continue;
      }
      stack.push({ id: top.id, expanded: true });
      const inputs = [...prepared.nodes.get(top.id)!.incoming.values()].map((e) => e.from.node).reverse();
      for (const id of inputs) if (!placed.has(id)) stack.push({ id, expanded: false });
    }
  }
  return order;
}

function uniqueRefs(refs: readonly PortRef[]): PortRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(portKey(ref)) && seen.add(portKey(ref)));
}

/** The section of every node (see the file comment). */
function assignSections(lowered: LoweredGraph): Map<string, Section> {
  const { prepared } = lowered;
  const sections = new Map<string, Section>();
  for (const p of prepared.list) {
    const role = PYTORCH_KINDS[p.kind!.id]?.role;
    sections.set(p.node.id, role === 'source' ? 'source' : role === 'output' ? 'output' : role === 'optimizer' ? 'optimizer' : 'model');
  }
  const consumers = (id: string): string[] => prepared.nodes.get(id)!.outgoing.map((e) => e.to.node);
  const producers = (id: string): string[] => [...prepared.nodes.get(id)!.incoming.values()].map((e) => e.from.node);
  // Losses and everything computed from them, in graph order so a loss's descendants follow it.
  for (const id of prepared.order) {
    const p = prepared.nodes.get(id)!;
    if (sections.get(id) !== 'model') continue;
    if (p.kind!.category === 'losses' || producers(id).some((n) => sections.get(n) === 'losses')) sections.set(id, 'losses');
  }
  // Weightless helpers that feed only the losses (and each other) and read only data or loss-side values, such as
  // a GAN's constant targets. The largest such set: start from every candidate and drop those that break the rule
  // until none does. A node whose value is a result stays in the model, so inference can return it.
  const results = new Set(lowered.results.map((r) => r.source.node));
  const helpers = new Set(prepared.order.filter((id) => sections.get(id) === 'model' && !lowered.weights.has(id) && !results.has(id) && consumers(id).length > 0));
  const lossSide = (n: string): boolean => helpers.has(n) || sections.get(n) === 'losses' || sections.get(n) === 'optimizer';
  for (let dropped = true; dropped;) {
    dropped = false;
    for (const id of helpers) {
      if (consumers(id).every(lossSide) && producers(id).every((n) => lossSide(n) || sections.get(n) === 'source')) continue;
      helpers.delete(id);
      dropped = true;
    }
  }
  for (const id of helpers) sections.set(id, 'losses');
  for (const id of prepared.order) {
    if (sections.get(id) === 'losses' && lowered.weights.has(id)) {
      throw new ExportError(`node ${JSON.stringify(id)} has weights but is computed from a loss; the PyTorch export keeps the losses outside the model, so a layer must not depend on one`);
    }
  }
  return sections;
}
