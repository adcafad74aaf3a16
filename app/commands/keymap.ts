/**
 * Key chords as text (`Mod+Shift+Z`, `/`, `Delete`): matching a KeyboardEvent and showing a chord the way the
 * platform writes it. `Mod` is ⌘ on macOS and Ctrl elsewhere; both are accepted everywhere, so a Mac keyboard on
 * Linux still works.
 */

export interface Chord {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  /** `event.key`, lower-cased for letters. */
  readonly key: string;
}

export function parseChord(text: string): Chord {
  // The plus key itself is written `+` (or `Mod++`), so a trailing plus is the key, not a separator.
  const plusKey = text.endsWith('+');
  const key = plusKey ? '+' : text.slice(text.lastIndexOf('+') + 1);
  const mods = new Set(text.slice(0, plusKey ? -1 : text.lastIndexOf('+') + 1).split('+').filter(Boolean));
  return { mod: mods.has('Mod'), shift: mods.has('Shift'), alt: mods.has('Alt'), key: key.length === 1 ? key.toLowerCase() : key };
}

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Keys whose character already needs Shift on common layouts (`?`), so Shift is not part of their chord. */
const SHIFTED = new Set(['?', '+', ':', '>', '<', '!', '*']);

/**
 * A chord in its one canonical spelling (`Mod+Alt+Shift+Z`: modifiers in this order, letters upper-case, no Shift
 * on a shifted character), so two spellings of one chord compare equal and stored bindings can be checked exactly.
 */
export function chordText(chord: Chord): string {
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key;
  return [chord.mod && 'Mod', chord.alt && 'Alt', chord.shift && !SHIFTED.has(chord.key) && 'Shift', key].filter(Boolean).join('+');
}

/** Whether two chord texts name the same keys (`?` and `Shift+?` do; `F` and `Shift+F` do not). */
export function sameChord(a: string, b: string): boolean {
  return chordText(parseChord(a)) === chordText(parseChord(b));
}

export function matches(chord: Chord, event: KeyLike): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key !== chord.key) return false;
  if ((event.ctrlKey || event.metaKey) !== chord.mod || event.altKey !== chord.alt) return false;
  return SHIFTED.has(chord.key) || event.shiftKey === chord.shift;
}

const KEY_NAMES: Readonly<Record<string, string>> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', ' ': 'Space' };

/** `Mod+Shift+Z` → `Ctrl+Shift+Z` (or `⌘⇧Z` on macOS). */
export function formatChord(text: string, mac: boolean): string {
  const chord = parseChord(text);
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  if (mac) return `${chord.mod ? '⌘' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${key}`;
  return [chord.mod && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Whether keys typed into this element belong to it (text fields), not to the editor's shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  // A widget that handles its own keys and clipboard (the code panel's Monaco editor, whose EditContext focus
  // target is a plain div) marks its root with data-text-entry.
  if (target.closest('[data-text-entry]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'range', 'submit', 'file'].includes(target.type);
}
