/**
 * Text forms of list-like params for the inspector's text fields: sizes (`3`, `3, 5`, `same`), shapes
 * (`N, 1, 28, 28`), int lists and string lists, written as comma lists or JSON arrays. Parsing only checks the
 * form; ranges and meaning are checked by the engine, which reports them on the node.
 */
import type { ParamDef } from '../../engine/compile/params.ts';
import type { ParamValue } from '../../engine/graph/types.ts';

export type Parsed = { readonly ok: true; readonly value: ParamValue } | { readonly ok: false; readonly message: string };

export function formatParamText(value: ParamValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Splits `3, 5`, `[3,5]` or `["N", 784]` into trimmed items (quotes removed); empty items are dropped. */
function items(text: string): string[] {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  return body.split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter((s) => s.length > 0);
}

const INT = /^-?\d+$/;

export function parseParamText(def: ParamDef, text: string): Parsed {
  const list = items(text);
  switch (def.type) {
    case 'size': {
      const keyword = def.keywords?.find((k) => k === text.trim());
      if (keyword) return { ok: true, value: keyword };
      if (list.length === 0 || !list.every((s) => INT.test(s))) {
        return { ok: false, message: `a whole number, or one per axis like 3, 5${def.keywords?.length ? `, or ${def.keywords.join(' / ')}` : ''}` };
      }
      const numbers = list.map(Number);
      return { ok: true, value: numbers.length === 1 && !text.includes('[') && !text.includes(',') ? numbers[0]! : numbers };
    }
    case 'shape': {
      if (list.length === 0) return { ok: false, message: 'a comma list of sizes and symbols, like N, 1, 28, 28' };
      return { ok: true, value: list.map((s) => (INT.test(s) ? Number(s) : s)) };
    }
    case 'ints': {
      if (!list.every((s) => INT.test(s))) return { ok: false, message: 'a comma list of whole numbers, like 1, 2, 3' };
      return { ok: true, value: list.map(Number) };
    }
    case 'texts':
      return { ok: true, value: list };
    case 'text':
      return { ok: true, value: text };
    case 'int':
    case 'float': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return { ok: false, message: 'a number' };
      return { ok: true, value: n };
    }
    case 'bool':
      return { ok: true, value: text === 'true' };
    case 'choice':
      return def.choices.includes(text) ? { ok: true, value: text } : { ok: false, message: `one of ${def.choices.join(', ')}` };
  }
}
