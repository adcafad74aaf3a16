/**
 * The decision boundary's heat map: each grid cell gets the class colours mixed by the model's probabilities, and an
 * opacity that grows with its confidence, so sure regions are strong, the boundary fades towards the panel
 * behind the canvas, and the training points drawn on top stay visible.
 */
import type { DecisionGrid } from '../../../engine/train/probes.ts';
import { categoryRgb } from './category-colours.ts';

/** Opacity of a cell where the classes are tied, and of a certain one. */
const FAINTEST = 0.12;
const STRONGEST = 0.7;

/**
 * RGBA bytes of a `resolution`×`resolution` image whose top row is the grid's highest y (the grid's row j = 0 is
 * its lowest y, an image's row 0 is its top).
 */
export function decisionGridRgba(grid: DecisionGrid): Uint8ClampedArray<ArrayBuffer> {
  const { resolution: n, classes, probabilities } = grid;
  const colours = Array.from({ length: classes }, (_, k) => categoryRgb(k));
  const rgba = new Uint8ClampedArray(n * n * 4);
  for (let j = 0; j < n; j++) {
    const imageRow = n - 1 - j;
    for (let i = 0; i < n; i++) {
      const cell = j * n + i;
      let r = 0, g = 0, b = 0, best = 0;
      for (let k = 0; k < classes; k++) {
        const p = probabilities[cell * classes + k]!;
        r += p * colours[k]![0];
        g += p * colours[k]![1];
        b += p * colours[k]![2];
        best = Math.max(best, p);
      }
      // How far the winner is from a tie (1/classes) towards certainty (1).
      const confidence = classes > 1 ? Math.max(0, (best - 1 / classes) / (1 - 1 / classes)) : 1;
      const at = (imageRow * n + i) * 4;
      rgba[at] = r;
      rgba[at + 1] = g;
      rgba[at + 2] = b;
      rgba[at + 3] = 255 * (FAINTEST + (STRONGEST - FAINTEST) * confidence);
    }
  }
  return rgba;
}

export interface GridCell {
  readonly predicted: number;
  /** The predicted class's probability. */
  readonly probability: number;
}

/** The most probable class at the cell containing (x, y), or undefined outside the grid. */
export function gridCellAt(grid: DecisionGrid, x: number, y: number): GridCell | undefined {
  const n = grid.resolution;
  const i = Math.floor(((x - grid.x.min) / (grid.x.max - grid.x.min)) * n);
  const j = Math.floor(((y - grid.y.min) / (grid.y.max - grid.y.min)) * n);
  if (i < 0 || i >= n || j < 0 || j >= n) return undefined;
  const p = grid.probabilities.subarray((j * n + i) * grid.classes, (j * n + i + 1) * grid.classes);
  let predicted = 0;
  // First maximum wins, like the metrics' argmax.
  for (let k = 1; k < grid.classes; k++) if (p[k]! > p[predicted]!) predicted = k;
  return { predicted, probability: p[predicted]! };
}
