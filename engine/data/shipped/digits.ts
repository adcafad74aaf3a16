/**
 * UCI optical recognition of handwritten digits, the 1,797 8×8 images scikit-learn ships: a gzipped CSV without a
 * header, 64 grey levels 0–16 (row by row) then the digit. Pixels are scaled to [0, 1] by dividing by 16.
 */
import { csvDataset } from '../csv-dataset.ts';
import { DataError } from '../data-error.ts';
import { gunzipIfCompressed } from '../gzip.ts';
import type { ShippedLoader } from './shipped-loader.ts';

const FILE = 'uci-digits-8x8.csv.gz';
const PIXELS = 64;
const GREY_LEVELS = 16;
const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));

export const digitsLoader: ShippedLoader = {
  files: [FILE],
  async load(read) {
    const text = new TextDecoder().decode(await gunzipIfCompressed(await read(FILE), FILE));
    const table = csvDataset(text, { file: FILE, header: false, target: PIXELS, task: 'classification' });
    if (table.features.shape[1] !== PIXELS) throw new DataError(`expected ${PIXELS} pixel columns before the label`, { file: FILE });
    if (table.classNames?.join() !== DIGITS.join()) throw new DataError(`expected the labels 0–9, found ${table.classNames?.join(', ')}`, { file: FILE });
    const pixels = table.features.data;
    for (let i = 0; i < pixels.length; i++) pixels[i] = pixels[i]! / GREY_LEVELS;
    return { train: { features: table.features, labels: table.labels }, classNames: DIGITS };
  },
};
