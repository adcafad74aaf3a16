/**
 * MNIST-style IDX files, gzipped or not (the engine's reader): an images file [N, H, W] (or [N, D] vectors) and a
 * labels file [N] of class indices. Byte images are scaled to [0, 1] as the built-in Fashion-MNIST is; images
 * become [N, 1, H, W] for convolutions.
 */
import { DataError } from '../../../engine/data/data-error.ts';
import { readIdx } from '../../../engine/data/idx.ts';
import type { LocalDataset } from '../local-dataset.ts';
import type { NamedBytes } from './load-npy.ts';

export async function loadIdx(images: NamedBytes, labels: NamedBytes): Promise<LocalDataset> {
  const x = await readIdx(images.bytes, images.name);
  const y = await readIdx(labels.bytes, labels.name);
  const [samples, ...sample] = x.shape;
  if (sample.length === 0 || sample.length > 3) {
    throw new DataError(`expected images [N, H, W] (or vectors [N, D]), not [${x.shape.join(',')}]`, { file: images.name });
  }
  if (y.shape.length !== 1 || y.dtype !== 'i32') throw new DataError(`labels must be one class index per image, [N] of integers, not ${y.dtype} [${y.shape.join(',')}]`, { file: labels.name });
  if (y.shape[0] !== samples) throw new DataError(`${y.shape[0]} labels for the ${samples} images of ${images.name}`, { file: labels.name });
  const labelData = y.data as Int32Array;
  const negative = labelData.findIndex((v) => v < 0);
  if (negative >= 0) throw new DataError(`label ${negative} is ${labelData[negative]}; class indices start at 0`, { file: labels.name });

  // Integer pixels are bytes (0–255 in MNIST); float files are taken as they are.
  const scale = x.dtype === 'i32' ? 1 / 255 : 1;
  const features = Float32Array.from(x.data, (v) => v * scale);
  const shape = sample.length === 2 ? [samples!, 1, ...sample] : x.shape;
  return {
    name: images.name,
    description: `${samples} ${sample.length === 1 ? 'vectors' : 'images'} from ${images.name} with labels from ${labels.name}`,
    task: 'classification',
    data: { train: { features: { shape, dtype: 'f32', data: features }, labels: { shape: [samples!], dtype: 'i32', data: labelData } } },
  };
}
