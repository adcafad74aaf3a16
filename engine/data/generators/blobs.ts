/**
 * Isotropic Gaussian clusters, as scikit-learn's make_blobs with its defaults: BLOB_CENTERS centres uniform in the
 * box [−10, 10]², standard deviation 1, the samples shared out as evenly as possible (the first clusters take the
 * remainder). The class is the cluster.
 */
import type { Generator } from './generator.ts';
import { standardNormal, uniform } from './sampling.ts';
import { ShuffledPoints } from './shuffled-points.ts';

export const BLOB_CENTERS = 3;
export const BLOB_BOX = 10;
export const BLOB_STD = 1;

export const blobs: Generator = (random, samples) => {
  const centers = Array.from({ length: BLOB_CENTERS }, () => [uniform(random, -BLOB_BOX, BLOB_BOX), uniform(random, -BLOB_BOX, BLOB_BOX)] as const);
  const points = new ShuffledPoints(random, samples);
  centers.forEach(([cx, cy], label) => {
    const count = Math.floor(samples / BLOB_CENTERS) + (label < samples % BLOB_CENTERS ? 1 : 0);
    for (let i = 0; i < count; i++) points.add(cx + BLOB_STD * standardNormal(random), cy + BLOB_STD * standardNormal(random), label);
  });
  return points.split();
};
