/** Datasets from a pair of .npy files (written with the numpy-verified writer of engine/io/npy.ts). */
import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../../engine/backends/backend.ts';
import { npyDataset, type NpyDatasetOptions } from '../../engine/data/npy-dataset.ts';
import { writeNpy } from '../../engine/io/npy.ts';
import { dataErrorMessage } from './data-error-message.ts';

const x: HostTensor = { shape: [3, 2], dtype: 'f32', data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
const classes: HostTensor = { shape: [3], dtype: 'i32', data: Int32Array.from([2, 0, 1]) };
const opts = (task: NpyDatasetOptions['task']): NpyDatasetOptions => ({ featuresFile: 'x.npy', labelsFile: 'y.npy', task });

const refusal = (features: HostTensor, labels: HostTensor | Uint8Array, task: NpyDatasetOptions['task'] = 'classification'): string =>
  dataErrorMessage(() => npyDataset(writeNpy(features), labels instanceof Uint8Array ? labels : writeNpy(labels), opts(task)));

describe('npyDataset', () => {
  it('gives f32 features and i32 class indices', () => {
    const data = npyDataset(writeNpy(x), writeNpy(classes), opts('classification'));
    expect(data.features).toEqual({ shape: [3, 2], dtype: 'f32', data: Float32Array.from([1, 2, 3, 4, 5, 6]) });
    expect(data.labels).toEqual(classes);
  });

  it('accepts integral float class labels and makes 1-D regression targets [N, 1]', () => {
    const floatClasses: HostTensor = { shape: [3], dtype: 'f32', data: Float32Array.from([1, 0, 1]) };
    expect(npyDataset(writeNpy(x), writeNpy(floatClasses), opts('classification')).labels.data).toEqual(Int32Array.from([1, 0, 1]));
    const targets: HostTensor = { shape: [3], dtype: 'f32', data: Float32Array.from([0.5, 1.5, -2]) };
    expect(npyDataset(writeNpy(x), writeNpy(targets), opts('regression')).labels).toEqual({ ...targets, shape: [3, 1] });
  });

  it('refuses mismatched counts, bad class labels and unreadable files, naming the file', () => {
    expect(refusal(x, { shape: [2], dtype: 'i32', data: Int32Array.from([0, 1]) })).toBe('y.npy: 2 labels for the 3 samples of x.npy');
    expect(refusal(x, { shape: [3], dtype: 'f32', data: Float32Array.from([0, 1.5, 1]) })).toBe('y.npy: sample 1: class label 1.5 is not a non-negative integer');
    expect(refusal(x, { shape: [3], dtype: 'i32', data: Int32Array.from([0, -1, 1]) })).toBe('y.npy: sample 1: class label -1 is not a non-negative integer');
    expect(refusal(x, { shape: [3, 1], dtype: 'i32', data: Int32Array.from([0, 1, 1]) })).toBe('y.npy: class labels must be one index per sample, [3], not [3,1]');
    expect(refusal({ shape: [], dtype: 'f32', data: Float32Array.from([1]) }, classes)).toBe('x.npy: features need a first axis that counts samples, not a scalar');
    expect(refusal(x, new TextEncoder().encode('not numpy'))).toBe('y.npy: not a .npy file (it does not start with \\x93NUMPY)');
  });
});
