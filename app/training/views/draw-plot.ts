/**
 * Canvas drawing shared by the model-behaviour plots (decision boundary, fitted curve): a crisp canvas at the
 * screen's pixel ratio, the frame with tick labels, and points. One canvas per plot, redrawn whole: a few thousand
 * points and a 60×60 heat map take about a millisecond.
 */
import { niceTicks, tickLabel, toPixelX, toPixelY, type PlotFrame, type Range } from './plot-scale.ts';
import type { ThemeColours } from '../../theme/theme-colours.ts';

/** Room for the y tick labels on the left and the x tick labels below. */
const MARGIN = { left: 46, right: 10, top: 10, bottom: 26 } as const;

/** Sizes the canvas's backing store for the device pixel ratio and returns a context drawing in CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

export function plotFrame(width: number, height: number, x: Range, y: Range): PlotFrame {
  return { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom, x, y };
}

export function drawAxes(ctx: CanvasRenderingContext2D, frame: PlotFrame, colours: ThemeColours): void {
  ctx.strokeStyle = colours.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(frame.left + 0.5, frame.top + 0.5, frame.width - 1, frame.height - 1);
  ctx.fillStyle = colours.muted;
  ctx.font = '11px system-ui, sans-serif';
  const xTicks = niceTicks(frame.x, Math.max(2, Math.floor(frame.width / 60)));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xTicks) {
    const px = toPixelX(frame, t);
    ctx.fillRect(px, frame.top + frame.height, 1, 4);
    ctx.fillText(tickLabel(t, xTicks), px, frame.top + frame.height + 6);
  }
  const yTicks = niceTicks(frame.y, Math.max(2, Math.floor(frame.height / 40)));
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks) {
    const py = toPixelY(frame, t);
    ctx.fillRect(frame.left - 4, py, 4, 1);
    ctx.fillText(tickLabel(t, yTicks), frame.left - 6, py);
  }
}

/** Points at (xs[i], ys[i]), filled with `colourOf(i)` and ringed in `ring` so they stand out on any background. */
export function drawPoints(ctx: CanvasRenderingContext2D, frame: PlotFrame, xs: ArrayLike<number>, ys: ArrayLike<number>, colourOf: (i: number) => string, ring: string): void {
  ctx.lineWidth = 1;
  ctx.strokeStyle = ring;
  for (let i = 0; i < xs.length; i++) {
    ctx.beginPath();
    ctx.arc(toPixelX(frame, xs[i]!), toPixelY(frame, ys[i]!), 3, 0, 2 * Math.PI);
    ctx.fillStyle = colourOf(i);
    ctx.fill();
    ctx.stroke();
  }
}

/** The image (one pixel per cell) stretched over the frame, smoothed so the cells blend into a continuous map. */
export function drawHeatMap(ctx: CanvasRenderingContext2D, frame: PlotFrame, image: ImageData, scratch: HTMLCanvasElement): void {
  scratch.width = image.width;
  scratch.height = image.height;
  scratch.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scratch, frame.left, frame.top, frame.width, frame.height);
}

/** A polyline through (xs[i], ys[i]); non-finite values break the line. */
export function drawLine(ctx: CanvasRenderingContext2D, frame: PlotFrame, xs: ArrayLike<number>, ys: ArrayLike<number>, colour: string): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  let drawing = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(ys[i]!)) {
      drawing = false;
      continue;
    }
    const px = toPixelX(frame, xs[i]!), py = toPixelY(frame, ys[i]!);
    if (drawing) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    drawing = true;
  }
  ctx.stroke();
}
