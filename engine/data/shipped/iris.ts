/**
 * Fisher's Iris in scikit-learn's CSV layout: a first line `150,4,setosa,versicolor,virginica` (sample count,
 * feature count, the class names), then four measurements in cm and the class index 0–2 per line.
 */
import { parseCsv } from '../csv-parse.ts';
import { recordsToDataset } from '../csv-dataset.ts';
import { DataError } from '../data-error.ts';
import type { ShippedLoader } from './shipped-loader.ts';

const FILE = 'iris.csv';

export const irisLoader: ShippedLoader = {
  files: [FILE],
  async load(read) {
    const [meta, ...rows] = parseCsv(new TextDecoder().decode(await read(FILE)), FILE);
    const samples = Number(meta?.fields[0]);
    const featureCount = Number(meta?.fields[1]);
    const species = meta?.fields.slice(2).map((name) => name.trim()) ?? [];
    if (!Number.isInteger(samples) || !Number.isInteger(featureCount) || species.length === 0) {
      throw new DataError('the first line must read "<samples>,<features>,<class names…>"', { file: FILE, line: 1 });
    }
    const table = recordsToDataset(rows, { file: FILE, header: false, target: featureCount, task: 'classification' });
    if (table.labels.shape[0] !== samples) throw new DataError(`the first line announces ${samples} samples but ${table.labels.shape[0]} follow`, { file: FILE });
    // The file stores class indices; the names on its first line say which species each index is.
    const indices = species.map((_, i) => String(i));
    if (table.classNames?.join() !== indices.join()) {
      throw new DataError(`class indices ${table.classNames?.join(', ')} do not match the ${species.length} names on the first line`, { file: FILE });
    }
    return { train: { features: table.features, labels: table.labels }, classNames: species };
  },
};
