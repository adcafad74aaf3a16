/** The histograms view's numbers: snapshots over time, layers in graph order, rebinning, rasters, gradient norms. */
import { describe, expect, it } from 'vitest';
import { histogram } from '../../engine/train/histogram.ts';
import type { HistogramsResult } from '../../app/training/protocol.ts';
import { appendSnapshot } from '../../app/training/views/histogram-snapshots.ts';
import { defaultLayers, histogramLayers } from '../../app/training/views/histogram-layers.ts';
import { distributionOverTime, rasterizeDistribution, rebin } from '../../app/training/views/histogram-over-time.ts';
import { layerGradientNorms, logAxis, logPosition } from '../../app/training/views/histogram-gradient-norms.ts';

const snapshot = (step: number, extra: Partial<HistogramsResult> = {}): HistogramsResult =>
  ({ step, epoch: 0, weights: {}, activations: {}, gradientNorms: {}, ...extra });

describe('appendSnapshot', () => {
  it('keeps at most the cap, thinning the older half: the first and the recent snapshots stay, steps ascend', () => {
    let list: HistogramsResult[] = [];
    for (let step = 1; step <= 1000; step++) list = appendSnapshot(list, snapshot(step), 100);
    const steps = list.map((s) => s.step);
    expect(steps.length).toBeLessThanOrEqual(100);
    expect(steps.length).toBeGreaterThanOrEqual(50);
    expect(steps[0]).toBe(1);
    expect(steps.at(-1)).toBe(1000);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]!);
    // Dense at the end: the newest quarter of the list is consecutive steps; sparse at the start.
    const recent = steps.slice(-Math.floor(steps.length / 4));
    expect(recent.at(-1)! - recent[0]!).toBe(recent.length - 1);
    expect(steps[2]! - steps[1]!).toBeGreaterThan(1);
  });

  it('replaces a snapshot at the same step, starts over at an earlier step, and never changes its input', () => {
    const a = [snapshot(1), snapshot(5)];
    const again = snapshot(5, { epoch: 1 });
    expect(appendSnapshot(a, again)).toEqual([snapshot(1), again]);
    expect(appendSnapshot(a, snapshot(2))).toEqual([snapshot(2)]);
    expect(a).toEqual([snapshot(1), snapshot(5)]);
  });
});

describe('histogramLayers', () => {
  const h = histogram([1, 2, 3], 3);
  it('groups weights by their node (ids with dots included) and activations by `node:port`, in data-flow order', () => {
    const layers = histogramLayers(
      { weights: { 'fc2.weight': h, 'block.a.weight': h, 'fc1.weight': h, 'fc1.bias': h }, activations: { 'relu1:y': h, 'fc1:y': h, 'block.a:y': h, 'stray:y': h } },
      ['data', 'fc1', 'relu1', 'block.a', 'fc2'],
    );
    expect(layers).toEqual([
      { node: 'fc1', weights: ['fc1.weight', 'fc1.bias'], activations: ['fc1:y'] },
      { node: 'relu1', weights: [], activations: ['relu1:y'] },
      { node: 'block.a', weights: ['block.a.weight'], activations: ['block.a:y'] },
      { node: 'fc2', weights: ['fc2.weight'], activations: [] },
      { node: 'stray', weights: [], activations: ['stray:y'] },
    ]);
    expect(defaultLayers(layers)).toEqual(['fc1', 'fc2']);
    expect(defaultLayers(layers.slice(0, 2))).toEqual(['fc1']);
  });
});

describe('distribution over time', () => {
  it('rebin conserves the counts and puts them where the values are', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 2 + 1);
    const source = histogram(values, 30);
    const rows = rebin(source, -5, 5, 20);
    expect(rows.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 6);
    // Values lie in [−1, 3]: rows of [−5, −1.5] and [3.5, 5] get nothing.
    for (let r = 0; r < 7; r++) expect(rows[r]).toBe(0);
    for (let r = 17; r < 20; r++) expect(rows[r]).toBe(0);
    // Rebinning onto the histogram's own range and bin count changes nothing.
    expect(Array.from(rebin(source, source.min, source.max, 30)).map((c) => Math.round(c * 1e6) / 1e6)).toEqual(source.counts);
  });

  it('puts every snapshot on one common range, each column scaled to its own fullest row', () => {
    const early = histogram([0, 0.1, 0.2, 0.2], 4), late = histogram([-2, 2, 2, 2], 4);
    const grid = distributionOverTime([{ step: 10, histogram: early }, { step: 20, histogram: late }], 8)!;
    expect(grid).toMatchObject({ steps: [10, 20], lo: -2, hi: 2, rows: 8 });
    const column = (c: number) => Array.from(grid.density.slice(c * 8, c * 8 + 8));
    // The early values sit in [0, 0.5): row 4 of 8 over [−2, 2]; the late ones at the two ends, 2 weighing three times −2.
    expect(column(0)).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    expect(column(1)[0]).toBeCloseTo(1 / 3, 6);
    expect(column(1)[7]).toBe(1);
    expect(distributionOverTime([], 8)).toBeUndefined();
  });

  it('rasterizes with the top row at hi, each pixel column showing the nearest snapshot, opacity the root of the density', () => {
    const grid = { steps: [0, 10, 100], lo: 0, hi: 1, rows: 2, density: Float32Array.of(1, 0, 0, 0.25, 0, 1) };
    const width = 10, height = 2;
    const alpha = rasterizeDistribution(grid, width, height);
    const at = (x: number, y: number) => alpha[(y * width + x) * 4 + 3];
    // Pixel centres are steps 5, 15, …, 95; step 5 is as near to 0 as to 10 (the later wins), ≥ 55 is nearest to 100.
    expect(at(0, 1)).toBe(0);
    expect(at(0, 0)).toBe(128);
    expect(at(4, 0)).toBe(128);
    expect(at(5, 0)).toBe(255);
    expect(at(9, 1)).toBe(0);
    const single = rasterizeDistribution({ ...grid, steps: [7], density: Float32Array.of(1, 0) }, 3, 2);
    expect([single[3], single[7], single[11], single[15]]).toEqual([0, 0, 0, 255]);
  });
});

describe('gradient norms per layer', () => {
  it('combines a layer’s weights as √(Σ‖g‖²), leaves gaps before the first update, and drops layers without weights', () => {
    const layers = [{ node: 'fc1', weights: ['fc1.weight', 'fc1.bias'], activations: [] }, { node: 'relu', weights: [], activations: ['relu:y'] }];
    const series = layerGradientNorms([snapshot(0), snapshot(5, { gradientNorms: { 'fc1.weight': 3, 'fc1.bias': 4 } })], layers);
    expect(series).toEqual([{ layer: 'fc1', values: [undefined, 5] }]);
  });

  it('logAxis spans whole decades around the positive values, with at most the asked number of ticks', () => {
    const axis = logAxis([3e-7, undefined, 0, 0.4, Infinity])!;
    expect(axis.lo).toBeCloseTo(1e-7, 20);
    expect(axis.hi).toBeCloseTo(1, 12);
    expect(axis.ticks.length).toBeLessThanOrEqual(6);
    expect(axis.ticks[0]).toBeCloseTo(1e-7, 20);
    expect(logPosition(axis, 1e-4)).toBeCloseTo(3 / 7, 10);
    expect(logAxis([5, 5])).toMatchObject({ lo: 1, hi: 10 });
    expect(logAxis([0, undefined, -1])).toBeUndefined();
  });
});
