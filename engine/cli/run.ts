/**
 * `netloom run <graph.json> --weights w.safetensors --input <name>=x.npy ... [--output out.npy] [--json]`:
 * inference in eval mode. Inputs are named like the program's inputs: an Input node's id, or `<dataset>.features`
 * for a Dataset node. The result is what the graph's Output nodes expose, or else the prediction fed to each loss.
 * Exit codes: 0 done, 2 bad input (file, graph, weights, data); nothing is written unless everything succeeded.
 */
import type { HostTensor } from '../backends/backend.ts';
import { createCpuBackend } from '../backends/cpu/cpu-backend.ts';
import { createRunner } from '../backends/executor.ts';
import { lowerGraph } from '../compile/lower-graph.ts';
import type { Catalog } from '../compile/node-kind.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { Program } from '../ir/program.ts';
import { prune } from '../ir/prune.ts';
import { formatShape } from '../ir/shape.ts';
import { checkWeights } from '../train/check-weights.ts';
import { planTraining } from '../train/training-plan.ts';
import type { ParsedArgs } from './args.ts';
import { invalid } from './check.ts';
import { readGraphFile } from './read-graph-file.ts';
import { loadNpy, loadTensors, saveNpy } from './tensor-files.ts';

export const RUN_VALUED_FLAGS = ['weights', 'input', 'output'] as const;

export interface RunIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

class RunProblem extends Error {}

/** The values the run reports: Output nodes' inputs, or failing those, each loss's prediction. */
function resultNames(doc: GraphDocument, catalog: Catalog): string[] {
  const outputs = doc.nodes.filter((n) => n.kind === 'output').map((n) => doc.edges.find((e) => e.to.node === n.id && e.to.port === 'x'));
  const named = outputs.filter((e) => e !== undefined).map((e) => `${e.from.node}:${e.from.port}`);
  return named.length > 0 ? named : planTraining(doc, catalog).losses.map((l) => l.prediction);
}

function parseInputs(args: ParsedArgs): Map<string, string> {
  const inputs = new Map<string, string>();
  for (const spec of args.repeated.get('input') ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) throw new RunProblem(`--input takes <name>=<file.npy>, got ${JSON.stringify(spec)}`);
    inputs.set(spec.slice(0, eq), spec.slice(eq + 1));
  }
  return inputs;
}

function inputsOf(program: Program): Map<string, { shape: readonly (number | string)[]; dtype: string }> {
  const out = new Map<string, { shape: readonly (number | string)[]; dtype: string }>();
  for (const op of program.ops) {
    if (op.op === 'input') {
      const a = op.attrs as { name: string; shape: readonly (number | string)[]; dtype: string };
      out.set(a.name, a);
    }
  }
  return out;
}

function preview(t: HostTensor): string {
  const head = Array.from(t.data.subarray(0, 8), (x) => (Number.isInteger(x) ? String(x) : x.toPrecision(5)));
  return `${formatShape(t.shape)} ${t.dtype}: ${head.join(', ')}${t.data.length > 8 ? ', …' : ''}`;
}

export async function runCommand(path: string, args: ParsedArgs, catalog: Catalog, io: RunIo): Promise<number> {
  const json = args.flags.has('json');
  const parsed = await readGraphFile(path);
  if (!parsed.ok) return invalid(io, json, path, parsed.errors);
  try {
    const weightsPath = args.flags.get('weights');
    if (typeof weightsPath !== 'string') throw new RunProblem('--weights <file.safetensors> is required (train with `netloom train --save`)');
    const output = args.flags.get('output');
    if (output === true) throw new RunProblem('--output needs a file name, e.g. --output out.npy');
    const lowered = lowerGraph(parsed.graph, catalog, { mode: 'eval' });
    if (!lowered.ok) {
      const errors = lowered.diagnostics.filter((d) => d.severity === 'error');
      throw new RunProblem(`the graph has errors (see \`netloom check ${path}\`):\n${errors.slice(0, 5).map((d) => `  ${d.node ?? 'graph'}: ${d.message}`).join('\n')}`);
    }
    const names = resultNames(parsed.graph, catalog);
    if (names.length === 0) throw new RunProblem('the graph has no Output node and no loss, so there is nothing to compute');
    const program = prune(lowered.program, Object.fromEntries(names.map((n) => [n, lowered.program.outputs[n]!]))).program;

    const given = parseInputs(args);
    const needed = inputsOf(program);
    for (const name of given.keys()) {
      if (!needed.has(name)) throw new RunProblem(`--input ${name}: the graph has no such input; it needs ${[...needed.keys()].join(', ') || 'no inputs'}`);
    }
    const feeds: Record<string, HostTensor> = {};
    for (const [name, spec] of needed) {
      const file = given.get(name);
      if (!file) throw new RunProblem(`missing --input ${name}=<file.npy> (shape ${formatShape(spec.shape)}, ${spec.dtype})`);
      feeds[name] = await loadNpy(file);
    }
    const weights = await loadTensors(weightsPath);
    const runner = createRunner(createCpuBackend({ precision: 'f32' }), program);
    try {
      // Checked against the whole graph: weights of a branch this run does not need are still the graph's.
      const mismatches = checkWeights([lowered.program], weights);
      if (mismatches.length > 0) throw new RunProblem(`the weights in ${weightsPath} do not fit the graph:\n${mismatches.map((m) => `  ${m}`).join('\n')}`);
      for (const [name, tensor] of weights) if (runner.stateNames.includes(name)) runner.setState(name, tensor);
      try {
        await runner.run(feeds);
      } catch (error) {
        throw new RunProblem(error instanceof Error ? error.message : String(error));
      }
      const results = new Map<string, HostTensor>();
      for (const name of names) results.set(name, await runner.read(name));
      if (typeof output === 'string') await saveNpy(output, results.get(names[0]!)!);
      if (json) {
        io.out(JSON.stringify({ ok: true, outputs: Object.fromEntries([...results].map(([n, t]) => [n, { shape: t.shape, dtype: t.dtype, data: Array.from(t.data) }])) }));
      } else {
        for (const [name, t] of results) io.out(`${name}  ${preview(t)}`);
        if (typeof output === 'string') io.out(`${names[0]} written to ${output}`);
      }
      return 0;
    } finally {
      runner.dispose();
    }
  } catch (error) {
    if (!(error instanceof RunProblem) && !(error instanceof Error && error.name === 'TensorFileError')) throw error;
    if (json) io.out(JSON.stringify({ ok: false, error: error.message }));
    else io.err(`netloom run: ${error.message}`);
    return 2;
  }
}
