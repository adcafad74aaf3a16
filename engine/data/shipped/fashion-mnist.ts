/**
 * Fashion-MNIST (Zalando Research), the first 10,000 training and 2,000 test images: 28×28 grey levels 0–255 in
 * gzipped IDX files, scaled to [0, 1] and flattened to 784 values, labels 0–9.
 */
import type { HostTensor } from '../../backends/backend.ts';
import { DataError } from '../data-error.ts';
import { readIdx } from '../idx.ts';
import type { DatasetSplit, ReadDatasetFile } from '../loaded-dataset.ts';
import type { ShippedLoader } from './shipped-loader.ts';

const SIDE = 28;
const GREY_LEVELS = 255;
const CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

const SPLITS = {
  train: { images: 'fashion-mnist-train-10k-images-idx3-ubyte.gz', labels: 'fashion-mnist-train-10k-labels-idx1-ubyte.gz' },
  test: { images: 'fashion-mnist-test-2k-images-idx3-ubyte.gz', labels: 'fashion-mnist-test-2k-labels-idx1-ubyte.gz' },
} as const;

function expectShape(tensor: HostTensor, shape: readonly number[], file: string): void {
  if (tensor.dtype !== 'i32' || tensor.shape.join() !== shape.join()) {
    throw new DataError(`expected ${shape.length === 1 ? 'labels' : 'images'} of unsigned bytes [${shape.join(',')}], found ${tensor.dtype} [${tensor.shape.join(',')}]`, { file });
  }
}

async function loadSplit(read: ReadDatasetFile, files: { readonly images: string; readonly labels: string }): Promise<DatasetSplit> {
  const images = await readIdx(await read(files.images), files.images);
  const labels = await readIdx(await read(files.labels), files.labels);
  const count = images.shape[0] ?? 0;
  expectShape(images, [count, SIDE, SIDE], files.images);
  expectShape(labels, [count], files.labels);
  const outOfRange = labels.data.findIndex((label) => label >= CLASS_NAMES.length);
  if (outOfRange >= 0) throw new DataError(`label ${outOfRange} is ${labels.data[outOfRange]}, not a class 0–${CLASS_NAMES.length - 1}`, { file: files.labels });
  const pixels = new Float32Array(images.data.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = images.data[i]! / GREY_LEVELS;
  return { features: { shape: [count, SIDE * SIDE], dtype: 'f32', data: pixels }, labels };
}

export const fashionMnistLoader: ShippedLoader = {
  files: Object.values(SPLITS).flatMap((s) => [s.images, s.labels]),
  async load(read) {
    const [train, test] = await Promise.all([loadSplit(read, SPLITS.train), loadSplit(read, SPLITS.test)]);
    return { train, test, classNames: CLASS_NAMES };
  },
};
