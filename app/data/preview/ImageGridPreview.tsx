/**
 * The first images of a dataset in a grid, at their own resolution on the canvas (CSS scales it up without
 * smoothing), with values in [0, 1] as grey or RGB.
 */
import { useEffect, useRef } from 'react';
import type { PreviewInput } from './preview-input.ts';

const COLUMNS = 8;
const ROWS = 4;
const GAP = 1;

export function ImageGridPreview({ input, image }: { input: PreviewInput; image: readonly [number, number, number] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [channels, height, width] = image;
  const count = Math.min(COLUMNS * ROWS, input.features.shape[0]!);
  const columns = Math.min(COLUMNS, count);
  const rows = Math.ceil(count / columns);
  const canvasWidth = columns * (width + GAP) - GAP, canvasHeight = rows * (height + GAP) - GAP;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const pixels = context.createImageData(canvasWidth, canvasHeight);
    const plane = height * width;
    const data = input.features.data;
    for (let n = 0; n < count; n++) {
      const left = (n % columns) * (width + GAP), top = Math.floor(n / columns) * (height + GAP);
      for (let p = 0; p < plane; p++) {
        const at = 4 * ((top + Math.floor(p / width)) * canvasWidth + left + (p % width));
        for (let c = 0; c < 3; c++) pixels.data[at + c] = 255 * data[n * channels * plane + (channels === 3 ? c * plane : 0) + p]!;
        pixels.data[at + 3] = 255;
      }
    }
    context.putImageData(pixels, 0, 0);
  }, [input, count, columns, channels, height, width, canvasWidth, canvasHeight]);
  const names = input.classNames;
  const labels = Array.from(input.labels.data.subarray(0, count), (l) => names?.[l] ?? String(l));
  return (
    <canvas
      ref={canvas} className="nl-data-preview__canvas nl-data-preview__canvas--pixels" width={canvasWidth} height={canvasHeight}
      data-testid="data-preview-images" aria-label={`the first ${count} images, labelled ${labels.join(', ')}`}
    />
  );
}
