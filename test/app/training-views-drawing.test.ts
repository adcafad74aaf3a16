/** The pure arithmetic behind the model-behaviour views: axes, the decision map's colours, images, confusion shading, splits. */
import { describe, expect, it } from 'vitest';
import type { DecisionGrid } from '../../engine/train/probes.ts';
import type { DataSummary } from '../../app/training/protocol.ts';
import { boundaryMode } from '../../app/training/views/boundary-mode.ts';
import { categoryRgb } from '../../app/training/views/category-colours.ts';
import { classLabel } from '../../app/training/views/class-label.ts';
import { cellIsDark, cellOpacity, confusionRows } from '../../app/training/views/confusion-shading.ts';
import { decisionGridRgba, gridCellAt } from '../../app/training/views/decision-colours.ts';
import { availableSplits, defaultSplit, splitSamples } from '../../app/training/views/default-split.ts';
import { imageToRgba } from '../../app/training/views/image-rgba.ts';
import { column, niceTicks, paddedRange, tickLabel, toDataX, toDataY, toPixelX, toPixelY, type PlotFrame } from '../../app/training/views/plot-scale.ts';

const summary = (overrides: Partial<DataSummary>): DataSummary => ({ node: 'data', trainSamples: 100, validationSamples: 0, testSamples: 0, featureShape: [2], ...overrides });

describe('plot scales', () => {
  it('picks ticks at 1, 2 or 5 × 10ⁿ inside the range, without float noise', () => {
    expect(niceTicks({ min: 0, max: 1 }, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks({ min: -3.3, max: 3.3 }, 6)).toEqual([-2, 0, 2]);
    expect(niceTicks({ min: 0.1, max: 0.35 }, 6)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(niceTicks({ min: 0.1, max: 0.35 }, 5)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks({ min: 120, max: 980 }, 4)).toEqual([200, 400, 600, 800]);
    expect(niceTicks({ min: 1, max: 1 })).toEqual([]);
  });

  it('labels ticks with the decimals their step needs and a real minus sign', () => {
    expect([-0.5, 0, 0.5].map((t, _i, all) => tickLabel(t, all))).toEqual(['−0.5', '0.0', '0.5']);
    expect([-2, 0, 2].map((t, _i, all) => tickLabel(t, all))).toEqual(['−2', '0', '2']);
    // A tick that rounds to zero has no sign.
    expect(tickLabel(-0.001, [-1, 0, 1])).toBe('0');
  });

  it('maps data to pixels with y upwards, and back', () => {
    const frame: PlotFrame = { left: 10, top: 20, width: 100, height: 50, x: { min: -1, max: 1 }, y: { min: 0, max: 10 } };
    expect([toPixelX(frame, -1), toPixelX(frame, 0), toPixelX(frame, 1)]).toEqual([10, 60, 110]);
    expect([toPixelY(frame, 0), toPixelY(frame, 10)]).toEqual([70, 20]);
    expect(toDataX(frame, 85)).toBeCloseTo(0.5);
    expect(toDataY(frame, 45)).toBeCloseTo(5);
  });

  it('pads a range each side, skipping non-finite values; a flat range still has a width', () => {
    expect(paddedRange([2, NaN, 4, Infinity], 0.5)).toEqual({ min: 1, max: 5 });
    expect(paddedRange([3, 3], 0.25)).toEqual({ min: 2.75, max: 3.25 });
    expect(paddedRange([])).toBeUndefined();
  });

  it('takes one column of row-major points', () => {
    expect(Array.from(column([1, 2, 3, 4, 5, 6], 1, 2))).toEqual([2, 4, 6]);
  });
});

describe('the decision map', () => {
  // 2×2 grid, two classes: row j = 0 is the lowest y. Cells: (0,0) sure of class 0, (1,0) tied, (0,1) sure of 1, (1,1) 0.75 class 1.
  const grid: DecisionGrid = {
    x: { min: 0, max: 2 }, y: { min: 0, max: 2 }, resolution: 2, classes: 2,
    probabilities: Float32Array.from([1, 0, 0.5, 0.5, 0, 1, 0.25, 0.75]),
  };
  const pixel = (rgba: Uint8ClampedArray, row: number, col: number) => Array.from(rgba.subarray((row * 2 + col) * 4, (row * 2 + col) * 4 + 4));

  it('colours each cell by the class colours mixed by probability, its lowest row at the bottom of the image', () => {
    const rgba = decisionGridRgba(grid);
    const [c0, c1] = [categoryRgb(0), categoryRgb(1)];
    expect(pixel(rgba, 1, 0).slice(0, 3)).toEqual([...c0]);
    expect(pixel(rgba, 0, 0).slice(0, 3)).toEqual([...c1]);
    const tied = pixel(rgba, 1, 1).slice(0, 3);
    tied.forEach((v, k) => expect(Math.abs(v - (c0[k]! + c1[k]!) / 2)).toBeLessThanOrEqual(1));
  });

  it('makes sure cells more opaque than uncertain ones, and a tie faint but visible', () => {
    const rgba = decisionGridRgba(grid);
    const [sure, tied, likely] = [pixel(rgba, 1, 0)[3]!, pixel(rgba, 1, 1)[3]!, pixel(rgba, 0, 1)[3]!];
    expect(tied).toBeGreaterThan(0);
    expect(likely).toBeGreaterThan(tied);
    expect(sure).toBeGreaterThan(likely);
    expect(pixel(rgba, 0, 0)[3]).toBe(sure);
  });

  it('reads the predicted class under a point, and nothing outside the grid', () => {
    expect(gridCellAt(grid, 0.5, 0.5)).toEqual({ predicted: 0, probability: 1 });
    expect(gridCellAt(grid, 1.5, 1.5)).toEqual({ predicted: 1, probability: 0.75 });
    // A tie goes to the first class, like argmax.
    expect(gridCellAt(grid, 1.5, 0.5)?.predicted).toBe(0);
    expect(gridCellAt(grid, 2.5, 0.5)).toBeUndefined();
    expect(gridCellAt(grid, 0.5, -0.1)).toBeUndefined();
  });
});

describe('images', () => {
  it('stretches a grey image over its own min..max', () => {
    const rgba = imageToRgba([-1, 0, 1, 2], 0, [1, 2, 2]);
    expect(Array.from(rgba)).toEqual([0, 0, 0, 255, 85, 85, 85, 255, 170, 170, 170, 255, 255, 255, 255, 255]);
  });

  it('reads RGB planes channel-first, from the sample’s offset in the batch', () => {
    // Two samples of [3,1,2]; the second is red on the left pixel, blue on the right.
    const batch = [9, 9, 9, 9, 9, 9, /* second: R */ 1, 0, /* G */ 0, 0, /* B */ 0, 1];
    expect(Array.from(imageToRgba(batch, 6, [3, 1, 2]))).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('draws a flat image mid-grey and another channel count from its first channel', () => {
    expect(Array.from(imageToRgba([5, 5], 0, [1, 1, 2]))).toEqual([128, 128, 128, 255, 128, 128, 128, 255]);
    expect(Array.from(imageToRgba([0, 1, 7, 7], 0, [2, 1, 2]))).toEqual([0, 0, 0, 255, 36, 36, 36, 255]);
  });
});

describe('confusion shading', () => {
  it('shades each cell by its share of the row, marking the diagonal', () => {
    const rows = confusionRows([[3, 1], [0, 0]]);
    expect(rows[0]).toEqual({ total: 4, cells: [{ count: 3, share: 0.75, correct: true }, { count: 1, share: 0.25, correct: false }] });
    expect(rows[1]!.cells.map((c) => c.share)).toEqual([0, 0]);
  });

  it('leaves empty cells clear, tints any count, and turns the text light on strong cells', () => {
    const [row] = confusionRows([[0, 1, 99]]);
    const [empty, rare, most] = row!.cells;
    expect(cellOpacity(empty!)).toBe(0);
    expect(cellOpacity(rare!)).toBeGreaterThan(0.1);
    expect(cellOpacity(most!)).toBeGreaterThan(cellOpacity(rare!));
    expect([cellIsDark(rare!), cellIsDark(most!)]).toEqual([false, true]);
  });
});

describe('splits, class names and what the boundary view can show', () => {
  it('prefers test, then validation, then train', () => {
    expect(defaultSplit(summary({ testSamples: 10, validationSamples: 5 }))).toBe('test');
    expect(defaultSplit(summary({ validationSamples: 5 }))).toBe('validation');
    expect(defaultSplit(summary({}))).toBe('train');
    expect(availableSplits(summary({ testSamples: 10 }))).toEqual(['test', 'train']);
    expect(splitSamples(summary({ validationSamples: 5 }), 'validation')).toBe(5);
  });

  it('names classes by the data’s names, else by index', () => {
    expect(classLabel(summary({ classNames: ['cat', 'dog'] }), 1)).toBe('dog');
    expect(classLabel(summary({}), 1)).toBe('1');
    expect(classLabel(summary({ classNames: ['cat'] }), 3)).toBe('3');
  });

  it('chooses the decision grid for 2-D points, the curve for 1-D inputs, and says why for anything else', () => {
    expect(boundaryMode(summary({ featureShape: [2] })).kind).toBe('decision-grid');
    expect(boundaryMode(summary({ featureShape: [1] })).kind).toBe('fitted-curve');
    const none = boundaryMode(summary({ featureShape: [1, 28, 28] }));
    expect(none.kind).toBe('none');
    expect(none.kind === 'none' && none.reason).toContain('[1, 28, 28]');
  });
});
