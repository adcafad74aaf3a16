/**
 * The editor's PyTorch zip (app/code/pytorch-zip.ts) holds the project the command line writes: model.py, train.py,
 * the built-in datasets as .npy files with the registry's shapes and weights.safetensors when weights are given; a
 * graph on the user's own data gets model.py and the weights without train.py. Where Debian's python3-torch is
 * installed, the unzipped project trains one epoch on the digits from the given weights and saves weights that fit.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { pytorchProjectZip } from '../../app/code/pytorch-zip.ts';
import { openSample } from '../../app/samples/open-sample.ts';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { initialState } from '../../engine/backends/init-state.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { nodeFileReader } from '../../engine/data/node-files.ts';
import { findDataset } from '../../engine/data/registry.ts';
import { lowerForExport } from '../../engine/export/lowered-graph.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { readNpy } from '../../engine/io/npy.ts';
import { readSafetensors } from '../../engine/io/safetensors.ts';
import { checkWeights } from '../../engine/train/check-weights.ts';
import { resolveTrainingSettings } from '../../engine/train/settings.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

const work = mkdtempSync(join(tmpdir(), 'netloom-pytorch-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The graph's initial weights for its seed, every value nudged so they cannot be mistaken for anyone's defaults. */
function someWeights(doc: GraphDocument): Map<string, HostTensor> {
  const initial = initialState(lowerForExport(doc, CATALOG).program, resolveTrainingSettings(doc.training).seed);
  return new Map([...initial].map(([name, t]) => [name, { ...t, data: Float32Array.from(t.data, (x, i) => x + 0.001 * (i % 7)) }]));
}

const sample = openSample().doc;
const sampleWeights = someWeights(sample);
const zipped = async (doc: GraphDocument, weights?: Map<string, HostTensor>) => unzipSync(await pytorchProjectZip(doc, CATALOG, {
  readFile: nodeFileReader(),
  ...(weights ? { weights: { tensors: weights, description: 'trained weights, run 7 (3 epochs)' } } : {}),
}));

describe('the PyTorch zip', () => {
  it('holds model.py, train.py, the digits as .npy with the registry’s shapes, the weights given and a README on them', async () => {
    const files = await zipped(sample, sampleWeights);
    expect(Object.keys(files).sort()).toEqual([
      'README.md', 'data/digits/train_features.npy', 'data/digits/train_labels.npy', 'model.py', 'train.py', 'weights.safetensors',
    ]);
    const info = findDataset('digits')!;
    const loaded = await loadDataset('digits', { readFile: nodeFileReader() });
    const features = readNpy(files['data/digits/train_features.npy']!);
    const labels = readNpy(files['data/digits/train_labels.npy']!);
    expect(features.shape).toEqual([info.samples, ...info.features.shape]);
    expect(labels.shape).toEqual([info.samples, ...info.labels.shape]);
    expect([features.dtype, labels.dtype]).toEqual([info.features.dtype, info.labels.dtype]);
    expect(features.data).toEqual(loaded.train.features.data);
    expect(labels.data).toEqual(loaded.train.labels.data);

    const { tensors } = readSafetensors(files['weights.safetensors']!);
    expect([...tensors.keys()].sort()).toEqual([...sampleWeights.keys()].sort());
    for (const [name, tensor] of sampleWeights) expect(tensors.get(name)).toEqual(tensor);

    const readme = strFromU8(files['README.md']!);
    expect(readme).toContain('`weights.safetensors`: the trained weights, run 7 (3 epochs)');
    expect(readme).toContain('--weights weights.safetensors');
    expect(readme).toContain('datasets (digits)');
    expect(readme).not.toMatch(/leaves out|netloom export/);
  });

  it('has no weights file without weights', async () => {
    expect(Object.keys(await zipped(sample)).sort()).toEqual(['README.md', 'data/digits/train_features.npy', 'data/digits/train_labels.npy', 'model.py', 'train.py']);
  });

  it('gives a graph on the user’s own data model.py and the weights, and says why there is no train.py', async () => {
    const doc = graph(['mine', 'local_data', { name: 'table.csv', features: [4], classes: 3 }], ['fc', 'linear', { in_features: 4, out_features: 3 }], ['loss', 'cross_entropy'], ['opt', 'sgd', { lr: 0.1 }])
      .link('mine.features', 'fc.x').link('fc.y', 'loss.input').link('mine.labels', 'loss.target').link('loss.loss', 'opt.loss').doc;
    const files = await zipped(doc, someWeights(doc));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'model.py', 'weights.safetensors']);
    expect(strFromU8(files['README.md']!)).toMatch(/There is no train\.py: node mine reads data loaded in the browser/);
  });

  const torchPython = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!torchPython)('unzipped, trains one epoch on the digits from its weights and saves weights that fit (needs Debian’s python3-torch)', async () => {
    const project = join(work, 'digits');
    for (const [name, bytes] of Object.entries(await zipped(sample, sampleWeights))) {
      mkdirSync(dirname(join(project, name)), { recursive: true });
      writeFileSync(join(project, name), bytes);
    }
    const run = spawnSync('/usr/bin/python3', ['train.py', '--epochs', '1', '--weights', 'weights.safetensors', '--save', 'trained.safetensors'], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^epoch 1\/1 .*acc/m);
    const trained = readSafetensors(readFileSync(join(project, 'trained.safetensors'))).tensors;
    expect(checkWeights([lowerForExport(sample, CATALOG).program], trained)).toEqual([]);
    expect(trained.get('fc1.weight')!.data).not.toEqual(sampleWeights.get('fc1.weight')!.data);
  });
});
