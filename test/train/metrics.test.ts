/** Metrics against hand-counted examples. */
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { MetricAccumulator, metricTaskOf } from '../../engine/train/metrics.ts';

const f32 = (shape: number[], v: number[]): HostTensor => ({ shape, dtype: 'f32', data: Float32Array.from(v) });
const i32 = (v: number[]): HostTensor => ({ shape: [v.length], dtype: 'i32', data: Int32Array.from(v) });

describe('metrics', () => {
  it('multi-class: accuracy, per-class accuracy and the confusion matrix over several batches (argmax ties → first)', () => {
    const m = new MetricAccumulator(metricTaskOf('class-scores', ['N', 3])!);
    // Predictions 0, 1, 2 (true 0, 1, 1) then 0 (a tie between 0 and 2) and 2 (true 0, 2).
    m.add(f32([3, 3], [5, 1, 0, 0, 3, 1, 0, 1, 2]), i32([0, 1, 1]));
    m.add(f32([2, 3], [4, 0, 4, 0, 0, 1]), i32([0, 2]));
    const r = m.result();
    expect(r.samples).toBe(5);
    expect(r.accuracy).toBeCloseTo(4 / 5);
    expect(r.classification!.confusion).toEqual([[2, 0, 0], [0, 1, 1], [0, 0, 1]]);
    expect(r.classification!.perClassAccuracy).toEqual([1, 0.5, 1]);
  });

  it('a class with no samples has no per-class accuracy (null), not 0', () => {
    const m = new MetricAccumulator({ kind: 'multiclass', classes: 3 });
    m.add(f32([1, 3], [1, 0, 0]), i32([0]));
    expect(m.result().classification!.perClassAccuracy).toEqual([1, null, null]);
  });

  it('binary: logits threshold at 0 (BCEWithLogits), probabilities at ½ (BCE)', () => {
    const logits = new MetricAccumulator(metricTaskOf('binary-logits', ['N', 1])!);
    logits.add(f32([4, 1], [2, -1, 0.5, -3]), f32([4, 1], [1, 0, 0, 1]));
    expect(logits.result().accuracy).toBe(0.5);
    const probabilities = new MetricAccumulator(metricTaskOf('binary-probabilities', ['N', 1])!);
    probabilities.add(f32([3, 1], [0.9, 0.2, 0.6]), f32([3, 1], [1, 0, 0]));
    expect(probabilities.result().accuracy).toBeCloseTo(2 / 3);
  });

  it('regression: mean squared and mean absolute error over every element', () => {
    const m = new MetricAccumulator(metricTaskOf('regression', ['N', 1])!);
    m.add(f32([2, 1], [1, 3]), f32([2, 1], [0, 0]));
    m.add(f32([1, 1], [-2]), f32([1, 1], [0]));
    expect(m.result()).toEqual({ samples: 3, mse: (1 + 9 + 4) / 3, mae: (1 + 3 + 2) / 3 });
  });

  it('no metric for a loss that declares no prediction reading (KL divergence)', () => {
    expect(metricTaskOf(undefined, ['N', 3])).toBeUndefined();
  });
});
