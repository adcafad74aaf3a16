/** The contract of a dataset read from files shipped in engine/data/files. */
import type { DatasetSplit, ReadDatasetFile } from '../loaded-dataset.ts';

export interface ShippedData {
  readonly train: DatasetSplit;
  readonly test?: DatasetSplit;
  readonly classNames: readonly string[];
}

export interface ShippedLoader {
  /** Every file `load` reads, so a host can fetch or bundle them ahead of time. */
  readonly files: readonly string[];
  load(read: ReadDatasetFile): Promise<ShippedData>;
}
