/**
 * A 2-D point set with class labels, filled class by class but stored in a random order. The training loop takes
 * its validation split from the data as stored, so a set laid out class by class (or along a curve) must not stay in
 * that order; scikit-learn's generators shuffle for the same reason.
 */
import type { SeededRandom } from '../../train/seeded-random.ts';
import type { DatasetSplit } from '../loaded-dataset.ts';

export class ShuffledPoints {
  private readonly order: Int32Array;
  private readonly features: Float32Array;
  private readonly labels: Int32Array;
  private added = 0;

  constructor(random: SeededRandom, private readonly size: number) {
    this.order = random.permutation(size);
    this.features = new Float32Array(2 * size);
    this.labels = new Int32Array(size);
  }

  add(x: number, y: number, label: number): void {
    const row = this.order[this.added++]!;
    this.features[2 * row] = x;
    this.features[2 * row + 1] = y;
    this.labels[row] = label;
  }

  split(): DatasetSplit {
    if (this.added !== this.size) throw new Error(`a generator added ${this.added} of its ${this.size} points`);
    return {
      features: { shape: [this.size, 2], dtype: 'f32', data: this.features },
      labels: { shape: [this.size], dtype: 'i32', data: this.labels },
    };
  }
}
