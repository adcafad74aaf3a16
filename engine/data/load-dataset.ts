/**
 * The one entry point for built-in data: generates or reads a dataset, then checks that it has exactly the shapes
 * and types the registry promised the editor.
 */
import type { HostTensor } from '../backends/backend.ts';
import { SeededRandom } from '../train/seeded-random.ts';
import { DataError } from './data-error.ts';
import type { DatasetSplit, LoadedDataset, ReadDatasetFile } from './loaded-dataset.ts';
import { findDataset, DATASET_IDS, type DatasetInfo } from './registry.ts';
import { DATASET_SOURCES } from './sources.ts';

export interface LoadDatasetOptions {
  /** Seed of generated datasets (default 0); shipped files are always the same. */
  readonly seed?: number;
  /** Generated datasets: how many samples (default: the registry's count). Shipped ones: keep the first this many training samples. */
  readonly samples?: number;
  /** Needed by datasets read from shipped files (engine/data/node-files.ts in Node, a fetch in the browser). */
  readonly readFile?: ReadDatasetFile;
  /** As the Dataset node's layout: image datasets come flat [N, 784] (default) or as images [N, 1, 28, 28]. */
  readonly layout?: 'flat' | 'image';
}

export async function loadDataset(id: string, options: LoadDatasetOptions = {}): Promise<LoadedDataset> {
  const info = findDataset(id);
  const source = DATASET_SOURCES.get(id);
  if (!info || !source) throw new DataError(`no built-in dataset ${JSON.stringify(id)}; choose one of ${DATASET_IDS.join(', ')}`);
  const { samples, seed = 0 } = options;
  if (samples !== undefined && (!Number.isSafeInteger(samples) || samples < 1)) {
    throw new DataError(`${id}: samples must be a positive integer, not ${samples}`);
  }

  let loaded: LoadedDataset;
  if (source.kind === 'generated') {
    const train = source.generate(new SeededRandom(seed, id), samples ?? info.samples);
    loaded = { info, train };
  } else {
    if (!options.readFile) throw new DataError(`${id} is read from shipped files (${source.loader.files.join(', ')}); pass readFile`);
    const data = await source.loader.load(options.readFile);
    const available = data.train.labels.shape[0]!;
    if (samples !== undefined && samples > available) throw new DataError(`${id} has ${available} training samples, fewer than the ${samples} asked for`);
    const train = samples === undefined ? data.train : firstSamples(data.train, samples);
    loaded = { info, train, ...(data.test ? { test: data.test } : {}), classNames: data.classNames };
  }
  checkAgainstRegistry(info, loaded.train);
  if (loaded.test) checkAgainstRegistry(info, loaded.test);
  if (options.layout !== 'image') return loaded;
  const image = info.image;
  if (!image) throw new DataError(`${info.label} is not an image dataset; use the flat layout`);
  return { ...loaded, train: asImages(loaded.train, image), ...(loaded.test ? { test: asImages(loaded.test, image) } : {}) };
}

/** The same data viewed as images [N, C, H, W] (row-major flat pixels are already in that order). */
function asImages(split: DatasetSplit, image: readonly [number, number, number]): DatasetSplit {
  return { ...split, features: { ...split.features, shape: [split.features.shape[0]!, ...image] } };
}

function firstSamples(split: DatasetSplit, count: number): DatasetSplit {
  const take = (t: HostTensor): HostTensor => {
    const perSample = t.data.length / t.shape[0]!;
    return { shape: [count, ...t.shape.slice(1)], dtype: t.dtype, data: t.data.slice(0, count * perSample) };
  };
  return { features: take(split.features), labels: take(split.labels) };
}

/**
 * Throws unless the split has exactly the registry's shapes and types. A mismatch is a bug in a generator or a
 * damaged shipped file: the editor has already shown the registry's shapes on the Dataset node's edges.
 */
export function checkAgainstRegistry(info: DatasetInfo, split: DatasetSplit): void {
  const count = split.features.shape[0];
  const check = (what: string, tensor: HostTensor, spec: DatasetInfo['features']): void => {
    const shape = [count, ...spec.shape];
    const array = spec.dtype === 'i32' ? Int32Array : Float32Array;
    if (tensor.dtype !== spec.dtype || !(tensor.data instanceof array) || tensor.shape.join() !== shape.join()) {
      throw new DataError(`${info.id}: ${what} are ${tensor.dtype} [${tensor.shape.join(',')}] (${tensor.data.constructor.name}) but the registry promises ${spec.dtype} [${shape.join(',')}] (${array.name})`);
    }
  };
  check('features', split.features, info.features);
  check('labels', split.labels, info.labels);
}
