/**
 * CSV records as RFC 4180 defines them: comma-separated fields, records ended by CRLF, LF or CR, fields in double
 * quotes may hold commas, line breaks and doubled quotes (`""` for `"`). Blank lines are skipped and a leading
 * byte-order mark is dropped. Each record remembers the line it starts on, for error messages.
 */
import { DataError } from './data-error.ts';

export interface CsvRecord {
  /** 1-based line the record starts on. */
  readonly line: number;
  readonly fields: readonly string[];
}

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  // Consumes one line break (CRLF counts as one) at i, if there is one.
  const skipBreak = (): boolean => {
    if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
    else if (text[i] === '\n') i++;
    else return false;
    line++;
    return true;
  };

  const quotedField = (): string => {
    const opened = line;
    let field = '';
    i++;
    for (;;) {
      if (i >= text.length) throw new DataError('a quoted field is never closed', { file, line: opened });
      const c = text[i]!;
      if (c === '"') {
        if (text[i + 1] !== '"') break;
        field += '"';
        i += 2;
      } else if (isBreak(c)) {
        const start = i;
        skipBreak();
        field += text.slice(start, i);
      } else {
        field += c;
        i++;
      }
    }
    i++;
    if (i < text.length && text[i] !== ',' && !isBreak(text[i])) {
      throw new DataError(`${JSON.stringify(text[i])} follows a closing quote; inside a quoted field write a quote as ""`, { file, line });
    }
    return field;
  };

  while (i < text.length) {
    if (skipBreak()) continue; // a blank line
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text[i] === '"') fields.push(quotedField());
      else {
        let end = i;
        while (end < text.length && text[end] !== ',' && !isBreak(text[end])) end++;
        fields.push(text.slice(i, end));
        i = end;
      }
      if (text[i] !== ',') break;
      i++;
    }
    skipBreak();
    records.push({ line: start, fields });
  }
  return records;
}
