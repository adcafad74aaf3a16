/**
 * A folder of images with one sub-folder per class (`cats/001.png`, `dogs/a.jpg`, the layout of torchvision's
 * ImageFolder) as a dataset: every image resized to one size, features f32 [N, C, H, W] in [0, 1], labels the
 * 0-based index of the class folder in sorted order. Decoding is the caller's (the browser's image decoder); this
 * assembles already decoded RGBA pixels, so it is the same code in a worker, in Node and in tests.
 */
import type { HostTensor } from '../backends/backend.ts';
import { DataError } from './data-error.ts';
import { resizeBilinear } from './resize-image.ts';

export interface DecodedImage {
  /** The path inside the folder or zip, `class/file.png`. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  readonly rgba: Uint8Array | Uint8ClampedArray;
}

export interface ImageFolderOptions {
  /** The folder or zip's name, for messages. */
  readonly source: string;
  readonly height: number;
  readonly width: number;
  /** 1: grayscale (ITU-R BT.601 luma, as PIL's convert('L')), 3: RGB. */
  readonly channels: 1 | 3;
}

export interface ImageFolderData {
  readonly features: HostTensor;
  readonly labels: HostTensor;
  readonly classNames: readonly string[];
}

/** `a/b/cat/x.png` → class `cat`: the folder the file sits in. A common top folder (a zipped folder) is allowed. */
function classOf(path: string): string | undefined {
  const parts = path.split('/').filter((p) => p.length > 0);
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

export function imageFolderDataset(images: readonly DecodedImage[], options: ImageFolderOptions): ImageFolderData {
  const { source, height, width, channels } = options;
  if (!(Number.isInteger(height) && Number.isInteger(width) && height >= 1 && width >= 1 && height * width <= 1 << 20)) {
    throw new DataError(`the image size ${height}×${width} must be whole numbers from 1 to 1024×1024`, { file: source });
  }
  if (images.length === 0) throw new DataError('no images found: expect one sub-folder per class, e.g. cats/1.png, dogs/2.png', { file: source });
  const classes = new Set<string>();
  for (const image of images) {
    const name = classOf(image.path);
    if (!name) throw new DataError(`${image.path} is not inside a class folder (expected <class>/<file>)`, { file: source });
    if (image.rgba.length !== image.width * image.height * 4) {
      throw new DataError(`${image.path}: ${image.rgba.length} bytes of pixels for ${image.width}×${image.height} RGBA`, { file: source });
    }
    classes.add(name);
  }
  const classNames = [...classes].sort();
  if (classNames.length < 2) throw new DataError(`only one class folder (${classNames[0]}); a classifier needs at least two`, { file: source });
  const index = new Map(classNames.map((c, i) => [c, i]));
  const plane = height * width;
  const features = new Float32Array(images.length * channels * plane);
  const labels = new Int32Array(images.length);
  images.forEach((image, n) => {
    labels[n] = index.get(classOf(image.path)!)!;
    const rgb = resizeBilinear(image.rgba, image.width, image.height, width, height);
    const base = n * channels * plane;
    for (let p = 0; p < plane; p++) {
      const r = rgb[3 * p]!, g = rgb[3 * p + 1]!, b = rgb[3 * p + 2]!;
      if (channels === 1) features[base + p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
      else {
        features[base + p] = r / 255;
        features[base + plane + p] = g / 255;
        features[base + 2 * plane + p] = b / 255;
      }
    }
  });
  return {
    features: { shape: [images.length, channels, height, width], dtype: 'f32', data: features },
    labels: { shape: [images.length], dtype: 'i32', data: labels },
    classNames,
  };
}
