/**
 * `netloom export` as a child process: each target's output, exit codes (0 written, 2 bad input), files written
 * whole or not at all, the exported TypeScript module training under tsx, the ONNX model giving `netloom run`'s
 * numbers in onnxruntime, and — where Debian's python3-torch is installed — the exported train.py training.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { writeNpy } from '../../engine/io/npy.ts';
import { netloom, repositoryRoot } from '../helpers/cli.ts';
import { EXPORT_CASES, loadCase, parityFolder } from './export-cases.ts';

const SPIRALS = 'test/fixtures/train/spirals-mlp.json';
const BROKEN = 'test/fixtures/graphs/conv-channels-mismatch.json';
const spiralsCase = EXPORT_CASES.find((c) => c.name === 'spirals-mlp')!;
const TRAINED = join(parityFolder(spiralsCase), 'weights.safetensors');

const work = mkdtempSync(join(tmpdir(), 'netloom-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const at = (...parts: string[]): string => join(work, ...parts);

describe('netloom export', () => {
  it('prints the canonical JSON without -o, and writes it with -o', async () => {
    const printed = await netloom('export', SPIRALS, '--to', 'json');
    expect(printed.code).toBe(0);
    expect(`${printed.stdout}`).toBe(serializeGraph(loadCase(spiralsCase)));
    const written = await netloom('export', SPIRALS, '--to', 'json', '-o', at('graph.json'));
    expect(written.code).toBe(0);
    expect(readFileSync(at('graph.json'), 'utf8')).toBe(serializeGraph(loadCase(spiralsCase)));
  });

  it('writes a TypeScript module that trains under tsx and holds the same document', async () => {
    mkdirSync(at('ts'));
    writeFileSync(at('ts', 'package.json'), '{ "type": "module" }\n');
    const result = await netloom('export', SPIRALS, '--to', 'ts', '-o', at('ts', 'model.ts'));
    expect(result.code).toBe(0);
    const tsx = join(repositoryRoot, 'node_modules/tsx/dist/cli.mjs');
    const run = spawnSync(process.execPath, [tsx, 'model.ts', '--epochs', '1', '--save', 'w.safetensors'], { cwd: at('ts'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^epoch 1\/1 /m);
    expect(existsSync(at('ts', 'w.safetensors'))).toBe(true);
    const printed = execFileSync(process.execPath, [tsx, '-e', 'import("./model.ts").then((m) => process.stdout.write(JSON.stringify(m.model)))'], { cwd: at('ts'), encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual(JSON.parse(serializeGraph(loadCase(spiralsCase))));
  });

  it('writes an ONNX model with the given weights that computes what `netloom run` does', async () => {
    const input = at('x.npy');
    writeFileSync(input, writeNpy({ shape: [4, 2], dtype: 'f32', data: Float32Array.of(0.1, 0.2, -0.5, 0.3, 0.7, -0.1, 0, 1) }));
    expect((await netloom('export', SPIRALS, '--to', 'onnx', '--weights', TRAINED, '-o', at('model.onnx'))).code).toBe(0);
    const run = await netloom('run', SPIRALS, '--weights', TRAINED, '--input', `data.features=${input}`, '--json');
    const expected = JSON.parse(run.stdout).outputs['fc3:y'] as { data: number[] };
    const session = await ort.InferenceSession.create(at('model.onnx'));
    const output = await session.run({ 'data.features': new ort.Tensor('float32', Float32Array.of(0.1, 0.2, -0.5, 0.3, 0.7, -0.1, 0, 1), [4, 2]) });
    const actual = Array.from(output['fc3:y']!.data as Float32Array);
    expect(Math.max(...actual.map((x, i) => Math.abs(x - expected.data[i]!)))).toBeLessThanOrEqual(1e-4);
  });

  it('writes a PyTorch project: model.py, train.py, the data, and the weights given', async () => {
    const result = await netloom('export', SPIRALS, '--to', 'pytorch', '--weights', TRAINED, '-o', at('project'));
    expect(result.code).toBe(0);
    expect(readdirSync(at('project')).sort()).toEqual(['data', 'model.py', 'train.py', 'weights.safetensors']);
    expect(readdirSync(at('project', 'data', 'spirals')).sort()).toEqual(['train_features.npy', 'train_labels.npy']);
    // Both written by netloom's safetensors writer from the same tensors, so byte for byte the same.
    expect(readFileSync(at('project', 'weights.safetensors')).equals(readFileSync(TRAINED))).toBe(true);
    // Exporting again into the same folder replaces the files in place.
    expect((await netloom('export', SPIRALS, '--to', 'pytorch', '-o', at('project'))).code).toBe(0);
    expect(readdirSync(work).filter((f) => f.includes('partial'))).toEqual([]);
  });

  const torchPython = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!torchPython)('the PyTorch project trains and saves weights netloom runs (needs Debian’s python3-torch)', async () => {
    const run = spawnSync('/usr/bin/python3', ['train.py', '--epochs', '2', '--save', 'trained.safetensors'], { cwd: at('project'), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^epoch 2\/2 .*loss:loss acc/m);
    const input = at('x.npy');
    const check = await netloom('run', SPIRALS, '--weights', at('project', 'trained.safetensors'), '--input', `data.features=${input}`);
    expect(check.code).toBe(0);
  });

  it.skipIf(!torchPython)('the PyTorch project trains under torchrun: DistributedDataParallel over 2 CPU processes (gloo)', async () => {
    // `--redirects 1 --tee 1`: torch 1.13's launcher cannot parse its own default "0" under Python 3.11 (an IntFlag's
    // zero member is no longer iterated), so each rank's stdout goes to a log and to the console instead.
    const run = spawnSync('/usr/bin/python3', ['-m', 'torch.distributed.run', '--nproc_per_node', '2', '--redirects', '1', '--tee', '1', 'train.py', '--epochs', '1', '--save', 'ddp.safetensors'], {
      cwd: at('project'), encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    // Two processes joined one process group; rank 0 reports the epoch and saves the weights, which netloom runs.
    expect(run.stdout).toMatch(/\[default0\]:DistributedDataParallel over 2 processes \(gloo\)/);
    expect(run.stdout).toMatch(/\[default0\]:epoch 1\/1/);
    const check = await netloom('run', SPIRALS, '--weights', at('project', 'ddp.safetensors'), '--input', `data.features=${at('x.npy')}`);
    expect(check.code).toBe(0);
  });

  it.each([
    [['--to', 'nope'], /--to must be one of json, ts, pytorch, onnx, got "nope"/],
    [[], /--to must be one of/],
    [['--to', 'onnx'], /--to onnx needs -o/],
    [['--to', 'pytorch'], /--to pytorch needs -o/],
    [['--to', 'json', '--weights', TRAINED], /--weights applies to --to onnx and --to pytorch/],
    [['--to', 'json', '-o'], /-o needs a file or folder name/],
  ])('refuses %j with exit code 2', async (flags, message) => {
    const result = await netloom('export', SPIRALS, ...flags);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses an unreadable file, a graph with errors and weights that do not fit, leaving existing files untouched', async () => {
    writeFileSync(at('keep.onnx'), 'previous contents');
    const missing = await netloom('export', at('nope.json'), '--to', 'onnx', '-o', at('keep.onnx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the file: no such file/);
    const broken = await netloom('export', BROKEN, '--to', 'onnx', '-o', at('keep.onnx'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/the graph has errors/);
    const digits = EXPORT_CASES.find((c) => c.name === 'digits-cnn')!;
    const mismatch = await netloom('export', digits.graph, '--to', 'onnx', '--weights', TRAINED, '-o', at('keep.onnx'));
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toMatch(/do not fit the graph/);
    expect(readFileSync(at('keep.onnx'), 'utf8')).toBe('previous contents');
    const notFolder = await netloom('export', SPIRALS, '--to', 'pytorch', '-o', at('keep.onnx'));
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/is not a folder/);
    expect(readdirSync(work).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
