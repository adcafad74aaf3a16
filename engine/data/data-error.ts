/** How dataset loading reports a problem: the file, line and column it lies at, in the message users see. */

export interface DataLocation {
  readonly file?: string;
  /** 1-based line of a text file (the line a record starts on). */
  readonly line?: number;
  /** The column as users know it: `"sepal width"` under a header row, else its 1-based number. */
  readonly column?: string;
}

/** Thrown by the loaders and by loadDataset; the message reads like `iris.csv, line 7, column 3: "x" is not a number`. */
export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(readonly detail: string, readonly location: DataLocation = {}) {
    const where = [
      location.file,
      location.line === undefined ? undefined : `line ${location.line}`,
      location.column === undefined ? undefined : `column ${location.column}`,
    ].filter((part) => part !== undefined);
    super(where.length > 0 ? `${where.join(', ')}: ${detail}` : detail);
  }
}
