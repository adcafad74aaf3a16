/**
 * Python literals for generated code. Text from the user's document (node ids, names) reaches Python source only
 * through `pythonString`, which writes pure ASCII with every other character escaped, so no input can end the
 * string, start a comment or change the file's encoding.
 */

const hex = (code: number, digits: number): string => code.toString(16).padStart(digits, '0');

/** A double-quoted Python string literal of `text` (UTF-16 code units; a lone surrogate is kept, as Python allows). */
export function pythonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === '"') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code < 0x100) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

/** A Python int or float literal, as the number is written in JSON (`1e-08`, `0.5`, `3`). */
export function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} has no Python literal`);
  return Object.is(value, -0) ? '-0.0' : String(value);
}

/** A Python float literal: integers get `.0`, so `torch.full(shape, 1.0)` makes a float tensor. */
export function pythonFloat(value: number): string {
  const text = pythonNumber(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export const pythonBool = (value: boolean): string => (value ? 'True' : 'False');

/** `(a, b)`, with the trailing comma a one-element tuple needs. */
export function pythonTuple(items: readonly string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

export const pythonList = (items: readonly string[]): string => `[${items.join(', ')}]`;
