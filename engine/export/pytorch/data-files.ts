/**
 * The .npy files train.py reads: each built-in dataset's splits as netloom loads them (flat features, f32; labels
 * i32 class indices or f32 targets), at data/<dataset>/{train,test}_{features,labels}.npy. train.py reshapes image
 * layouts itself, so one copy serves every Dataset node of a dataset.
 */
import type { LoadedDataset } from '../../data/loaded-dataset.ts';
import { writeNpy } from '../../io/npy.ts';

export function dataFiles(datasets: Iterable<LoadedDataset>): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const data of datasets) {
    for (const [split, rows] of [['train', data.train], ['test', data.test]] as const) {
      if (!rows) continue;
      files.set(`data/${data.info.id}/${split}_features.npy`, writeNpy(rows.features));
      files.set(`data/${data.info.id}/${split}_labels.npy`, writeNpy(rows.labels));
    }
  }
  return files;
}
