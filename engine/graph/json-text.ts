/**
 * Reading untrusted JSON text: a size limit in UTF-8 bytes (what the file weighs on disk), JSON.parse, and on a
 * syntax error a message with line and column. JSON.parse's own messages differ between engines and often give no
 * position (V8: `Unexpected token '}', "{"a":}" is not valid JSON`), so the error is located by a small scanner
 * that runs only after JSON.parse has failed.
 */
import type { GraphIssue } from './errors.ts';
import { LIMITS } from './types.ts';

export type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: GraphIssue };

export function readJsonText(text: string, maxBytes: number = LIMITS.maxBytes): JsonRead {
  if (utf8LengthExceeds(text, maxBytes)) {
    return { ok: false, issue: { path: '$', message: `the text is larger than ${maxBytes} bytes (${formatMiB(maxBytes)}), the most netloom reads` } };
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects but the user cannot see.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const found = locateSyntaxError(body);
    if (!found) return { ok: false, issue: { path: '$', message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` } };
    const { line, column } = lineAndColumn(body, found.offset);
    return { ok: false, issue: { path: '$', message: `invalid JSON at line ${line}, column ${column}: ${found.reason}` } };
  }
}

/** Whether the UTF-8 encoding of `text` is longer than `max` bytes, counted without encoding it. */
function utf8LengthExceeds(text: string, max: number): boolean {
  // Every UTF-16 unit takes 1 to 3 bytes (a surrogate pair 4 for 2 units), which settles most texts at once.
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3; // includes a lone surrogate, which encoders replace by U+FFFD (3 bytes)
    if (bytes > max) return true;
  }
  return false;
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface SyntaxErrorAt {
  readonly offset: number;
  readonly reason: string;
}

/**
 * What the scanner expects next. `item` and `key` follow a comma, which is how a trailing comma (allowed in
 * JavaScript, not in JSON) is recognised and named.
 */
type Expect = 'value' | 'firstItem' | 'item' | 'firstKey' | 'key' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The first syntax error in `text`, or undefined if it finds none. Iterative with an explicit stack of open
 * brackets, so deeply nested input cannot overflow the call stack.
 */
function locateSyntaxError(text: string): SyntaxErrorAt | undefined {
  const open: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) {
      if (expect === 'after' && open.length === 0) return undefined;
      const unclosed = open.length > 0 ? ` (${open.length} unclosed ${open.length === 1 ? 'bracket' : 'brackets'})` : '';
      return { offset: text.length, reason: `the text ends too early${unclosed}` };
    }
    const ch = text[i]!;
    const top = open[open.length - 1];
    if (expect === 'after') {
      if (top === undefined) return { offset: i, reason: `unexpected ${show(ch)} after the end of the JSON value` };
      const close = top === '{' ? '}' : ']';
      if (ch === ',') expect = top === '{' ? 'key' : 'item';
      else if (ch === close) open.pop();
      else return { offset: i, reason: `expected ',' or '${close}' but found ${show(ch)}` };
      i++;
    } else if (expect === 'colon') {
      if (ch !== ':') return { offset: i, reason: `expected ':' after the key but found ${show(ch)}` };
      expect = 'value';
      i++;
    } else if (expect === 'firstKey' || expect === 'key') {
      if (ch === '}' && expect === 'firstKey') {
        open.pop();
        expect = 'after';
        i++;
      } else if (ch === '}') return { offset: i, reason: "a trailing comma before '}' (JSON allows none)" };
      else if (ch !== '"') return { offset: i, reason: `expected a "double-quoted" key but found ${show(ch)}` };
      else {
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        expect = 'colon';
        i = end;
      }
    } else if (ch === ']' && expect === 'firstItem') {
      open.pop();
      expect = 'after';
      i++;
    } else if (ch === ']' && expect === 'item') {
      return { offset: i, reason: "a trailing comma before ']' (JSON allows none)" };
    } else if (ch === '{' || ch === '[') {
      open.push(ch);
      expect = ch === '{' ? 'firstKey' : 'firstItem';
      i++;
    } else {
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return end;
      expect = 'after';
      i = end;
    }
  }
}

/** The end offset of the string, number or literal at `i`, or the error in it. */
function scanScalar(text: string, i: number): number | SyntaxErrorAt {
  const ch = text[i]!;
  if (ch === '"') return scanString(text, i);
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, i)) return i + literal.length;
  NUMBER.lastIndex = i;
  const number = NUMBER.exec(text);
  if (number) return i + number[0].length;
  if (ch === "'") return { offset: i, reason: 'strings need double quotes in JSON' };
  return { offset: i, reason: `expected a value (object, list, string, number, true, false or null) but found ${show(ch)}` };
}

function scanString(text: string, start: number): number | SyntaxErrorAt {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return { offset: i, reason: 'a line break or control character inside a string (write it as \\n, \\t, ...)' };
    if (c === 0x5c) {
      const next = text[i + 1] ?? '';
      if (next !== '' && '"\\/bfnrt'.includes(next)) i++;
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
      else return { offset: i, reason: `an invalid escape ${show(`\\${next}`)} in a string` };
    }
  }
  return { offset: start, reason: 'a string that is never closed' };
}

function show(s: string): string {
  return JSON.stringify(s);
}
