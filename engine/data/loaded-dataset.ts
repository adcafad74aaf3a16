/** What loading a dataset gives the training loop, and how the loaders reach the shipped files. */
import type { HostTensor } from '../backends/backend.ts';
import type { DatasetInfo } from './registry.ts';

/**
 * Features f32 [N, …registry feature shape] and labels [N, …registry label shape]: i32 class indices for
 * classification (i32 token ids for sequence tasks), f32 values for regression.
 */
export interface DatasetSplit {
  readonly features: HostTensor;
  readonly labels: HostTensor;
}

export interface LoadedDataset {
  readonly info: DatasetInfo;
  readonly train: DatasetSplit;
  /** Only where the source defines one (Fashion-MNIST); otherwise the training loop splits off validation data. */
  readonly test?: DatasetSplit;
  /** Class i is named classNames[i], where the data names its classes. */
  readonly classNames?: readonly string[];
}

/**
 * Reads one shipped file of engine/data/files by its name (e.g. `iris.csv`). In Node that is node-files.ts; in the
 * browser a fetch of the file's URL.
 */
export type ReadDatasetFile = (name: string) => Promise<Uint8Array>;
