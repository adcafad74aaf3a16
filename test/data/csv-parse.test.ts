/** RFC 4180 parsing: quoting, escaped quotes, line endings and the line each record starts on. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../engine/data/csv-parse.ts';
import { DataError } from '../../engine/data/data-error.ts';

const fieldsOf = (text: string): string[][] => parseCsv(text, 't.csv').map((r) => [...r.fields]);

describe('parseCsv', () => {
  it('splits records and fields, with LF, CRLF or CR line ends and without a final one', () => {
    expect(fieldsOf('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fieldsOf('a,b\r\n1,2\r\n3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(fieldsOf('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf(',x,\n')).toEqual([['', 'x', '']]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    expect(fieldsOf('"a, b","say ""hi""","two\nlines",""\n')).toEqual([['a, b', 'say "hi"', 'two\nlines', '']]);
    expect(fieldsOf('"x\r\ny"')).toEqual([['x\r\ny']]);
  });

  it('numbers records by the line they start on, skipping blank lines', () => {
    const records = parseCsv('h1,h2\n\n"multi\nline",1\r\n\r\nlast,2\n\n', 't.csv');
    expect(records.map((r) => r.line)).toEqual([1, 3, 6]);
  });

  it('drops a byte-order mark', () => expect(fieldsOf('\uFEFFname,v\n')).toEqual([['name', 'v']]));

  it('takes a stray quote inside an unquoted field literally', () => expect(fieldsOf('5\'3",x')).toEqual([['5\'3"', 'x']]));

  it('refuses an unclosed quote, naming the line it opened on', () => {
    expect(() => parseCsv('a\nb,"open\nmore', 'data.csv')).toThrow(new DataError('a quoted field is never closed', { file: 'data.csv', line: 2 }));
    expect(() => parseCsv('a\nb,"open\nmore', 'data.csv')).toThrow('data.csv, line 2: a quoted field is never closed');
  });

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('ok\n"a"b,c', 'data.csv')).toThrow('data.csv, line 2: "b" follows a closing quote; inside a quoted field write a quote as ""');
  });
});
