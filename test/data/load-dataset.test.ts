/**
 * loadDataset: the registry and the sources agree, the shipped files load with their known counts and first values,
 * and the options and damaged files give clear errors.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../engine/data/data-error.ts';
import { checkAgainstRegistry, loadDataset } from '../../engine/data/load-dataset.ts';
import type { ReadDatasetFile } from '../../engine/data/loaded-dataset.ts';
import { nodeFileReader } from '../../engine/data/node-files.ts';
import { DATASET_IDS, findDataset } from '../../engine/data/registry.ts';
import { DATASET_SOURCES, datasetFiles } from '../../engine/data/sources.ts';

const readFile = nodeFileReader();

/** A reader serving in-memory files, for damaged variants of the shipped ones. */
const memoryReader = (files: Record<string, string | Uint8Array>): ReadDatasetFile => async (name) => {
  const content = files[name];
  if (content === undefined) throw new Error(`no file ${name}`);
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
};

function counts(labels: ArrayLike<number>, classes: number): number[] {
  const out = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) out[labels[i]!]!++;
  return out;
}

describe('registry and sources', () => {
  it('every registry id has a source and every source a registry entry', () => {
    expect([...DATASET_SOURCES.keys()].sort()).toEqual([...DATASET_IDS].sort());
  });

  it('data that differs from the registry is refused', () => {
    const iris = findDataset('iris')!;
    const features = { shape: [2, 4], dtype: 'f32' as const, data: new Float32Array(8) };
    const labels = { shape: [2], dtype: 'i32' as const, data: new Int32Array(2) };
    expect(() => checkAgainstRegistry(iris, { features, labels })).not.toThrow();
    expect(() => checkAgainstRegistry(iris, { features: { ...features, shape: [2, 2, 2] }, labels }))
      .toThrow('iris: features are f32 [2,2,2] (Float32Array) but the registry promises f32 [2,4] (Float32Array)');
    expect(() => checkAgainstRegistry(iris, { features, labels: { ...labels, dtype: 'f32', data: new Float32Array(2) } }))
      .toThrow('iris: labels are f32 [2] (Float32Array) but the registry promises i32 [2] (Int32Array)');
    expect(() => checkAgainstRegistry(iris, { features: { ...features, data: new Float64Array(8) }, labels }))
      .toThrow('iris: features are f32 [2,4] (Float64Array) but the registry promises f32 [2,4] (Float32Array)');
  });

  it('every shipped file exists in engine/data/files', async () => {
    for (const id of DATASET_IDS) for (const name of datasetFiles(id)) expect((await readFile(name)).length).toBeGreaterThan(0);
    expect(datasetFiles('moons')).toEqual([]);
  });
});

describe('shipped datasets', () => {
  it('digits: 1,797 images of 64 pixels in [0, 1], grey level 5 of 16 at the third pixel of the first', async () => {
    const digits = await loadDataset('digits', { readFile });
    expect(digits.train.features.shape).toEqual([1797, 64]);
    expect(digits.train.labels.shape).toEqual([1797]);
    expect(digits.test).toBeUndefined();
    expect(digits.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // The file's first line: 0,0,5,13,9,1,0,0,… then the label 0.
    expect(Array.from(digits.train.features.data.subarray(0, 6))).toEqual([0, 0, 5 / 16, 13 / 16, 9 / 16, 1 / 16]);
    expect(digits.train.labels.data[0]).toBe(0);
    expect(Math.max(...digits.train.features.data)).toBe(1);
    expect(Math.min(...digits.train.features.data)).toBe(0);
  });

  it('iris: 150 flowers, 50 of each species, named from the first line', async () => {
    const iris = await loadDataset('iris', { readFile });
    expect(iris.train.features.shape).toEqual([150, 4]);
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(counts(iris.train.labels.data, 3)).toEqual([50, 50, 50]);
    expect(Array.from(iris.train.features.data.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
  });

  it('fashion-mnist: 10,000 training and 2,000 test images in [0, 1], with the known first labels', async () => {
    const fashion = await loadDataset('fashion-mnist', { readFile });
    expect(fashion.train.features.shape).toEqual([10000, 784]);
    expect(fashion.train.labels.shape).toEqual([10000]);
    expect(fashion.test?.features.shape).toEqual([2000, 784]);
    expect(fashion.test?.labels.shape).toEqual([2000]);
    // Fashion-MNIST's first training labels are ankle boot, T-shirt, T-shirt, dress, T-shirt, pullover, sneaker, pullover.
    expect(Array.from(fashion.train.labels.data.subarray(0, 8))).toEqual([9, 0, 0, 3, 0, 2, 7, 2]);
    expect(Array.from(fashion.test!.labels.data.subarray(0, 8))).toEqual([9, 2, 1, 1, 6, 1, 4, 6]);
    expect(fashion.classNames?.[9]).toBe('Ankle boot');
    let low = Infinity;
    let high = -Infinity;
    for (const v of fashion.train.features.data) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    expect([low, high]).toEqual([0, 1]);
    expect(counts(fashion.test!.labels.data, 10).every((c) => c > 150)).toBe(true);
  });

  it('keeps the first `samples` training rows and can shape images as [N, 1, H, W]', async () => {
    const digits = await loadDataset('digits', { readFile, samples: 10, layout: 'image' });
    expect(digits.train.features.shape).toEqual([10, 1, 8, 8]);
    expect(digits.train.labels.shape).toEqual([10]);
    expect(Array.from(digits.train.labels.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('options and errors', () => {
  it('refuses an unknown id, listing the built-in ones', async () => {
    await expect(loadDataset('mnist')).rejects.toThrow(`no built-in dataset "mnist"; choose one of ${DATASET_IDS.join(', ')}`);
  });

  it('needs readFile for shipped datasets', async () => {
    await expect(loadDataset('iris')).rejects.toThrow('iris is read from shipped files (iris.csv); pass readFile');
  });

  it('refuses a bad sample count', async () => {
    await expect(loadDataset('moons', { samples: 0 })).rejects.toThrow('moons: samples must be a positive integer, not 0');
    await expect(loadDataset('moons', { samples: 2.5 })).rejects.toThrow(DataError);
    await expect(loadDataset('iris', { readFile, samples: 151 })).rejects.toThrow('iris has 150 training samples, fewer than the 151 asked for');
  });

  it('refuses the image layout for a dataset without images', async () => {
    await expect(loadDataset('moons', { layout: 'image' })).rejects.toThrow('Moons is not an image dataset; use the flat layout');
  });

  it('uses the registry count and seed 0 by default', async () => {
    const moons = await loadDataset('moons');
    expect(moons.train.features.shape).toEqual([400, 2]);
    expect(moons.train).toEqual((await loadDataset('moons', { seed: 0 })).train);
  });

  it('reports a damaged shipped file by name and line', async () => {
    const iris = (text: string): ReadDatasetFile => memoryReader({ 'iris.csv': text });
    await expect(loadDataset('iris', { readFile: iris('x,4,a,b\n') })).rejects.toThrow('iris.csv, line 1: the first line must read "<samples>,<features>,<class names…>"');
    await expect(loadDataset('iris', { readFile: iris('2,4,a,b\n1,2,3,4,0\n1,2,3,4,1\n1,2,3,4,1\n') })).rejects.toThrow('iris.csv: the first line announces 2 samples but 3 follow');
    await expect(loadDataset('iris', { readFile: iris('1,4,a,b\n1,2,3,4,0\n5,6,7,oops,1\n') })).rejects.toThrow('iris.csv, line 3, column 4: "oops" is not a number');
    await expect(loadDataset('iris', { readFile: iris('2,4,a,b\n1,2,3,4,0\n1,2,3,4,2\n') })).rejects.toThrow('iris.csv: class indices 0, 2 do not match the 2 names on the first line');
    const digits = memoryReader({ 'uci-digits-8x8.csv.gz': new Uint8Array(gzipSync(`${'1,'.repeat(64)}12\n`)) });
    await expect(loadDataset('digits', { readFile: digits })).rejects.toThrow('uci-digits-8x8.csv.gz: expected the labels 0–9, found 12');
  });

  it('the Node reader serves plain file names only and says which file is missing', async () => {
    await expect(readFile('../registry.ts')).rejects.toThrow('../registry.ts: not the name of a shipped dataset file');
    await expect(readFile('missing.csv')).rejects.toThrow(/^missing\.csv: cannot read the shipped file \(ENOENT/);
  });
});
