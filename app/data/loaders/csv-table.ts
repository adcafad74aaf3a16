/**
 * A CSV file as a table the user picks columns from: parsed once (the engine's RFC 4180 parser), shown as its first
 * rows while the user chooses the target and feature columns, then turned into data by the engine's CSV dataset
 * code, whose errors name the line and column.
 */
import { recordsToDataset } from '../../../engine/data/csv-dataset.ts';
import { parseCsv, type CsvRecord } from '../../../engine/data/csv-parse.ts';
import { DataError } from '../../../engine/data/data-error.ts';
import type { Task } from '../../../engine/data/registry.ts';
import type { LocalDataset } from '../local-dataset.ts';

export interface CsvTable {
  readonly file: string;
  readonly records: readonly CsvRecord[];
  /** Whether the first record names the columns (guessed: some field of it is not a number). */
  readonly header: boolean;
  /** Column names: the header's, or `column 1`, `column 2`, … */
  readonly columns: readonly string[];
}

export interface CsvChoice {
  /** 0-based column indices. */
  readonly target: number;
  readonly features: readonly number[];
  readonly task: Task;
}

const isNumber = (text: string): boolean => text.trim() !== '' && Number.isFinite(Number(text));

export function readCsvTable(text: string, file: string): CsvTable {
  const records = parseCsv(text, file);
  const first = records[0];
  if (!first) throw new DataError('the file is empty', { file });
  const header = !first.fields.every(isNumber);
  const columns = header ? first.fields.map((f) => f.trim()) : first.fields.map((_, i) => `column ${i + 1}`);
  return { file, records, header, columns };
}

/** The data rows (after the header), for the preview table. */
export function dataRows(table: CsvTable): readonly CsvRecord[] {
  return table.header ? table.records.slice(1) : table.records;
}

/** Classification when the column holds text, or only whole numbers with at most this many distinct values. */
const MAX_GUESSED_CLASSES = 20;

/** A first guess the user can change: the last column is the target, every other column a feature. */
export function guessCsvChoice(table: CsvTable): CsvChoice {
  const target = table.columns.length - 1;
  const values = dataRows(table).slice(0, 1000).map((r) => r.fields[target] ?? '');
  const distinct = new Set(values.map((v) => v.trim()));
  const categorical = values.some((v) => !isNumber(v)) || (values.every((v) => Number.isInteger(Number(v))) && distinct.size <= MAX_GUESSED_CLASSES);
  return { target, features: table.columns.map((_, i) => i).filter((i) => i !== target), task: categorical ? 'classification' : 'regression' };
}

export function loadCsvTable(table: CsvTable, choice: CsvChoice): LocalDataset {
  const data = recordsToDataset(table.records, { file: table.file, header: table.header, target: choice.target, features: choice.features, task: choice.task });
  const rows = data.features.shape[0]!;
  return {
    name: table.file,
    description: `${rows} rows of ${table.file}: ${choice.features.length} feature column${choice.features.length === 1 ? '' : 's'}, target ${JSON.stringify(table.columns[choice.target])}`,
    task: choice.task,
    data: { train: { features: data.features, labels: data.labels } },
    ...(data.classNames ? { classNames: data.classNames } : {}),
  };
}
