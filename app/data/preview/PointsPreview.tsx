/**
 * 2-D points coloured by class (or by value, blue → orange, for regression), or 1-D regression data as x against
 * y. Drawn on a canvas: a few thousand points are one pass of arcs, with no DOM node per point.
 */
import { useEffect, useRef } from 'react';
import { classColour, type PreviewInput } from './preview-input.ts';

const SIZE = 300;
const MARGIN = 10;

function range(values: ArrayLike<number>, from: number, stride: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = from; i < values.length; i += stride) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  // A constant column still gets a visible span.
  return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
}

export function PointsPreview({ input }: { input: PreviewInput }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const { features, labels, task } = input;
    const n = features.shape[0]!;
    const twoD = features.shape[1] === 2;
    // The vertical axis: the second feature, or the regression target of 1-D data.
    const xs = features.data, ys = twoD ? features.data : labels.data;
    const xStride = twoD ? 2 : 1, yFrom = twoD ? 1 : 0, yStride = twoD ? 2 : 1;
    const [x0, x1] = range(xs, 0, xStride), [y0, y1] = range(ys, yFrom, yStride);
    const [v0, v1] = task === 'regression' && twoD ? range(labels.data, 0, labels.data.length / n) : [0, 1];
    const span = SIZE - 2 * MARGIN;
    context.clearRect(0, 0, SIZE, SIZE);
    for (let i = 0; i < n; i++) {
      const x = MARGIN + ((xs[i * xStride]! - x0) / (x1 - x0)) * span;
      const y = SIZE - MARGIN - ((ys[yFrom + i * yStride]! - y0) / (y1 - y0)) * span;
      if (task === 'classification') context.fillStyle = classColour(labels.data[i]!);
      else if (twoD) context.fillStyle = `hsl(${210 - 180 * ((labels.data[i * (labels.data.length / n)]! - v0) / (v1 - v0))} 70% 50%)`;
      else context.fillStyle = classColour(0);
      context.beginPath();
      context.arc(x, y, 2.5, 0, 2 * Math.PI);
      context.fill();
    }
  }, [input]);
  return <canvas ref={canvas} className="nl-data-preview__canvas" width={SIZE} height={SIZE} data-testid="data-preview-points" />;
}
