/**
 * One sample's image features as RGBA bytes for a canvas: [C,H,W] (channels first, as the data and the graph have
 * them; a flat row is the same numbers), grey for one channel, RGB for three (any other count shows its first
 * channel in grey), each image stretched over its own min..max so normalised data (negative values, any scale)
 * still shows its contrast.
 */

export function imageToRgba(features: ArrayLike<number>, offset: number, [channels, height, width]: readonly [number, number, number]): Uint8ClampedArray<ArrayBuffer> {
  const size = channels * height * width, plane = height * width;
  let min = Infinity, max = -Infinity;
  for (let i = offset; i < offset + size; i++) {
    const v = features[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A flat image (all one value) draws mid-grey instead of dividing by zero.
  const scale = max > min ? 255 / (max - min) : 0;
  const level = (i: number): number => (scale ? (features[offset + i]! - min) * scale : 128);
  const rgb = channels === 3;
  const rgba = new Uint8ClampedArray(plane * 4);
  for (let p = 0; p < plane; p++) {
    const grey = level(p);
    rgba[4 * p] = grey;
    rgba[4 * p + 1] = rgb ? level(plane + p) : grey;
    rgba[4 * p + 2] = rgb ? level(2 * plane + p) : grey;
    rgba[4 * p + 3] = 255;
  }
  return rgba;
}
