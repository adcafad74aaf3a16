/**
 * The page's loaders for the user's own data: CSV (column choice, errors naming line and column), .npy, IDX
 * (gzipped or not) and class-per-folder images from a zip, each ending in the Your-data node's params.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../engine/data/data-error.ts';
import { writeNpy } from '../../engine/io/npy.ts';
import { dataRows, guessCsvChoice, loadCsvTable, readCsvTable } from '../../app/data/loaders/csv-table.ts';
import { imageEntriesFromZip } from '../../app/data/loaders/image-entries.ts';
import { loadIdx } from '../../app/data/loaders/load-idx.ts';
import { loadImageFolder, type DecodeImage } from '../../app/data/loaders/load-image-folder.ts';
import { loadNpy } from '../../app/data/loaders/load-npy.ts';
import { loadPicked, pickFiles } from '../../app/data/loaders/picked-data.ts';
import { localDataParams } from '../../app/data/local-dataset.ts';
import { dataErrorMessage } from '../data/data-error-message.ts';

const text = (s: string) => new TextEncoder().encode(s);

async function dataErrorOf(load: () => Promise<unknown>): Promise<string> {
  const error = await load().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return (error as Error).message;
}

describe('CSV', () => {
  const csv = 'width,height,species\n1.5,0.2,setosa\n4.7,1.4,versicolor\n1.4,0.3,setosa\n';

  it('finds the header, shows the data rows, and guesses the last column as a class target', () => {
    const table = readCsvTable(csv, 'iris.csv');
    expect(table.header).toBe(true);
    expect(table.columns).toEqual(['width', 'height', 'species']);
    expect(dataRows(table).map((r) => r.fields[2])).toEqual(['setosa', 'versicolor', 'setosa']);
    expect(guessCsvChoice(table)).toEqual({ target: 2, features: [0, 1], task: 'classification' });
  });

  it('loads the chosen columns and describes them as node params', () => {
    const dataset = loadCsvTable(readCsvTable(csv, 'iris.csv'), { target: 2, features: [1], task: 'classification' });
    expect(dataset.data.train.features.shape).toEqual([3, 1]);
    expect(Array.from(dataset.data.train.features.data)).toEqual([Math.fround(0.2), Math.fround(1.4), Math.fround(0.3)]);
    expect(Array.from(dataset.data.train.labels.data)).toEqual([0, 1, 0]);
    expect(dataset.classNames).toEqual(['setosa', 'versicolor']);
    expect(localDataParams(dataset)).toEqual({ name: 'iris.csv', features: [1], task: 'classification', classes: 2 });
  });

  it('takes a file without a header, with a numeric target to regress', () => {
    const table = readCsvTable('1,2,0.5\n3,4,1.25\n5,6,2.125\n', 'values.csv');
    expect(table.header).toBe(false);
    expect(table.columns).toEqual(['column 1', 'column 2', 'column 3']);
    const choice = guessCsvChoice(table);
    expect(choice.task).toBe('regression');
    const dataset = loadCsvTable(table, choice);
    expect(dataset.data.train.labels.shape).toEqual([3, 1]);
    expect(localDataParams(dataset)).toEqual({ name: 'values.csv', features: [2], task: 'regression', targets: 1 });
  });

  it('names the line and column of a bad value', () => {
    const table = readCsvTable('width,height,species\n1.5,0.2,setosa\n4.7,tall,versicolor\n', 'bad.csv');
    const message = dataErrorMessage(() => loadCsvTable(table, guessCsvChoice(table)));
    expect(message).toBe('bad.csv, line 3, column "height": "tall" is not a number');
  });

  it('names the line of a row with too few fields', () => {
    const table = readCsvTable('a,b,c\n1,2,x\n3,4\n', 'short.csv');
    expect(dataErrorMessage(() => loadCsvTable(table, guessCsvChoice(table)))).toMatch(/^short\.csv, line 3: 2 fields/);
  });
});

describe('.npy', () => {
  const features = writeNpy({ shape: [3, 2], dtype: 'f32', data: Float32Array.from([1, 2, 3, 4, 5, 6]) });

  it('reads features and integer class labels', () => {
    const labels = writeNpy({ shape: [3], dtype: 'i32', data: Int32Array.from([2, 0, 1]) });
    const dataset = loadNpy({ name: 'x.npy', bytes: features }, { name: 'y.npy', bytes: labels }, 'classification');
    expect(dataset.data.train.features.shape).toEqual([3, 2]);
    expect(Array.from(dataset.data.train.labels.data)).toEqual([2, 0, 1]);
    expect(localDataParams(dataset)).toEqual({ name: 'x.npy', features: [2], task: 'classification', classes: 3 });
  });

  it('names the labels file when the sample counts differ', () => {
    const labels = writeNpy({ shape: [2], dtype: 'i32', data: Int32Array.from([0, 1]) });
    expect(dataErrorMessage(() => loadNpy({ name: 'x.npy', bytes: features }, { name: 'y.npy', bytes: labels }, 'classification')))
      .toBe('y.npy: 2 labels for the 3 samples of x.npy');
  });

  it('refuses regression targets deeper than [N, k]', () => {
    const labels = writeNpy({ shape: [3, 1, 2], dtype: 'f32', data: new Float32Array(6) });
    expect(dataErrorMessage(() => loadNpy({ name: 'x.npy', bytes: features }, { name: 'y.npy', bytes: labels }, 'regression'))).toMatch(/^y\.npy: regression targets/);
  });
});

/** An IDX file as the format defines it: 0, 0, type byte, rank, big-endian dims, then the bytes. */
function idx(shape: readonly number[], values: readonly number[]): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  header[2] = 0x08;
  header[3] = shape.length;
  const view = new DataView(header.buffer);
  shape.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  return Uint8Array.from([...header, ...values]);
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('IDX', () => {
  const images = idx([2, 2, 3], [0, 51, 255, 0, 0, 0, 255, 255, 255, 255, 255, 102]);

  it('reads gzipped images as [N, 1, H, W] in [0, 1] with their class labels', async () => {
    const dataset = await loadIdx({ name: 'images-idx3-ubyte.gz', bytes: await gzip(images) }, { name: 'labels-idx1-ubyte', bytes: idx([2], [7, 3]) });
    expect(dataset.data.train.features.shape).toEqual([2, 1, 2, 3]);
    expect(dataset.data.train.features.data[1]).toBeCloseTo(0.2, 6);
    expect(dataset.data.train.features.data[11]).toBeCloseTo(0.4, 6);
    expect(Array.from(dataset.data.train.labels.data)).toEqual([7, 3]);
    expect(localDataParams(dataset)).toEqual({ name: 'images-idx3-ubyte.gz', features: [1, 2, 3], task: 'classification', classes: 8 });
  });

  it('names the labels file when it has a different count', async () => {
    const message = await dataErrorOf(() => loadIdx({ name: 'images', bytes: images }, { name: 'labels', bytes: idx([3], [1, 2, 3]) }));
    expect(message).toBe('labels: 3 labels for the 2 images of images');
  });

  it('names a truncated images file', async () => {
    const message = await dataErrorOf(() => loadIdx({ name: 'cut', bytes: images.subarray(0, 14) }, { name: 'labels', bytes: idx([2], [0, 1]) }));
    expect(message).toMatch(/^cut: truncated/);
  });
});

/**
 * Binary PPM (P6), a real image format simple enough to decode here: it stands in for the browser's decoder,
 * which needs a page (the e2e tests use that one).
 */
const ppm = (width: number, height: number, rgb: readonly number[]) => Uint8Array.from([...text(`P6\n${width} ${height}\n255\n`), ...rgb]);
const decodePpm: DecodeImage = async (bytes) => {
  const header = new TextDecoder().decode(bytes.subarray(0, 15)).match(/^P6\n(\d+) (\d+)\n255\n/);
  if (!header) throw new Error('not a P6 image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = bytes.subarray(header[0].length);
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) rgba.set([rgb[3 * p]!, rgb[3 * p + 1]!, rgb[3 * p + 2]!, 255], 4 * p);
  return { width, height, rgba };
};

describe('images from a zip, one folder per class', () => {
  const zip = zipSync({
    'pets/dogs/a.png': ppm(2, 2, new Array(12).fill(255)),
    'pets/cats/b.png': ppm(1, 1, [0, 0, 0]),
    'pets/notes.txt': text('not an image'),
    '__MACOSX/pets/cats/._b.png': text('resource fork'),
  });

  it('lists only the image files, then resizes and labels them by folder', async () => {
    const entries = imageEntriesFromZip(zip, 'pets.zip');
    expect(entries.map((e) => e.path).sort()).toEqual(['pets/cats/b.png', 'pets/dogs/a.png']);
    const dataset = await loadImageFolder(entries, { source: 'pets.zip', size: 2, channels: 1 }, decodePpm);
    expect(dataset.classNames).toEqual(['cats', 'dogs']);
    expect(dataset.data.train.features.shape).toEqual([2, 1, 2, 2]);
    const dogs = dataset.data.train.labels.data.indexOf(1);
    expect(Array.from(dataset.data.train.features.data.subarray(4 * dogs, 4 * dogs + 4))).toEqual([1, 1, 1, 1]);
    expect(Array.from(dataset.data.train.features.data.subarray(4 * (1 - dogs), 4 * (1 - dogs) + 4))).toEqual([0, 0, 0, 0]);
    expect(localDataParams(dataset)).toEqual({ name: 'pets.zip', features: [1, 2, 2], task: 'classification', classes: 2 });
  });

  it('names the file that does not decode', async () => {
    const broken = imageEntriesFromZip(zipSync({ 'cats/a.png': ppm(1, 1, [0, 0, 0]), 'dogs/b.png': text('garbage') }), 'broken.zip');
    const message = await dataErrorOf(() => loadImageFolder(broken, { source: 'broken.zip', size: 4, channels: 3 }, decodePpm));
    expect(message).toBe('broken.zip: dogs/b.png is not an image the browser can decode (not a P6 image)');
  });

  it('names a file that is not a zip', () => {
    expect(dataErrorMessage(() => imageEntriesFromZip(text('plain text'), 'pets.zip'))).toMatch(/^pets\.zip: not a readable zip file/);
  });
});

describe('picking files', () => {
  const file = (name: string, bytes: Uint8Array) => new File([bytes as Uint8Array<ArrayBuffer>], name);

  it('recognises two .npy files, finds the labels file by its name, and loads them', async () => {
    const x = writeNpy({ shape: [2, 3], dtype: 'f32', data: new Float32Array(6) });
    const y = writeNpy({ shape: [2], dtype: 'i32', data: Int32Array.from([1, 0]) });
    const picked = await pickFiles([file('train_labels.npy', y), file('train_x.npy', x)]);
    expect(picked).toMatchObject({ kind: 'npy', labels: 0 });
    const dataset = await loadPicked(picked, () => Promise.reject(new Error('no images here')));
    expect(dataset.data.train.features.shape).toEqual([2, 3]);
  });

  it('recognises a CSV file and guesses its columns', async () => {
    const picked = await pickFiles([file('points.csv', text('x,y,class\n1,2,a\n3,4,b\n'))]);
    expect(picked).toMatchObject({ kind: 'csv', choice: { target: 2, features: [0, 1], task: 'classification' } });
  });

  it('names the files it cannot read', async () => {
    expect(await dataErrorOf(() => pickFiles([file('model.onnx', text('?'))]))).toMatch(/^model\.onnx: not data netloom reads/);
    expect(await dataErrorOf(() => pickFiles([file('x.npy', text('?'))]))).toMatch(/^x\.npy: choose two \.npy files together/);
  });
});
