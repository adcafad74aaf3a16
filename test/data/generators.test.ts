/**
 * The seeded generators, through loadDataset: shapes, class balance, determinism, and the geometry each one's
 * documentation promises, checked by independent arithmetic on the generated points.
 */
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import type { DatasetSplit } from '../../engine/data/loaded-dataset.ts';
import { DATASETS } from '../../engine/data/registry.ts';
import { DATASET_SOURCES } from '../../engine/data/sources.ts';

const GENERATED = DATASETS.filter((d) => DATASET_SOURCES.get(d.id)?.kind === 'generated');

async function generate(id: string, samples?: number, seed = 7): Promise<DatasetSplit> {
  return (await loadDataset(id, { seed, ...(samples === undefined ? {} : { samples }) })).train;
}

/** Row i of a [N, 2] point set. */
const point = (t: HostTensor, i: number): [number, number] => [t.data[2 * i]!, t.data[2 * i + 1]!];

function classCounts(labels: HostTensor, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels.data) counts[label]!++;
  return counts;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, v) => a + v, 0) / values.length;
}

function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/** The points of one class. */
function pointsOf(split: DatasetSplit, label: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < split.labels.data.length; i++) if (split.labels.data[i] === label) out.push(point(split.features, i));
  return out;
}

describe.each(GENERATED)('$id', (info) => {
  it('has the registry shapes and sample count, with finite values', async () => {
    const { features, labels } = await generate(info.id);
    expect(features.shape).toEqual([info.samples, ...info.features.shape]);
    expect(labels.shape).toEqual([info.samples, ...info.labels.shape]);
    expect(features.dtype).toBe(info.features.dtype);
    expect(labels.dtype).toBe(info.labels.dtype);
    expect([...features.data, ...labels.data].every(Number.isFinite)).toBe(true);
  });

  it('is the same for the same seed and different for another', async () => {
    expect(await generate(info.id, 101, 3)).toEqual(await generate(info.id, 101, 3));
    expect((await generate(info.id, 101, 3)).features.data).not.toEqual((await generate(info.id, 101, 4)).features.data);
  });

  it('makes any number of samples', async () => {
    for (const n of [1, 2, 101]) expect((await generate(info.id, n)).features.shape[0]).toBe(n);
  });
});

describe('two-class point sets are balanced and shuffled', () => {
  it.each(['xor', 'circles', 'moons', 'spirals'])('%s', async (id) => {
    const { labels } = await generate(id, 400);
    expect(classCounts(labels, 2)).toEqual([200, 200]);
    // Shuffled: the first half is not one class (it holds 200 of one class with probability ~1e-119).
    expect(new Set(labels.data.subarray(0, 200)).size).toBe(2);
    expect(classCounts((await generate(id, 401)).labels, 2).sort()).toEqual([200, 201]);
  });
});

describe('geometry', () => {
  it('moons: class 0 on the upper unit half circle, class 1 on the lower one shifted to (1, 0.5)', async () => {
    const split = await generate('moons', 4000);
    const upper = pointsOf(split, 0);
    const lower = pointsOf(split, 1);
    // Mean of sin over [0, π] is 2/π; noise (σ 0.1) averages out.
    expect(mean(upper.map(([x]) => x))).toBeCloseTo(0, 1);
    expect(mean(upper.map(([, y]) => y))).toBeCloseTo(2 / Math.PI, 1);
    expect(mean(lower.map(([x]) => x))).toBeCloseTo(1, 1);
    expect(mean(lower.map(([, y]) => y))).toBeCloseTo(0.5 - 2 / Math.PI, 1);
    for (const [x, y] of upper) expect(Math.abs(Math.hypot(x, y) - 1)).toBeLessThan(0.5);
    for (const [x, y] of lower) expect(Math.abs(Math.hypot(x - 1, y - 0.5) - 1)).toBeLessThan(0.5);
  });

  it('circles: class 0 at radius 1, class 1 at radius 0.5, noise σ 0.05', async () => {
    const split = await generate('circles', 2000);
    const radii = (label: number): number[] => pointsOf(split, label).map(([x, y]) => Math.hypot(x, y));
    expect(mean(radii(0))).toBeCloseTo(1, 1);
    expect(mean(radii(1))).toBeCloseTo(0.5, 1);
    expect(std(radii(0))).toBeGreaterThan(0.03);
    expect(std(radii(0))).toBeLessThan(0.07);
    expect(Math.min(...radii(0))).toBeGreaterThan(Math.max(...radii(1)));
  });

  it('spirals: almost every point lies close to its own arm (r = s, t = 3.5π·s + kπ) and nearer it than the other', async () => {
    const split = await generate('spirals', 400);
    const arm = (k: number): [number, number][] => Array.from({ length: 2000 }, (_, i) => {
      const s = i / 2000;
      const t = 3.5 * Math.PI * s + k * Math.PI;
      return [s * Math.sin(t), s * Math.cos(t)];
    });
    const arms = [arm(0), arm(1)];
    const distance = (p: [number, number], curve: [number, number][]): number => Math.min(...curve.map(([x, y]) => Math.hypot(p[0] - x, p[1] - y)));
    let nearer = 0;
    let close = 0;
    for (let i = 0; i < 400; i++) {
      const p = point(split.features, i);
      const own = split.labels.data[i]!;
      const d = distance(p, arms[own]!);
      if (d < distance(p, arms[1 - own]!)) nearer++;
      if (d < 0.1) close++; // noise σ 0.03 per coordinate
    }
    expect(nearer).toBeGreaterThanOrEqual(390);
    expect(close).toBeGreaterThanOrEqual(390);
  });

  it('xor: a quarter of the points per quadrant, 0.1 to 1 away from the axes, class 1 where x·y < 0', async () => {
    const split = await generate('xor', 400);
    const quadrants = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const [x, y] = point(split.features, i);
      for (const v of [x, y]) {
        expect(Math.abs(v)).toBeGreaterThanOrEqual(Math.fround(0.1));
        expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }
      expect(split.labels.data[i]).toBe(x * y < 0 ? 1 : 0);
      const key = `${Math.sign(x)},${Math.sign(y)}`;
      quadrants.set(key, (quadrants.get(key) ?? 0) + 1);
    }
    expect([...quadrants.values()]).toEqual([100, 100, 100, 100]);
  });

  it('blobs: three clusters of unit spread, centres inside [−10, 10]², sizes as even as possible', async () => {
    expect(classCounts((await generate('blobs', 301)).labels, 3)).toEqual([101, 100, 100]);
    const split = await generate('blobs', 3000);
    for (let label = 0; label < 3; label++) {
      const pts = pointsOf(split, label);
      for (const coordinate of [0, 1]) {
        const values = pts.map((p) => p[coordinate]!);
        expect(Math.abs(mean(values))).toBeLessThan(10.2);
        expect(std(values)).toBeGreaterThan(0.9);
        expect(std(values)).toBeLessThan(1.1);
      }
    }
  });

  it('sine: x in [−π, π), y = sin x with noise of σ 0.1', async () => {
    const { features, labels } = await generate('sine', 2000);
    const residuals = Array.from(features.data, (x, i) => labels.data[i]! - Math.sin(x));
    expect(Math.min(...features.data)).toBeGreaterThanOrEqual(Math.fround(-Math.PI));
    expect(Math.max(...features.data)).toBeLessThan(Math.PI);
    expect(mean(residuals)).toBeCloseTo(0, 1);
    expect(std(residuals)).toBeGreaterThan(0.09);
    expect(std(residuals)).toBeLessThan(0.11);
  });

  it('sine-forecast: each window follows one sine and the target continues it', async () => {
    const { features, labels } = await generate('sine-forecast', 200);
    for (let n = 0; n < 200; n++) {
      const x = Array.from(features.data.subarray(20 * n, 20 * n + 20));
      // A sampled sine obeys x[t+1] = 2cos(ω)·x[t] − x[t−1]; estimate 2cos(ω) by least squares over the window.
      let num = 0;
      let den = 0;
      for (let t = 1; t < 19; t++) {
        num += (x[t + 1]! + x[t - 1]!) * x[t]!;
        den += x[t]! * x[t]!;
      }
      const twoCos = num / den;
      expect(twoCos).toBeGreaterThan(2 * Math.cos(0.6) - 1e-3); // ω in [0.2, 0.6)
      expect(twoCos).toBeLessThan(2 * Math.cos(0.2) + 1e-3);
      for (let t = 1; t < 19; t++) expect(x[t + 1]!).toBeCloseTo(twoCos * x[t]! - x[t - 1]!, 4);
      expect(labels.data[n]!).toBeCloseTo(twoCos * x[19]! - x[18]!, 4);
      for (const v of x) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
  });

  it('parity: bits are 0 or 1, the class is the parity of the ones, and the classes are balanced', async () => {
    const { features, labels } = await generate('parity', 4000);
    for (let n = 0; n < 4000; n++) {
      const bits = Array.from(features.data.subarray(8 * n, 8 * n + 8));
      for (const b of bits) expect([0, 1]).toContain(b);
      expect(labels.data[n]).toBe(bits.reduce((a, b) => a + b, 0) % 2);
    }
    const [even] = classCounts(labels, 2);
    expect(Math.abs(even! / 4000 - 0.5)).toBeLessThan(0.05);
  });

  it('copy: the target is the input, token ids spread evenly over 0–9', async () => {
    const { features, labels } = await generate('copy', 1000);
    expect(labels.data).toEqual(features.data);
    const counts = classCounts(features, 10);
    for (const c of counts) expect(Math.abs(c - 800)).toBeLessThan(160);
  });
});
