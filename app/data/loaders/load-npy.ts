/** Features and labels from two `.npy` files (as `np.save` writes them), by the engine's .npy dataset reader. */
import { DataError } from '../../../engine/data/data-error.ts';
import { npyDataset } from '../../../engine/data/npy-dataset.ts';
import type { Task } from '../../../engine/data/registry.ts';
import type { LocalDataset } from '../local-dataset.ts';

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function loadNpy(features: NamedBytes, labels: NamedBytes, task: Task): LocalDataset {
  const data = npyDataset(features.bytes, labels.bytes, { featuresFile: features.name, labelsFile: labels.name, task });
  // The Your-data node describes regression targets as [N, k]; deeper label arrays have no such description.
  if (data.labels.shape.length > 2) {
    throw new DataError(`regression targets must be [N] or [N, k], not [${data.labels.shape.join(',')}]`, { file: labels.name });
  }
  if (data.features.shape.length < 2) {
    throw new DataError(`features must be [N, …] with at least one value per sample, not [${data.features.shape.join(',')}]`, { file: features.name });
  }
  return {
    name: features.name,
    description: `${data.features.shape[0]} samples from ${features.name} and ${labels.name}`,
    task,
    data: { train: data },
  };
}
