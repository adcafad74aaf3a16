/**
 * Reading a new binding from the keyboard: the next key press becomes a chord (`Mod+Shift+F`). A lone modifier is
 * not a chord yet, Escape cancels, and keys the browser or keyboard navigation need are refused with the reason.
 */
import { chordText, parseChord, type KeyLike } from './keymap.ts';

export type Captured =
  /** A modifier or composition key alone: keep listening. */
  | { readonly type: 'waiting' }
  | { readonly type: 'cancel' }
  | { readonly type: 'chord'; readonly chord: string }
  | { readonly type: 'reserved'; readonly chord: string; readonly reason: string };

/** `event.key` values that are not keys of their own (modifiers, dead keys, an IME composing). */
const NOT_A_KEY = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'Fn', 'FnLock', 'Hyper', 'Super', 'Symbol', 'SymbolLock', 'CapsLock', 'NumLock', 'ScrollLock', 'Dead', 'Process', 'Unidentified', '']);

const FOCUS = 'moves the keyboard focus';
const PRESS = 'presses the focused button or selects the focused node';
const MOVE = 'moves the selected nodes';
// Chromium hands these to the browser before the page sees them: bound here, they would never run.
const BROWSER = 'belongs to the browser (windows and tabs); the page never receives it';

/** Chords (canonical text) that cannot be bound, and why. */
const RESERVED: ReadonlyMap<string, string> = new Map([
  ['Tab', FOCUS], ['Shift+Tab', FOCUS],
  ['Enter', PRESS], [' ', PRESS],
  ...['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].flatMap((arrow) => [[arrow, MOVE], [`Shift+${arrow}`, MOVE]] as const),
  ...['N', 'Shift+N', 'T', 'Shift+T', 'W', 'Shift+W', 'Tab', 'Shift+Tab', 'Q'].map((key) => [`Mod+${key}`, BROWSER] as const),
]);

/** Why this chord cannot be bound, or undefined when it can. */
export function reservedReason(chord: string): string | undefined {
  return RESERVED.get(chordText(parseChord(chord)));
}

export function captureChord(event: KeyLike): Captured {
  if (NOT_A_KEY.has(event.key)) return { type: 'waiting' };
  if (event.key === 'Escape') return { type: 'cancel' };
  const chord = chordText({
    mod: event.ctrlKey || event.metaKey,
    alt: event.altKey,
    shift: event.shiftKey,
    key: event.key.length === 1 ? event.key.toLowerCase() : event.key,
  });
  const reason = reservedReason(chord);
  return reason === undefined ? { type: 'chord', chord } : { type: 'reserved', chord, reason };
}

/** Whether a stored chord text may be a binding: canonical spelling, a real key, not Escape, not reserved. */
export function isBindable(chord: string): boolean {
  const parsed = parseChord(chord);
  return chordText(parsed) === chord && !NOT_A_KEY.has(parsed.key) && parsed.key !== 'Escape' && reservedReason(chord) === undefined;
}
