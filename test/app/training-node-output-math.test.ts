/** The node-output view's choices and pixels: presentation by shape, class-score ports, softmax, feature-map tiles. */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../nodes/index.ts';
import { openTemplate, TEMPLATES } from '../../app/templates/templates.ts';
import { classScorePorts, finiteRange, presentationOf, softmax, topIndices } from '../../app/training/views/node-output-presentation.ts';
import { colourAt, tileFeatureMaps, tileLayout } from '../../app/training/views/node-output-tiles.ts';

describe('presentationOf', () => {
  it('draws [C,H,W] as feature maps, a matrix as a heat map, class scores as probabilities, other vectors as bars', () => {
    expect(presentationOf([6, 28, 28], false)).toEqual({ kind: 'feature-maps', channels: 6, height: 28, width: 28 });
    expect(presentationOf([12, 12], false)).toEqual({ kind: 'heat-map', rows: 12, columns: 12 });
    expect(presentationOf([10], true)).toEqual({ kind: 'probabilities' });
    expect(presentationOf([10], false)).toEqual({ kind: 'bars' });
    expect(presentationOf([], false)).toEqual({ kind: 'scalar' });
    expect(presentationOf([2, 3, 4, 5], false)).toEqual({ kind: 'summary' });
  });
});

describe('classScorePorts', () => {
  it('finds the port wired into CrossEntropyLoss’s prediction, and nothing on a hidden layer', () => {
    const parsed = openTemplate(TEMPLATES.find((t) => t.id === 'lenet-fashion')!);
    if (!parsed.ok) throw new Error('template');
    expect([...classScorePorts(parsed.graph, CATALOG, 'fc3')]).toEqual(['y']);
    expect([...classScorePorts(parsed.graph, CATALOG, 'fc2')]).toEqual([]);
    // The dataset's labels go into the loss too, but as its target, not its prediction.
    expect([...classScorePorts(parsed.graph, CATALOG, 'data')]).toEqual([]);
  });
});

describe('softmax, topIndices, finiteRange', () => {
  it('softmax sums to one, keeps the order, and does not overflow on large logits', () => {
    const p = softmax([1000, 1001, 999]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1]! / p[0]!).toBeCloseTo(Math.E, 10);
    expect(p[0]! / p[2]!).toBeCloseTo(Math.E, 10);
  });

  it('topIndices takes the largest first, ties in index order; finiteRange skips NaN and ±∞', () => {
    expect(topIndices([0.1, 0.5, 0.1, 0.3], 3)).toEqual([1, 3, 0]);
    expect(finiteRange([NaN, 3, -Infinity, -2, 7, Infinity])).toEqual({ min: -2, max: 7 });
    expect(finiteRange([1, 2, 3, 4], 2, 4)).toEqual({ min: 3, max: 4 });
    expect(finiteRange([NaN])).toEqual({ min: 0, max: 0 });
  });
});

describe('feature-map tiles', () => {
  it('lays maps out in as many columns as fit, enlarging small maps', () => {
    // 8×8 maps at 7 px per value with a one-value gap: 9 maps take 9·9 − 1 = 80 values = 560 px exactly (the last
    // gap is not drawn); one pixel less holds only 8.
    expect(tileLayout(16, 8, 8, 560)).toEqual({ columns: 9, rows: 2, scale: 7, width: 9 * 9 - 1, height: 2 * 9 - 1 });
    expect(tileLayout(16, 8, 8, 559)).toMatchObject({ columns: 8, rows: 2, width: 8 * 9 - 1 });
    expect(tileLayout(6, 28, 28, 560)).toMatchObject({ columns: 6, rows: 1, scale: 2 });
    expect(tileLayout(3, 200, 200, 100)).toMatchObject({ columns: 1, rows: 3, scale: 1 });
  });

  it('stretches each map over its own range, leaves the gaps and NaN transparent, and shows a constant map mid-scale', () => {
    // Two 2×2 maps side by side: one from 0 to 3, one constant; then a third on the next row with a NaN.
    const values = [0, 1, 2, 3, 5, 5, 5, 5, -1, NaN, 1, 0];
    const layout = tileLayout(3, 2, 2, 2 * 3 * 8);
    expect(layout).toMatchObject({ columns: 2, rows: 2, width: 5, height: 5 });
    const rgba = tileFeatureMaps(values, 3, 2, 2, layout);
    const pixel = (x: number, y: number) => Array.from(rgba.slice((y * layout.width + x) * 4, (y * layout.width + x) * 4 + 4));
    expect(pixel(0, 0)).toEqual([...colourAt(0), 255]);
    expect(pixel(1, 1)).toEqual([...colourAt(1), 255]);
    expect(pixel(1, 0)).toEqual([...colourAt(1 / 3), 255]);
    expect(pixel(2, 0)[3]).toBe(0);
    expect(pixel(3, 0)).toEqual([...colourAt(0.5), 255]);
    expect(pixel(0, 3)).toEqual([...colourAt(0), 255]);
    expect(pixel(1, 3)[3]).toBe(0);
    expect(pixel(0, 4)).toEqual([...colourAt(1), 255]);
    // The map's ends are the colour map's: dark violet at 0, yellow at 1.
    expect(colourAt(0)).toEqual([68, 1, 84]);
    expect(colourAt(1)).toEqual([253, 231, 37]);
  });
});
