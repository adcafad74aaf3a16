/**
 * The effective keymap: the registry's default keys with the user's overrides on top. Pure functions over an
 * overrides record, so the store, the keyboard handler, the sheet and the stored record all agree on one rule:
 * a chord runs at most one command.
 */
import { reservedReason } from './chord-capture.ts';
import { COMMANDS, commandById, type Command } from './commands.ts';
import { sameChord } from './keymap.ts';

/** The user's keys by command id (canonical chord texts); a command absent here keeps its registry defaults. */
export type Overrides = Readonly<Record<string, readonly string[]>>;

export function keysOf(command: Command, overrides: Overrides): readonly string[] {
  return Object.hasOwn(overrides, command.id) ? overrides[command.id]! : command.keys;
}

/** The command this chord runs, ignoring `exceptId` (the one being rebound). */
export function holderOf(chord: string, overrides: Overrides, exceptId?: string): Command | undefined {
  return COMMANDS.find((c) => c.id !== exceptId && keysOf(c, overrides).some((k) => sameChord(k, chord)));
}

/** Whether no chord runs two commands (a stored record that breaks this is outdated). */
export function isConflictFree(overrides: Overrides): boolean {
  const chords = COMMANDS.flatMap((c) => keysOf(c, overrides));
  return chords.every((chord, i) => !chords.slice(i + 1).some((other) => sameChord(chord, other)));
}

/** What pressing `chord` while rebinding `commandId` leads to. */
export type Proposal =
  | { readonly type: 'bind' }
  /** Another command has the chord: swap or cancel, the user says which. */
  | { readonly type: 'conflict'; readonly holder: Command }
  /** The chord cannot be taken; `reason` follows the chord's name in a sentence. */
  | { readonly type: 'refused'; readonly reason: string };

export function proposeBinding(overrides: Overrides, commandId: string, chord: string): Proposal {
  const reserved = reservedReason(chord);
  if (reserved !== undefined) return { type: 'refused', reason: reserved };
  const holder = holderOf(chord, overrides, commandId);
  if (holder === undefined) return { type: 'bind' };
  if (holder.fixed !== undefined) return { type: 'refused', reason: `is ${holder.label}: ${holder.fixed}` };
  return { type: 'conflict', holder };
}

/** The overrides with this command on these keys; keys equal to the defaults drop the override. */
function withKeys(overrides: Overrides, command: Command, keys: readonly string[]): Overrides {
  const rest = Object.entries(overrides).filter(([id]) => id !== command.id);
  const isDefault = keys.length === command.keys.length && keys.every((k, i) => sameChord(k, command.keys[i]!));
  return Object.fromEntries(isDefault ? rest : [...rest, [command.id, keys]]);
}

/** The command on this one chord alone (the caller has checked with proposeBinding that nobody else has it). */
export function bind(overrides: Overrides, commandId: string, chord: string): Overrides {
  return withKeys(overrides, commandById(commandId), [chord]);
}

/** The command takes the chord, and the command that had it takes the rebound command's previous keys instead. */
export function swap(overrides: Overrides, commandId: string, chord: string): Overrides {
  const command = commandById(commandId);
  const holder = holderOf(chord, overrides, commandId);
  if (holder === undefined) return bind(overrides, commandId, chord);
  const previous = keysOf(command, overrides);
  const holderKeys = keysOf(holder, overrides).flatMap((k) => (sameChord(k, chord) ? previous : [k]));
  return withKeys(bind(overrides, commandId, chord), holder, holderKeys);
}

export function resetCommand(overrides: Overrides, commandId: string): Overrides {
  const command = commandById(commandId);
  return withKeys(overrides, command, command.keys);
}
