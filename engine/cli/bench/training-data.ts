/**
 * The benchmark's data: random features in [0, 1) and random class labels, the same rows for every engine.
 * Training speed does not depend on the values, only on the shapes.
 */
import type { DataSplit } from '../../train/data-streams.ts';
import { SeededRandom } from '../../train/seeded-random.ts';
import { BATCH, CLASSES, SAMPLE_SHAPE, type InputLayout } from './training-models.ts';

/** Twenty batches; the engines cycle through them (netloom in a shuffled order, as its Trainer does). */
const ROWS = 20 * BATCH;

export function randomTrainingRows(layout: InputLayout): DataSplit {
  const random = new SeededRandom(0, 'bench data');
  const sample = SAMPLE_SHAPE[layout];
  const features = new Float32Array(ROWS * sample.reduce((a, d) => a * d, 1));
  for (let i = 0; i < features.length; i++) features[i] = random.next();
  const labels = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) labels[i] = random.below(CLASSES);
  return {
    features: { shape: [ROWS, ...sample], dtype: 'f32', data: features },
    labels: { shape: [ROWS], dtype: 'i32', data: labels },
  };
}
