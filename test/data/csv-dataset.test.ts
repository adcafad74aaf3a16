/** CSV tables as features and labels: column choice, classification and regression targets, and every refusal. */
import { describe, expect, it } from 'vitest';
import { csvDataset, type CsvDatasetOptions } from '../../engine/data/csv-dataset.ts';
import { dataErrorMessage } from './data-error-message.ts';

const FLOWERS = [
  'sepal length,sepal width,species,note',
  '5.1,3.5,setosa,"first, with a comma"',
  '7.0,3.2,versicolor,""',
  '6.3,3.3,virginica,x',
  '4.9,3.0,setosa,"said ""hi"""',
].join('\r\n');

const options = (over: Partial<CsvDatasetOptions> = {}): CsvDatasetOptions => ({
  file: 'flowers.csv', header: true, target: 'species', features: ['sepal length', 'sepal width'], task: 'classification', ...over,
});

const refusal = (text: string, over: Partial<CsvDatasetOptions>): string => dataErrorMessage(() => csvDataset(text, options(over)));

describe('csvDataset', () => {
  it('numbers string classes in sorted order and keeps their names', () => {
    const table = csvDataset(FLOWERS, options());
    expect(table.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(table.labels).toEqual({ shape: [4], dtype: 'i32', data: Int32Array.from([0, 1, 2, 0]) });
    expect(table.features.shape).toEqual([4, 2]);
    expect(Array.from(table.features.data)).toEqual([5.1, 3.5, 7.0, 3.2, 6.3, 3.3, 4.9, 3.0].map(Math.fround));
  });

  it('sorts numeric class names as numbers', () => {
    const table = csvDataset('x,y\n1,10\n2,9\n3,2\n4,10\n', options({ target: 'y', features: ['x'] }));
    expect(table.classNames).toEqual(['2', '9', '10']);
    expect(Array.from(table.labels.data)).toEqual([2, 1, 0, 2]);
  });

  it('reads a regression target as f32 [N, 1], with columns by index and no header', () => {
    const table = csvDataset('1,2,0.5\n3,4,-1.25\n', options({ header: false, target: 2, features: [1, 0], task: 'regression' }));
    expect(table.labels).toEqual({ shape: [2, 1], dtype: 'f32', data: Float32Array.from([0.5, -1.25]) });
    expect(Array.from(table.features.data)).toEqual([2, 1, 4, 3]);
    expect(table.classNames).toBeUndefined();
  });

  it('uses every other column as a feature by default', () => {
    const table = csvDataset('a,t,b\n1,x,2\n', options({ target: 't', features: undefined }));
    expect(Array.from(table.features.data)).toEqual([1, 2]);
  });

  it('refuses a ragged row, naming its line', () => {
    expect(refusal('a,b,c\n1,2,x\n3,4\n', { target: 'c', features: undefined })).toBe('flowers.csv, line 3: 2 fields, but the header has 3');
    expect(refusal('1,2,x\n3,4,y,5\n', { header: false, target: 2, features: undefined })).toBe('flowers.csv, line 2: 4 fields, but the first row has 3');
  });

  it('refuses a non-numeric or empty feature, naming line and column', () => {
    expect(refusal(FLOWERS.replace('7.0', 'seven'), {})).toBe('flowers.csv, line 3, column "sepal length": "seven" is not a number');
    expect(refusal('1,,a\n', { header: false, target: 2, features: undefined })).toBe('flowers.csv, line 1, column 2: "" is not a number');
    expect(refusal('1,Infinity,a\n', { header: false, target: 2, features: undefined })).toBe('flowers.csv, line 1, column 2: "Infinity" is not a number');
  });

  it('refuses a non-numeric regression target and an empty class label', () => {
    expect(refusal('x,y\n1,2\n3,big\n', { target: 'y', features: ['x'], task: 'regression' })).toBe('flowers.csv, line 3, column "y": "big" is not a number');
    expect(refusal('x,y\n1, \n', { target: 'y', features: ['x'] })).toBe('flowers.csv, line 2, column "y": the class label is empty');
  });

  it('refuses unknown, ambiguous and out-of-range columns', () => {
    expect(refusal(FLOWERS, { target: 'kind' })).toBe('flowers.csv: no column named "kind"; the columns are "sepal length", "sepal width", "species", "note"');
    expect(refusal('a,a,t\n1,2,x\n', { target: 't', features: ['a'] })).toBe('flowers.csv: 2 columns are named "a"; refer to one by its 0-based index (0 or 1)');
    expect(refusal(FLOWERS, { target: 4 })).toBe('flowers.csv: column index 4 is out of range: the file has 4 columns (0 to 3)');
    expect(refusal('1,2\n', { header: false, target: 'y' })).toBe('flowers.csv: column "y" needs a header row; without one, refer to columns by 0-based index');
  });

  it('refuses a target that is also a feature, no features and no rows', () => {
    expect(refusal(FLOWERS, { features: ['sepal width', 'species'] })).toBe('flowers.csv: the target column "species" is also listed as a feature');
    expect(refusal(FLOWERS, { features: [] })).toBe('flowers.csv: no feature columns');
    expect(refusal('a,b\n', { target: 'b', features: ['a'] })).toBe('flowers.csv: no data rows');
  });
});
