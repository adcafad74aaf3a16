/**
 * A CSV table as features and labels: choose the target column and the feature columns (by header name or 0-based
 * index), then every feature must be a number, and the target is either a class (any text; classes are numbered
 * 0, 1, … in sorted order, and their names kept) or a number to regress.
 */
import type { HostTensor } from '../backends/backend.ts';
import { parseCsv, type CsvRecord } from './csv-parse.ts';
import { DataError } from './data-error.ts';
import type { Task } from './registry.ts';

/** A column by its header name, or by its 0-based position. */
export type ColumnRef = string | number;

export interface CsvDatasetOptions {
  /** The file's name, for error messages. */
  readonly file: string;
  /** Whether the first record names the columns. */
  readonly header: boolean;
  readonly target: ColumnRef;
  /** Default: every column except the target, in file order. */
  readonly features?: readonly ColumnRef[];
  readonly task: Task;
}

/** Features f32 [N, F]; labels i32 class indices [N] (classification) or f32 values [N, 1] (regression). */
export interface TabularData {
  readonly features: HostTensor;
  readonly labels: HostTensor;
  /** Classification only: the class names, index i naming class i. */
  readonly classNames?: readonly string[];
}

export function csvDataset(text: string, options: CsvDatasetOptions): TabularData {
  return recordsToDataset(parseCsv(text, options.file), options);
}

/** The same from already parsed records (for files whose first line is not a header, such as scikit-learn's). */
export function recordsToDataset(records: readonly CsvRecord[], options: CsvDatasetOptions): TabularData {
  const { file } = options;
  const names = options.header ? records[0]?.fields.map((f) => f.trim()) : undefined;
  const rows = options.header ? records.slice(1) : records;
  const first = rows[0];
  if (!first) throw new DataError('no data rows', { file });
  const width = names?.length ?? first.fields.length;
  const columnLabel = (index: number): string => (names ? JSON.stringify(names[index]) : String(index + 1));

  const resolve = (ref: ColumnRef): number => {
    if (typeof ref === 'number') {
      if (!Number.isInteger(ref) || ref < 0 || ref >= width) throw new DataError(`column index ${ref} is out of range: the file has ${width} columns (0 to ${width - 1})`, { file });
      return ref;
    }
    if (!names) throw new DataError(`column ${JSON.stringify(ref)} needs a header row; without one, refer to columns by 0-based index`, { file });
    const matches = names.flatMap((name, index) => (name === ref ? [index] : []));
    if (matches.length === 0) throw new DataError(`no column named ${JSON.stringify(ref)}; the columns are ${names.map((n) => JSON.stringify(n)).join(', ')}`, { file });
    if (matches.length > 1) throw new DataError(`${matches.length} columns are named ${JSON.stringify(ref)}; refer to one by its 0-based index (${matches.join(' or ')})`, { file });
    return matches[0]!;
  };

  const target = resolve(options.target);
  const featureColumns = options.features ? options.features.map(resolve) : [...Array(width).keys()].filter((c) => c !== target);
  if (featureColumns.includes(target)) throw new DataError(`the target column ${columnLabel(target)} is also listed as a feature`, { file });
  if (featureColumns.length === 0) throw new DataError('no feature columns', { file });

  const numberAt = (record: CsvRecord, column: number): number => {
    const text = record.fields[column]!;
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) throw new DataError(`${JSON.stringify(text)} is not a number`, { file, line: record.line, column: columnLabel(column) });
    return value;
  };

  const features = new Float32Array(rows.length * featureColumns.length);
  rows.forEach((record, r) => {
    if (record.fields.length !== width) {
      throw new DataError(`${record.fields.length} fields, but the ${names ? 'header' : 'first row'} has ${width}`, { file, line: record.line });
    }
    featureColumns.forEach((column, c) => {
      features[r * featureColumns.length + c] = numberAt(record, column);
    });
  });
  const featureTensor: HostTensor = { shape: [rows.length, featureColumns.length], dtype: 'f32', data: features };

  if (options.task === 'regression') {
    const labels = Float32Array.from(rows, (record) => numberAt(record, target));
    return { features: featureTensor, labels: { shape: [rows.length, 1], dtype: 'f32', data: labels } };
  }
  const classOf = rows.map((record) => {
    const name = record.fields[target]!.trim();
    if (name === '') throw new DataError('the class label is empty', { file, line: record.line, column: columnLabel(target) });
    return name;
  });
  const classNames = sortClassNames(new Set(classOf));
  const index = new Map(classNames.map((name, i) => [name, i]));
  const labels = Int32Array.from(classOf, (name) => index.get(name)!);
  return { features: featureTensor, labels: { shape: [rows.length], dtype: 'i32', data: labels }, classNames };
}

/** Numerically when every name is a number (so "10" follows "9"), otherwise by UTF-16 code unit (locale-independent). */
function sortClassNames(names: ReadonlySet<string>): string[] {
  const sorted = [...names];
  if (sorted.every((n) => Number.isFinite(Number(n)))) return sorted.sort((a, b) => Number(a) - Number(b));
  return sorted.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
