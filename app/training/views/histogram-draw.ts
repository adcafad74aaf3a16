/**
 * Canvas drawing for the histograms view: a tensor's distribution over time, and the per-layer gradient norms on a
 * log scale. The numbers come from histogram-over-time.ts and histogram-gradient-norms.ts; this only paints them.
 */
import type { ThemeColours } from '../../theme/theme-colours.ts';
import { rasterizeDistribution, type DistributionGrid } from './histogram-over-time.ts';
import { logPosition, type GradientNormSeries, type LogAxis } from './histogram-gradient-norms.ts';

interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Sizes the canvas for the screen's pixel ratio (sharp text) and returns a context that draws in CSS pixels. */
export function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

/** 0.000123 → "1.23e-4", 12.5 → "12.5": axis labels in a few characters. */
export function formatAxisValue(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  return abs >= 1e-2 && abs < 1e4 ? String(+v.toPrecision(3)) : v.toExponential(1).replace('e+', 'e');
}

const LABEL_FONT = '10px system-ui, sans-serif';

export function drawDistribution(canvas: HTMLCanvasElement, grid: DistributionGrid, colours: ThemeColours, width: number, height: number): void {
  const ctx = sizeCanvas(canvas, width, height);
  const plot: Area = { x: 46, y: 4, width: width - 50, height: height - 18 };
  const ratio = canvas.width / width;
  const px = Math.round(plot.x * ratio), py = Math.round(plot.y * ratio);
  const pw = Math.round(plot.width * ratio), ph = Math.round(plot.height * ratio);
  // The raster carries only opacity; `source-in` then paints it in the theme's accent colour.
  ctx.putImageData(new ImageData(rasterizeDistribution(grid, pw, ph), pw, ph), px, py);
  ctx.globalCompositeOperation = 'source-in';
  ctx.fillStyle = colours.accent;
  ctx.fillRect(plot.x, plot.y, plot.width, plot.height);
  ctx.globalCompositeOperation = 'source-over';
  ctx.strokeStyle = colours.border;
  ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.width + 1, plot.height + 1);
  ctx.font = LABEL_FONT;
  ctx.fillStyle = colours.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(formatAxisValue(grid.hi), plot.x - 4, plot.y);
  ctx.textBaseline = 'bottom';
  ctx.fillText(formatAxisValue(grid.lo), plot.x - 4, plot.y + plot.height);
  drawStepLabels(ctx, grid.steps, plot, height);
}

function drawStepLabels(ctx: CanvasRenderingContext2D, steps: readonly number[], plot: Area, height: number): void {
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(`step ${steps[0]}`, plot.x, height);
  ctx.textAlign = 'right';
  ctx.fillText(`${steps[steps.length - 1]}`, plot.x + plot.width, height);
}

/** The i-th of n layers' line colour: blue for the first layer to red for the last, readable on light and dark. */
export function layerColour(i: number, n: number): string {
  const t = n > 1 ? i / (n - 1) : 0;
  return `hsl(${Math.round(215 - 205 * t)} 70% 50%)`;
}

export function drawGradientNorms(
  canvas: HTMLCanvasElement, steps: readonly number[], series: readonly GradientNormSeries[], axis: LogAxis,
  colours: ThemeColours, width: number, height: number,
): void {
  const ctx = sizeCanvas(canvas, width, height);
  const plot: Area = { x: 46, y: 6, width: width - 54, height: height - 22 };
  const first = steps[0]!, span = Math.max(1, steps[steps.length - 1]! - first);
  const xOf = (step: number) => plot.x + ((step - first) / span) * plot.width;
  const yOf = (v: number) => plot.y + plot.height * (1 - logPosition(axis, v));
  ctx.font = LABEL_FONT;
  ctx.fillStyle = colours.muted;
  ctx.strokeStyle = colours.border;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  for (const tick of axis.ticks) {
    const y = Math.round(yOf(tick)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.width, y);
    ctx.stroke();
    ctx.fillText(formatAxisValue(tick), plot.x - 4, y);
  }
  drawStepLabels(ctx, steps, plot, height);
  ctx.lineWidth = 1.5;
  series.forEach((s, i) => {
    ctx.strokeStyle = layerColour(i, series.length);
    ctx.beginPath();
    let drawing = false;
    s.values.forEach((v, k) => {
      // A missing or zero norm breaks the line (log scale); a lone point still shows as a short tick.
      if (v === undefined || !(v > 0)) {
        drawing = false;
        return;
      }
      const x = xOf(steps[k]!), y = yOf(v);
      if (drawing) ctx.lineTo(x, y);
      else {
        ctx.moveTo(x - 1, y);
        ctx.lineTo(x + 1, y);
      }
      drawing = true;
    });
    ctx.stroke();
  });
}
