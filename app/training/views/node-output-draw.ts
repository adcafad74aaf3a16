/**
 * Canvas drawing for the node-output view: a vector as bars around zero, class probabilities as labelled bars
 * (most likely first, the true class marked), and RGBA images (feature-map tiles, heat maps, the input image)
 * shown at a whole number of CSS pixels per value.
 */
import { formatAxisValue, sizeCanvas } from './histogram-draw.ts';
import { finiteRange, topIndices } from './node-output-presentation.ts';
import type { ThemeColours } from '../../theme/theme-colours.ts';

const LABEL_FONT = '11px system-ui, sans-serif';

/**
 * Puts `rgba` (width × height values) on the canvas at its own resolution; CSS scales it up without smoothing. Only
 * the CSS width is set: the height follows the canvas's aspect ratio, also when the stylesheet narrows it to fit.
 */
export function drawImage(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray<ArrayBuffer>, width: number, height: number, scale: number): void {
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${width * scale}px`;
  canvas.getContext('2d')!.putImageData(new ImageData(rgba, width, height), 0, 0);
}

export function drawBars(canvas: HTMLCanvasElement, values: ArrayLike<number>, colours: ThemeColours, width: number, height: number): void {
  const ctx = sizeCanvas(canvas, width, height);
  const plot = { x: 46, y: 4, width: width - 50, height: height - 8 };
  const { min, max } = finiteRange(values);
  // Zero is always on the axis, so the sign of every bar reads at a glance.
  const lo = Math.min(0, min), hi = Math.max(0, max) > lo ? Math.max(0, max) : lo + 1;
  const yOf = (v: number) => plot.y + (plot.height * (hi - v)) / (hi - lo);
  const zero = yOf(0), barWidth = plot.width / values.length;
  ctx.fillStyle = colours.accent;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const y = yOf(v);
    // Bars wider than a few pixels get a gap, so neighbours stay apart.
    ctx.fillRect(plot.x + i * barWidth, Math.min(y, zero), Math.max(0.5, barWidth > 3 ? barWidth - 1 : barWidth), Math.max(0.5, Math.abs(y - zero)));
  }
  ctx.strokeStyle = colours.border;
  ctx.beginPath();
  ctx.moveTo(plot.x, Math.round(zero) + 0.5);
  ctx.lineTo(plot.x + plot.width, Math.round(zero) + 0.5);
  ctx.stroke();
  ctx.font = LABEL_FONT;
  ctx.fillStyle = colours.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(formatAxisValue(hi), plot.x - 4, plot.y);
  ctx.textBaseline = 'bottom';
  ctx.fillText(formatAxisValue(lo), plot.x - 4, plot.y + plot.height);
}

export const PROBABILITY_ROWS = 10;
const ROW_PX = 16;

export function probabilitiesHeight(classes: number): number {
  return Math.min(classes, PROBABILITY_ROWS) * ROW_PX + 4;
}

/** The most likely classes, one row each: name, a bar of its probability, the percentage; the true class in bold. */
export function drawProbabilities(
  canvas: HTMLCanvasElement, probabilities: ArrayLike<number>, name: (index: number) => string, truth: number | undefined,
  colours: ThemeColours, width: number,
): void {
  const shown = topIndices(probabilities, PROBABILITY_ROWS);
  const ctx = sizeCanvas(canvas, width, probabilitiesHeight(probabilities.length));
  const labelWidth = 110, percentWidth = 48, barSpace = width - labelWidth - percentWidth;
  ctx.textBaseline = 'middle';
  shown.forEach((k, row) => {
    const y = 2 + row * ROW_PX, middle = y + ROW_PX / 2, p = probabilities[k]!;
    ctx.font = k === truth ? `bold ${LABEL_FONT}` : LABEL_FONT;
    ctx.fillStyle = colours.text;
    ctx.textAlign = 'right';
    ctx.fillText(k === truth ? `✓ ${name(k)}` : name(k), labelWidth - 6, middle, labelWidth - 8);
    ctx.fillStyle = colours.border;
    ctx.fillRect(labelWidth, y + 3, barSpace, ROW_PX - 6);
    ctx.fillStyle = colours.accent;
    ctx.fillRect(labelWidth, y + 3, barSpace * p, ROW_PX - 6);
    ctx.fillStyle = colours.muted;
    ctx.textAlign = 'left';
    ctx.fillText(`${(100 * p).toFixed(1)}%`, labelWidth + barSpace + 6, middle);
  });
}
