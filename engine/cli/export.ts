/**
 * `netloom export <graph.json> --to json|ts|pytorch|onnx [--weights w.safetensors] [-o out]`.
 *
 * json and ts print to standard output without -o; onnx needs -o (a file) and pytorch -o (a folder: model.py,
 * train.py and the datasets as .npy under data/, plus weights.safetensors with --weights). --weights applies to
 * onnx (the initializers; default: the graph's initial weights) and pytorch. Nothing is half-written: every file is
 * written to a temporary name and renamed, and a PyTorch project is assembled in a temporary folder first.
 * Exit codes: 0 written, 2 bad input (file, graph, flags, weights) or a graph the target cannot express.
 */
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostTensor } from '../backends/backend.ts';
import type { Catalog } from '../compile/node-kind.ts';
import { nodeFileReader } from '../data/node-files.ts';
import type { GraphDocument } from '../graph/types.ts';
import { checkWeights } from '../train/check-weights.ts';
import { lowerGraph } from '../compile/lower-graph.ts';
import {
  EXPORT_TARGETS, ExportError, exportJson, exportOnnx, exportTypeScript, isExportTarget, pytorchProjectFiles, type ExportTarget,
} from '../export/index.ts';
import type { ParsedArgs } from './args.ts';
import { invalid } from './check.ts';
import { fileErrorReason, readGraphFile } from './read-graph-file.ts';
import { loadTensors } from './tensor-files.ts';
import { writeAtomically } from './write-atomically.ts';

export const EXPORT_VALUED_FLAGS = ['to'] as const;

export interface ExportIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

class ExportProblem extends Error {}

/** The module exported TypeScript imports, as a path relative to the folder the module is written to. */
const NETLOOM_API = fileURLToPath(new URL('../export/typescript/netloom-api.ts', import.meta.url));

function importPath(fromFolder: string): string {
  const path = relative(fromFolder, NETLOOM_API).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

interface Request {
  readonly doc: GraphDocument;
  readonly catalog: Catalog;
  readonly output: string | undefined;
  readonly weights: ReadonlyMap<string, HostTensor> | undefined;
  readonly io: ExportIo;
}

/** What each target writes; a new target without its writer does not compile. */
const WRITERS: { readonly [T in ExportTarget]: (r: Request) => Promise<string> } = {
  json: ({ doc, output, io }) => textOut(exportJson(doc), output, io),
  ts: ({ doc, output, io }) => textOut(exportTypeScript(doc, { importFrom: importPath(output === undefined ? process.cwd() : dirname(resolve(output))) }), output, io),
  onnx: async ({ doc, catalog, output, weights }) => {
    const file = required(output, 'onnx', 'model.onnx');
    await writeAtomically(file, exportOnnx(doc, catalog, weights ? { weights } : {}));
    return `ONNX model (opset 17) written to ${file}`;
  },
  pytorch: async ({ doc, catalog, output, weights }) => {
    const folder = required(output, 'pytorch', 'project/');
    const { project, files } = await pytorchProjectFiles(doc, catalog, { readFile: nodeFileReader(), weights });
    await writeFolder(folder, files);
    const note = project.untrainable ? ` (no train.py: ${project.untrainable})` : '';
    return `PyTorch project written to ${folder}: ${[...files.keys()].filter((f) => !f.startsWith('data/')).join(', ')}${project.datasets.length ? `, data/ (${project.datasets.join(', ')})` : ''}${note}`;
  },
};

export async function exportCommand(positionals: readonly string[], args: ParsedArgs, catalog: Catalog, io: ExportIo): Promise<number> {
  const fail = (message: string): number => {
    io.err(`netloom export: ${message}`);
    return 2;
  };
  // `-o out` arrives as two positionals (the parser knows only --flags); --output works too.
  const o = positionals.indexOf('-o');
  const output = o >= 0 ? positionals[o + 1] : args.flags.get('output');
  const rest = o >= 0 ? [...positionals.slice(0, o), ...positionals.slice(o + 2)] : positionals;
  if (rest.length !== 1) return fail('usage: netloom export <graph.json> --to json|ts|pytorch|onnx [--weights w.safetensors] [-o out]');
  if (output === true || (o >= 0 && output === undefined)) return fail('-o needs a file or folder name');
  const target = args.flags.get('to');
  if (typeof target !== 'string' || !isExportTarget(target)) {
    return fail(`--to must be one of ${EXPORT_TARGETS.join(', ')}${typeof target === 'string' ? `, got ${JSON.stringify(target)}` : ''}`);
  }
  const weightsPath = args.flags.get('weights');
  if (weightsPath === true) return fail('--weights needs a file name, e.g. --weights weights.safetensors');
  if (weightsPath !== undefined && (target === 'json' || target === 'ts')) return fail(`--weights applies to --to onnx and --to pytorch; a ${target} export holds no weights`);

  const path = rest[0]!;
  const parsed = await readGraphFile(path);
  if (!parsed.ok) return invalid(io, false, path, parsed.errors);
  try {
    const weights = weightsPath === undefined ? undefined : await graphWeights(parsed.graph, catalog, weightsPath);
    const message = await WRITERS[target]({ doc: parsed.graph, catalog, output: output as string | undefined, weights, io });
    if (message) io.err(message);
    return 0;
  } catch (error) {
    if (error instanceof ExportError || error instanceof ExportProblem || (error instanceof Error && error.name === 'TensorFileError')) return fail(error.message);
    if (error instanceof Error && 'code' in error) return fail(`cannot write ${output}: ${fileErrorReason(error)}`);
    throw error;
  }
}

/** The weights in `path`, checked against every weight and buffer of the graph. */
async function graphWeights(doc: GraphDocument, catalog: Catalog, path: string): Promise<Map<string, HostTensor>> {
  const weights = await loadTensors(path);
  const lowered = lowerGraph(doc, catalog, { mode: 'eval' });
  if (lowered.ok) {
    const mismatches = checkWeights([lowered.program], weights);
    if (mismatches.length > 0) throw new ExportProblem(`the weights in ${path} do not fit the graph:\n${mismatches.map((m) => `  ${m}`).join('\n')}`);
  }
  return weights;
}

function required(output: string | undefined, target: string, example: string): string {
  if (output === undefined) throw new ExportProblem(`--to ${target} needs -o, e.g. -o ${example}`);
  return output;
}

async function textOut(text: string, output: string | undefined, io: ExportIo): Promise<string> {
  if (output === undefined) {
    io.out(text.replace(/\n$/, ''));
    return '';
  }
  await writeAtomically(output, new TextEncoder().encode(text));
  return `written to ${output}`;
}


/**
 * Writes a project folder: assembled in full in a temporary folder beside it, then renamed into place — the whole
 * folder when it does not exist yet, else file by file (each rename replaces one file whole).
 */
async function writeFolder(folder: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const existing = await stat(folder).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new ExportProblem(`${folder} exists and is not a folder`);
  await mkdir(dirname(resolve(folder)), { recursive: true });
  const staging = await mkdtemp(join(dirname(resolve(folder)), `.${basename(folder)}.partial-`));
  try {
    for (const [name, content] of files) {
      await mkdir(dirname(join(staging, name)), { recursive: true });
      await writeFile(join(staging, name), content);
    }
    if (!existing) {
      await rename(staging, folder);
      return;
    }
    for (const name of files.keys()) {
      await mkdir(dirname(join(folder, name)), { recursive: true });
      await rename(join(staging, name), join(folder, name));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
