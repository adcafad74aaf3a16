/**
 * A dataset from two .npy files, features and labels (as `np.save("x.npy", X); np.save("y.npy", y)` writes them):
 * the first axis counts samples in both. Features become f32; labels i32 class indices [N] for classification, f32
 * values for regression ([N] becomes [N, 1]).
 */
import type { HostArray, HostTensor } from '../backends/backend.ts';
import { readNpy } from '../io/npy.ts';
import { TensorFileError } from '../io/tensor-file-error.ts';
import type { TabularData } from './csv-dataset.ts';
import { DataError } from './data-error.ts';
import type { Task } from './registry.ts';

export interface NpyDatasetOptions {
  readonly featuresFile: string;
  readonly labelsFile: string;
  readonly task: Task;
}

function readArray(bytes: Uint8Array, file: string): HostTensor {
  try {
    return readNpy(bytes, file);
  } catch (error) {
    if (error instanceof TensorFileError) throw new DataError(error.detail, { file });
    throw error;
  }
}

const asFloat32 = (data: HostArray): Float32Array => (data instanceof Float32Array ? data : Float32Array.from(data));

export function npyDataset(featureBytes: Uint8Array, labelBytes: Uint8Array, options: NpyDatasetOptions): TabularData {
  const { featuresFile, labelsFile } = options;
  const x = readArray(featureBytes, featuresFile);
  const y = readArray(labelBytes, labelsFile);
  const samples = x.shape[0];
  if (samples === undefined) throw new DataError('features need a first axis that counts samples, not a scalar', { file: featuresFile });
  if (y.shape[0] !== samples) {
    throw new DataError(`${y.shape[0] ?? 'a scalar'} labels for the ${samples} samples of ${featuresFile}`, { file: labelsFile });
  }
  const features: HostTensor = { shape: x.shape, dtype: 'f32', data: asFloat32(x.data) };

  if (options.task === 'regression') {
    const shape = y.shape.length === 1 ? [samples, 1] : y.shape;
    return { features, labels: { shape, dtype: 'f32', data: asFloat32(y.data) } };
  }
  if (y.shape.length !== 1) throw new DataError(`class labels must be one index per sample, [${samples}], not [${y.shape.join(',')}]`, { file: labelsFile });
  const labels = new Int32Array(samples);
  for (let i = 0; i < samples; i++) {
    const value = y.data[i]!;
    if (!Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) {
      throw new DataError(`sample ${i}: class label ${value} is not a non-negative integer`, { file: labelsFile });
    }
    labels[i] = value;
  }
  return { features, labels: { shape: [samples], dtype: 'i32', data: labels } };
}
