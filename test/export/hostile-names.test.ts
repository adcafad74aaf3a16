/**
 * Names from user text cannot break the exported code: over 1,000 generated graphs whose node ids, edge ids, group
 * ids, labels, notes and graph name are hostile (keywords, `1x`, `a-b`, `__proto__`, quotes and comment markers,
 * `${x}`, newlines, emoji, lone surrogates, …), the TypeScript modules type-check and rebuild their documents, and
 * model.py and train.py parse in Python with every string literal reading back as the name it encodes.
 *
 * The graphs are drawn with fast-check's sampler (seeded) and checked in batches: one tsc run, one tsx run and one
 * python3 run for all of them. Python is required, not optional: when no python3 can be found this test fails
 * rather than pass without checking (CI machines of this project have python3; torch is not needed to parse).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPytorch, type PytorchProject } from '../../engine/export/index.ts';
import { isSafePythonName } from '../../engine/export/pytorch/python-names.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';
import { importModels, typeCheck, writeModules, type ModuleFolder } from './typescript-modules.ts';

const GRAPHS = 1000;

const HOSTILE = [
  'class', 'def', 'None', 'True', 'lambda', '1x', '0', 'a-b', 'a.b', 'a b', '__proto__', 'constructor', 'prototype', "'); x(); //",
  '"); x(); #', '*/', '/*', '//', '#', '${x}', '`', '\\', '\\u0000', 'line\nbreak', 'cr\rlf', 'tab\t', '\u2028', '\u2029', '😀',
  '💥 loss', 'é', '名前', '\ud800', 'training', 'forward', 'state_dict', 'self', 'torch', 'F', 'nn', 'N', 'device', 'outputs', 'batch',
  'fc_1', 'fc_1', '__init__', '__class__', '_', 'x_0', 'e1', 'print', 'input', 'model', 'import os', '"""', "'''", 'e1:x', 'a:b:c',
];

const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.nat(99)).map(([s, n]) => `${s}_${n}`) },
);

/** A small trainable classifier with every name drawn from `name`: dataset → linear → relu → linear → loss → adam. */
const hostileGraph: fc.Arbitrary<GraphDocument> = fc.record({
  ids: fc.uniqueArray(name, { minLength: 7, maxLength: 7 }),
  edges: fc.uniqueArray(name, { minLength: 7, maxLength: 7 }),
  group: name,
  label: name,
  notes: fc.string({ unit: 'binary', maxLength: 40 }),
  title: name,
}).map(({ ids, edges, group, label, notes, title }) => {
  const [data, fc1, act, fc2, out, loss, opt] = ids as [string, string, string, string, string, string, string];
  const node = (id: string, kind: string, params: Record<string, unknown>, i: number) => ({ id, kind, params, position: { x: i, y: 0 } });
  const edge = (i: number, from: string, fromPort: string, to: string, toPort: string) =>
    ({ id: edges[i]!, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });
  const raw = {
    format: 'netloom.graph', version: 2, name: title,
    nodes: [
      node(data, 'dataset', { dataset: 'xor' }, 0),
      { ...node(fc1, 'linear', { in_features: 2, out_features: 4 }, 1), label, notes },
      node(act, 'relu', {}, 2),
      node(fc2, 'linear', { in_features: 4, out_features: 2 }, 3),
      node(out, 'output', {}, 4),
      node(loss, 'cross_entropy', {}, 5),
      node(opt, 'adam', { parameters: [group] }, 6),
    ],
    edges: [
      edge(0, data, 'features', fc1, 'x'), edge(1, fc1, 'y', act, 'x'), edge(2, act, 'y', fc2, 'x'), edge(3, fc2, 'y', out, 'x'),
      edge(4, fc2, 'y', loss, 'input'), edge(5, data, 'labels', loss, 'target'), edge(6, loss, 'loss', opt, 'loss'),
    ],
    groups: [{ id: group, label, nodes: [fc1, fc2] }],
  };
  const parsed = parseGraph(raw);
  if (!parsed.ok) throw new Error(`hostile graph is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.graph;
});

const graphs = fc.sample(hostileGraph, { numRuns: GRAPHS, seed: 42 });

function python(): string | undefined {
  return ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import ast'], { stdio: 'ignore' }).status === 0);
}

/** For each project: both files parse, and the literals model.py and train.py hold, read back by Python. */
const PYTHON_CHECK = `
import ast, json, keyword, sys
def literal(tree, name):
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return ast.literal_eval(node.value)
    return None
out = []
for project in json.load(sys.stdin):
    model = ast.parse(project["model"])
    train = ast.parse(project["train"])
    renamed = literal(model, "NETLOOM_TO_TORCH")
    attributes = [n.attr for n in ast.walk(model) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "self"]
    bad = [a for a in attributes if keyword.iskeyword(a) or not a.isidentifier()]
    out.append({
        "renamed": renamed, "inputs": list(literal(model, "INPUT_NAMES")), "outputs": list(literal(model, "OUTPUT_NAMES")),
        "datasets": list(literal(train, "DATASETS")), "primary": literal(train, "PRIMARY"), "bad": bad,
    })
json.dump(out, sys.stdout)
`;

describe(`hostile names (${GRAPHS} graphs)`, () => {
  let modules: ModuleFolder;
  beforeAll(() => {
    modules = writeModules(graphs);
  });
  afterAll(() => modules.remove());

  it('TypeScript modules type-check', () => {
    expect(typeCheck(modules)).toBe('');
  });

  it('TypeScript modules rebuild their documents', () => {
    const models = importModels(modules);
    graphs.forEach((doc, i) => expect(models[i], `graph ${i}`).toEqual(JSON.parse(JSON.stringify(doc))));
  });

  it('model.py and train.py parse, with safe identifiers and exact string literals', () => {
    const interpreter = python();
    if (!interpreter) throw new Error('no python3 found: the generated Python cannot be checked (install python3; torch is not needed)');
    const projects: PytorchProject[] = graphs.map((doc) => exportPytorch(doc, CATALOG));
    for (const project of projects) {
      for (const torchName of project.weightNames.values()) expect(isSafePythonName(torchName.split('.')[0]!), torchName).toBe(true);
    }
    const input = JSON.stringify(projects.map((p) => ({ model: p.files.get('model.py'), train: p.files.get('train.py') })));
    const results = JSON.parse(execFileSync(interpreter, ['-c', PYTHON_CHECK], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
      renamed: Record<string, string>; inputs: string[]; outputs: string[]; datasets: string[]; primary: string; bad: string[];
    }[];
    expect(results).toHaveLength(graphs.length);
    results.forEach((r, i) => {
      const doc = graphs[i]!;
      const [data, , , fc2] = doc.nodes.map((n) => n.id);
      expect(r.bad, `graph ${i}`).toEqual([]);
      expect(r.renamed, `graph ${i}`).toEqual(Object.fromEntries([...projects[i]!.weightNames].filter(([a, b]) => a !== b)));
      expect(r.inputs).toEqual([`${data}.features`]);
      expect(r.outputs).toEqual([`${fc2}:y`]);
      expect(r.datasets).toEqual([data]);
      expect(r.primary).toBe(data);
    });
  });
});
