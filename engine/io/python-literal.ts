/**
 * A parser for the Python literals that .npy headers are written in (`{'descr': '<f4', 'fortran_order': False,
 * 'shape': (2, 3), }`): strings, integers, True/False/None, tuples, lists and dicts. NumPy reads the header with
 * `ast.literal_eval`; this accepts the same subset without evaluating anything. Dicts become Maps, so a key such as
 * `__proto__` is just a key.
 */

export type PythonLiteral = string | number | boolean | null | PythonLiteral[] | Map<PythonLiteral, PythonLiteral>;

export class PythonLiteralError extends Error {
  override readonly name = 'PythonLiteralError';
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
// Headers nest two levels (a dict holding a tuple); the limit keeps a hostile header from exhausting the stack.
const MAX_DEPTH = 32;
const KEYWORDS: ReadonlyMap<string, PythonLiteral> = new Map([['True', true], ['False', false], ['None', null]]);

/** Parses one literal that makes up the whole of `text` (surrounding whitespace allowed). */
export function parsePythonLiteral(text: string): PythonLiteral {
  let pos = 0;

  const fail = (what: string): never => {
    throw new PythonLiteralError(`${what} at character ${pos + 1}`);
  };
  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };

  const parseString = (quote: string): string => {
    pos++;
    let out = '';
    while (pos < text.length && text[pos] !== quote) {
      const c = text[pos++]!;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const escaped = ESCAPES[text[pos] ?? ''];
      if (escaped === undefined) fail('unsupported escape in a string');
      out += escaped;
      pos++;
    }
    if (pos >= text.length) fail('unterminated string');
    pos++;
    return out;
  };

  const parseNumber = (): number => {
    const match = /^[+-]?\d+/.exec(text.slice(pos));
    if (!match) return fail('expected a value');
    pos += match[0].length;
    if (text[pos] === 'L') pos++; // Python 2 long suffix, as in headers written by old NumPy
    const value = Number(match[0]);
    if (!Number.isSafeInteger(value)) fail(`integer ${match[0]} is too large`);
    return value;
  };

  // Items of a tuple, list or dict up to the closing bracket; a trailing comma is allowed, as in Python.
  // Returns whether any comma was seen, which tells the tuple `(5,)` from the parenthesised value `(5)`.
  const parseItems = (open: string, depth: number, item: (depth: number) => void): boolean => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    pos++;
    const close = CLOSERS[open]!;
    let comma = false;
    for (;;) {
      skipSpace();
      if (text[pos] === close) break;
      item(depth + 1);
      skipSpace();
      if (text[pos] === ',') {
        comma = true;
        pos++;
      } else if (text[pos] !== close) fail(`expected "," or "${close}"`);
    }
    pos++;
    return comma;
  };

  const parseValue = (depth: number): PythonLiteral => {
    skipSpace();
    const c = text[pos];
    if (c === undefined) return fail('unexpected end of text');
    if (c === "'" || c === '"') return parseString(c);
    if (c === '(' || c === '[') {
      const items: PythonLiteral[] = [];
      const comma = parseItems(c, depth, (d) => items.push(parseValue(d)));
      return c === '(' && items.length === 1 && !comma ? items[0]! : items;
    }
    if (c === '{') {
      const map = new Map<PythonLiteral, PythonLiteral>();
      parseItems(c, depth, (d) => {
        const key = parseValue(d);
        skipSpace();
        if (text[pos] !== ':') fail('expected ":"');
        pos++;
        map.set(key, parseValue(d));
      });
      return map;
    }
    const word = /^[A-Za-z_]\w*/.exec(text.slice(pos))?.[0];
    if (word !== undefined) {
      if (!KEYWORDS.has(word)) fail(`unexpected name ${word}`);
      pos += word.length;
      return KEYWORDS.get(word)!;
    }
    return parseNumber();
  };

  const value = parseValue(0);
  skipSpace();
  if (pos < text.length) fail('unexpected text after the value');
  return value;
}
