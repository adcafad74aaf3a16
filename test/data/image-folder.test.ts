/** Image folders (one sub-folder per class) as datasets: resizing, channels, labels, and the errors users see. */
import { describe, expect, it } from 'vitest';
import { imageFolderDataset, type DecodedImage } from '../../engine/data/image-folder.ts';
import { resizeBilinear } from '../../engine/data/resize-image.ts';
import { dataErrorMessage } from './data-error-message.ts';

const rgba = (pixels: readonly (readonly [number, number, number, number])[]) => Uint8Array.from(pixels.flat());
const solid = (path: string, r: number, g: number, b: number, size = 3): DecodedImage => ({
  path, width: size, height: size, rgba: rgba(Array.from({ length: size * size }, () => [r, g, b, 255] as const)),
});

describe('resizeBilinear', () => {
  it('keeps an image of the same size as it is', () => {
    const image = rgba([[10, 20, 30, 255], [40, 50, 60, 255], [70, 80, 90, 255], [100, 110, 120, 255]]);
    expect(Array.from(resizeBilinear(image, 2, 2, 2, 2))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
  });
  it('averages the pixels an output pixel covers when shrinking', () => {
    const image = rgba([[0, 0, 0, 255], [100, 0, 0, 255], [200, 0, 0, 255], [100, 0, 40, 255]]);
    expect(Array.from(resizeBilinear(image, 2, 2, 1, 1))).toEqual([100, 0, 10]);
  });
  it('composites transparent pixels over white', () => {
    expect(Array.from(resizeBilinear(rgba([[0, 0, 0, 0]]), 1, 1, 1, 1))).toEqual([255, 255, 255]);
    expect(Array.from(resizeBilinear(rgba([[0, 0, 0, 51]]), 1, 1, 1, 1))).toEqual([204, 204, 204]);
  });
});

describe('imageFolderDataset', () => {
  it('numbers class folders in sorted order and scales pixels to [0, 1] in [N, C, H, W]', () => {
    const data = imageFolderDataset([solid('pets/dogs/a.png', 255, 0, 0), solid('pets/cats/b.png', 0, 51, 255), solid('pets/dogs/c.png', 0, 0, 0)],
      { source: 'pets.zip', height: 2, width: 2, channels: 3 });
    expect(data.classNames).toEqual(['cats', 'dogs']);
    expect(Array.from(data.labels.data)).toEqual([1, 0, 1]);
    expect(data.features.shape).toEqual([3, 3, 2, 2]);
    expect(Array.from(data.features.data.subarray(12, 24))).toEqual([0, 0, 0, 0, ...new Array(4).fill(Math.fround(0.2)), 1, 1, 1, 1]);
  });
  it('converts to grayscale with the BT.601 luma weights', () => {
    const data = imageFolderDataset([solid('a/1.png', 255, 0, 0), solid('b/2.png', 0, 255, 0)], { source: 'x', height: 1, width: 1, channels: 1 });
    expect(data.features.data[0]).toBeCloseTo(0.299, 6);
    expect(data.features.data[1]).toBeCloseTo(0.587, 6);
  });
  it('names the problem: a file outside a class folder, a single class, wrong pixel data, nothing at all, a bad size', () => {
    const options = { source: 'photos', height: 8, width: 8, channels: 3 } as const;
    expect(dataErrorMessage(() => imageFolderDataset([solid('a/1.png', 0, 0, 0), solid('loose.png', 0, 0, 0)], options)))
      .toBe('photos: loose.png is not inside a class folder (expected <class>/<file>)');
    expect(dataErrorMessage(() => imageFolderDataset([solid('a/1.png', 0, 0, 0), solid('a/2.png', 0, 0, 0)], options)))
      .toBe('photos: only one class folder (a); a classifier needs at least two');
    expect(dataErrorMessage(() => imageFolderDataset([{ path: 'a/1.png', width: 2, height: 2, rgba: new Uint8Array(3) }], options)))
      .toBe('photos: a/1.png: 3 bytes of pixels for 2×2 RGBA');
    expect(dataErrorMessage(() => imageFolderDataset([], options))).toMatch(/^photos: no images found/);
    expect(dataErrorMessage(() => imageFolderDataset([solid('a/1.png', 0, 0, 0)], { ...options, height: 0 }))).toMatch(/image size 0×8/);
  });
});
