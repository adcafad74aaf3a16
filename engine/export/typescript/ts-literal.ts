/**
 * TypeScript literals for the exported module. Strings from the document are written only through JSON.stringify
 * (a valid TypeScript string literal for any input, line separators and lone surrogates included), and object keys
 * either as plain identifiers or quoted the same way, so no name can break out of its literal.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key: bare when it is an identifier, quoted otherwise; `__proto__` computed, so it stays an own key. */
export function tsKey(key: string): string {
  if (key === '__proto__') return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** A number as written in JSON, keeping the sign of -0. */
export const tsNumber = (value: number): string => (Object.is(value, -0) ? '-0' : String(value));

/**
 * A literal for plain data (numbers, strings, booleans, arrays, objects), on one line when it fits in `width`
 * characters, else one entry per line indented under `indent`.
 */
export function tsLiteral(value: unknown, indent = '', width = 100): string {
  const flat = flatLiteral(value);
  if (flat.length <= width || typeof value !== 'object' || value === null) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${tsLiteral(v, inner, width)},`).join('\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([k, v]) => `${inner}${tsKey(k)}: ${tsLiteral(v, inner, width)},`).join('\n')}\n${indent}}`;
}

function flatLiteral(value: unknown): string {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} has no JSON literal`);
      return tsNumber(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map(flatLiteral).join(', ')}]`;
      const entries = Object.entries(value);
      return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${tsKey(k)}: ${flatLiteral(v)}`).join(', ')} }`;
    }
    default:
      throw new Error(`a ${typeof value} has no literal in an exported graph`);
  }
}
