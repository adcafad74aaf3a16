/**
 * Feature maps as one image: a [C,H,W] output tiled into a grid of its C maps, one pixel per value with a one-pixel
 * gap, each map stretched over its own min..max (a map's pattern matters, not its scale beside the others) through a
 * viridis-like colour map that reads on light and dark panels alike. A heat map is the one-map case. The canvas shows
 * the image at `scale` CSS pixels per value, without smoothing.
 */
import { finiteRange } from './node-output-presentation.ts';

export interface TileLayout {
  readonly columns: number;
  readonly rows: number;
  /** CSS pixels per value. */
  readonly scale: number;
  /** The image's size in values and gaps. */
  readonly width: number;
  readonly height: number;
}

/** Maps this size on screen at least: small maps (8×8 digits) are enlarged, 28×28 ones doubled. */
const TARGET_MAP_PX = 56;
const MAX_SCALE = 8;

export function tileLayout(channels: number, height: number, width: number, maxWidthPx: number): TileLayout {
  const scale = Math.max(1, Math.min(MAX_SCALE, Math.floor(TARGET_MAP_PX / Math.max(height, width))));
  const columns = Math.max(1, Math.min(channels, Math.floor((maxWidthPx / scale + 1) / (width + 1))));
  const rows = Math.ceil(channels / columns);
  return { columns, rows, scale, width: columns * (width + 1) - 1, height: rows * (height + 1) - 1 };
}

const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]] as const;

/** The colour map at t in 0..1, linear between five viridis stops. */
export function colourAt(t: number): readonly [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x)), f = x - i;
  const a = STOPS[i]!, b = STOPS[i + 1]!;
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}

/** RGBA bytes of the tiled maps; gaps and non-finite values stay transparent. */
export function tileFeatureMaps(values: ArrayLike<number>, channels: number, height: number, width: number, layout: TileLayout): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(layout.width * layout.height * 4);
  const plane = height * width;
  for (let c = 0; c < channels; c++) {
    const { min, max } = finiteRange(values, c * plane, (c + 1) * plane);
    // A constant map (a dead ReLU channel, say) shows the colour map's middle instead of dividing by zero.
    const scale = max > min ? 1 / (max - min) : 0;
    const left = (c % layout.columns) * (width + 1), top = Math.floor(c / layout.columns) * (height + 1);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = values[c * plane + y * width + x]!;
        if (!Number.isFinite(v)) continue;
        const [r, g, b] = colourAt(scale ? (v - min) * scale : 0.5);
        const at = ((top + y) * layout.width + left + x) * 4;
        rgba[at] = r;
        rgba[at + 1] = g;
        rgba[at + 2] = b;
        rgba[at + 3] = 255;
      }
    }
  }
  return rgba;
}
