/**
 * A class-per-folder image dataset (a picked folder or a zip): each image decoded (by the browser's decoder in the
 * page), then resized and stacked by the engine's imageFolderDataset into f32 [N, C, H, W] in [0, 1].
 */
import { DataError } from '../../../engine/data/data-error.ts';
import { imageFolderDataset, type DecodedImage } from '../../../engine/data/image-folder.ts';
import type { LocalDataset } from '../local-dataset.ts';
import type { ImageEntry } from './image-entries.ts';

/** Pixels of one image file: RGBA rows. Throws when the bytes are not an image. */
export type DecodeImage = (bytes: Uint8Array) => Promise<Omit<DecodedImage, 'path'>>;

export interface ImageFolderChoice {
  /** The folder's or zip's name. */
  readonly source: string;
  /** Every image is resized to size × size. */
  readonly size: number;
  readonly channels: 1 | 3;
}

/** Features past this many values (1 GiB of f32) would not fit a browser tab's memory comfortably. */
const MAX_FEATURE_VALUES = 2 ** 28;

export async function loadImageFolder(entries: readonly ImageEntry[], choice: ImageFolderChoice, decode: DecodeImage): Promise<LocalDataset> {
  const { source, size, channels } = choice;
  const values = entries.length * channels * size * size;
  if (values > MAX_FEATURE_VALUES) {
    throw new DataError(`${entries.length} images of ${channels}×${size}×${size} are ${values} values, more than this page can hold (${MAX_FEATURE_VALUES}); choose a smaller size`, { file: source });
  }
  const images: DecodedImage[] = [];
  for (const entry of entries) {
    let pixels: Omit<DecodedImage, 'path'>;
    try {
      pixels = await decode(await entry.bytes());
    } catch (error) {
      throw new DataError(`${entry.path} is not an image the browser can decode (${(error as Error).message})`, { file: source });
    }
    images.push({ path: entry.path, ...pixels });
  }
  const data = imageFolderDataset(images, { source, height: size, width: size, channels });
  return {
    name: source,
    description: `${images.length} images of ${source} in ${data.classNames.length} classes, resized to ${channels}×${size}×${size}`,
    task: 'classification',
    data: { train: { features: data.features, labels: data.labels } },
    classNames: data.classNames,
  };
}
