/**
 * The user's key bindings as stored in this browser: one small versioned JSON record. Reading never throws: a
 * record that is corrupt, from another version, names an unknown or fixed command, holds a chord that cannot be
 * bound, or would give one chord to two commands is ignored whole, and the defaults apply.
 */
import { isBindable } from './chord-capture.ts';
import { COMMANDS } from './commands.ts';
import { isConflictFree, type Overrides } from './effective-keys.ts';

export const BINDINGS_STORAGE_KEY = 'netloom.keybindings';
const FORMAT = 'netloom.keybindings';
const VERSION = 1;
// Generous for ~25 commands; anything larger was not written by this app.
const MAX_TEXT_LENGTH = 16_384;
const MAX_KEYS_PER_COMMAND = 4;

interface BindingsRecord {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  readonly bindings: Overrides;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isKeyList = (keys: unknown): keys is readonly string[] =>
  Array.isArray(keys) && keys.length <= MAX_KEYS_PER_COMMAND && keys.every((k) => typeof k === 'string' && isBindable(k));

export function readBindingsRecord(text: string | null): Overrides {
  if (text === null || text.length > MAX_TEXT_LENGTH) return {};
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isPlainObject(record) || record.format !== FORMAT || record.version !== VERSION || !isPlainObject(record.bindings)) return {};
  const entries = Object.entries(record.bindings);
  // Known ids only, so keys such as `__proto__` never reach the overrides.
  const valid = entries.every(([id, keys]) => COMMANDS.some((c) => c.id === id && c.fixed === undefined) && isKeyList(keys));
  if (!valid) return {};
  const overrides: Overrides = Object.fromEntries(entries as [string, readonly string[]][]);
  return isConflictFree(overrides) ? overrides : {};
}

export function writeBindingsRecord(overrides: Overrides): string {
  const record: BindingsRecord = { format: FORMAT, version: VERSION, bindings: overrides };
  return JSON.stringify(record);
}
