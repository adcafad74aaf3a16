/**
 * What the user picked, recognised by file names, and the choices still open for it: a CSV table (columns, task),
 * two .npy or IDX files (which holds the labels; the .npy task), or class-per-folder images (size, channels).
 * `loadPicked` turns a pick and its choices into data; every failure is a DataError naming the file.
 */
import { DataError } from '../../../engine/data/data-error.ts';
import type { Task } from '../../../engine/data/registry.ts';
import type { LocalDataset } from '../local-dataset.ts';
import { guessCsvChoice, loadCsvTable, readCsvTable, type CsvChoice, type CsvTable } from './csv-table.ts';
import { imageEntriesFromFolder, imageEntriesFromZip, type ImageEntry } from './image-entries.ts';
import { loadIdx } from './load-idx.ts';
import { loadImageFolder, type DecodeImage } from './load-image-folder.ts';
import { loadNpy, type NamedBytes } from './load-npy.ts';

export type Picked =
  | { readonly kind: 'csv'; readonly table: CsvTable; readonly choice: CsvChoice }
  /** Two files; `labels` is the index of the one holding the labels. */
  | { readonly kind: 'npy' | 'idx'; readonly files: readonly [NamedBytes, NamedBytes]; readonly labels: 0 | 1; readonly task: Task }
  | { readonly kind: 'images'; readonly source: string; readonly entries: readonly ImageEntry[]; readonly size: number; readonly channels: 1 | 3 };

const DEFAULT_IMAGE_SIZE = 28;
const CSV = /\.(csv|tsv|txt)$/i;
const NPY = /\.npy$/i;
const ZIP = /\.zip$/i;
const IDX = /(idx\d|ubyte|\.idx)|\.gz$/i;
/** `y.npy`, `train-labels-idx1-ubyte.gz`, `labels.npy`: the labels file of a pair. */
const LABELS = /label|idx1|(^|[^a-z])y([^a-z]|$)/i;

const bytesOf = async (file: File): Promise<NamedBytes> => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });

function pair(files: readonly NamedBytes[], kind: 'npy' | 'idx', what: string): Picked {
  if (files.length !== 2) throw new DataError(`choose two ${what} files together, the features and the labels (got ${files.length})`, { file: files.map((f) => f.name).join(', ') });
  const [a, b] = files as [NamedBytes, NamedBytes];
  const labels = LABELS.test(a.name) && !LABELS.test(b.name) ? 0 : 1;
  return { kind, files: [a, b], labels, task: 'classification' };
}

/** From the file input (a CSV, two .npy or IDX files, or a zip of images). */
export async function pickFiles(files: readonly File[]): Promise<Picked> {
  const names = files.map((f) => f.name);
  if (files.length === 0) throw new DataError('no file chosen');
  if (files.length === 1 && CSV.test(names[0]!)) {
    const table = readCsvTable(await files[0]!.text(), names[0]!);
    return { kind: 'csv', table, choice: guessCsvChoice(table) };
  }
  if (files.length === 1 && ZIP.test(names[0]!)) {
    const entries = imageEntriesFromZip((await bytesOf(files[0]!)).bytes, names[0]!);
    return { kind: 'images', source: names[0]!, entries, size: DEFAULT_IMAGE_SIZE, channels: 1 };
  }
  if (names.every((n) => NPY.test(n))) return pair(await Promise.all(files.map(bytesOf)), 'npy', '.npy');
  if (names.every((n) => IDX.test(n))) return pair(await Promise.all(files.map(bytesOf)), 'idx', 'IDX');
  throw new DataError('not data netloom reads: choose a .csv file, two .npy files, two IDX files (…-idx3-ubyte[.gz] and …-idx1-ubyte[.gz]) or a .zip of images with one folder per class', { file: names.join(', ') });
}

/** From the folder input: every image under it, one sub-folder per class. */
export function pickFolder(files: readonly File[]): Picked {
  const entries = imageEntriesFromFolder(files);
  const source = files[0]?.webkitRelativePath.split('/')[0] || 'folder';
  return { kind: 'images', source, entries, size: DEFAULT_IMAGE_SIZE, channels: 1 };
}

export async function loadPicked(picked: Picked, decode: DecodeImage): Promise<LocalDataset> {
  switch (picked.kind) {
    case 'csv':
      return loadCsvTable(picked.table, picked.choice);
    case 'npy':
    case 'idx': {
      const labels = picked.files[picked.labels], features = picked.files[1 - picked.labels]!;
      return picked.kind === 'npy' ? loadNpy(features, labels, picked.task) : loadIdx(features, labels);
    }
    case 'images':
      return loadImageFolder(picked.entries, { source: picked.source, size: picked.size, channels: picked.channels }, decode);
  }
}
