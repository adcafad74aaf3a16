/**
 * Resizing decoded RGBA images to RGB floats (0–255) of a fixed size. Sampling is bilinear at pixel centres
 * (align_corners=false); when shrinking, each output pixel first averages the box of source pixels it covers, so
 * a 256-pixel photo brought to 28 pixels does not alias. Alpha is composited over white (a transparent PNG's
 * background reads as paper).
 */

/** Source RGB at integer coordinates (clamped), alpha-composited over white. */
function pixel(rgba: ArrayLike<number>, width: number, height: number, x: number, y: number, c: number): number {
  const xi = Math.min(width - 1, Math.max(0, x)), yi = Math.min(height - 1, Math.max(0, y));
  const i = 4 * (yi * width + xi);
  const alpha = rgba[i + 3]! / 255;
  return rgba[i + c]! * alpha + 255 * (1 - alpha);
}

function bilinear(rgba: ArrayLike<number>, width: number, height: number, x: number, y: number, c: number): number {
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const fx = x - x0, fy = y - y0;
  const top = pixel(rgba, width, height, x0, y0, c) * (1 - fx) + pixel(rgba, width, height, x0 + 1, y0, c) * fx;
  const bottom = pixel(rgba, width, height, x0, y0 + 1, c) * (1 - fx) + pixel(rgba, width, height, x0 + 1, y0 + 1, c) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** RGB values 0–255, row-major [toHeight, toWidth, 3]. */
export function resizeBilinear(rgba: ArrayLike<number>, width: number, height: number, toWidth: number, toHeight: number): Float32Array {
  const out = new Float32Array(toWidth * toHeight * 3);
  const sx = width / toWidth, sy = height / toHeight;
  // Samples per output pixel along each axis: 1 when enlarging, the shrink factor (rounded up) when shrinking.
  const nx = Math.max(1, Math.ceil(sx)), ny = Math.max(1, Math.ceil(sy));
  for (let y = 0; y < toHeight; y++) {
    for (let x = 0; x < toWidth; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let j = 0; j < ny; j++) {
          for (let i = 0; i < nx; i++) {
            // Sample points spread evenly over the output pixel's footprint in the source.
            const u = (x + (i + 0.5) / nx) * sx - 0.5, v = (y + (j + 0.5) / ny) * sy - 0.5;
            sum += bilinear(rgba, width, height, u, v, c);
          }
        }
        out[3 * (y * toWidth + x) + c] = sum / (nx * ny);
      }
    }
  }
  return out;
}
