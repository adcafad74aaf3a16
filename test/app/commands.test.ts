/** Key chords and the command registry: parsing, matching, display, and no two commands on one key. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../app/commands/commands.ts';
import { formatChord, matches, parseChord } from '../../app/commands/keymap.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keymap', () => {
  it('matches Ctrl or ⌘ for Mod, exact Shift, and shifted characters without Shift in the chord', () => {
    const redo = parseChord('Mod+Shift+Z');
    expect(matches(redo, key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches(redo, key('z', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(matches(redo, key('z', { ctrlKey: true }))).toBe(false);
    expect(matches(parseChord('Mod+Z'), key('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches(parseChord('?'), key('?', { shiftKey: true }))).toBe(true);
    expect(matches(parseChord('+'), key('+', { shiftKey: true }))).toBe(true);
    expect(matches(parseChord('/'), key('/', { ctrlKey: true }))).toBe(false);
  });

  it('writes chords the platform’s way', () => {
    expect(formatChord('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatChord('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(formatChord('Escape', false)).toBe('Esc');
    expect(formatChord('Mod++', false)).toBe('Ctrl++');
  });
});

describe('command registry', () => {
  it('has unique ids and gives each key to one command', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const chords = COMMANDS.flatMap((c) => c.keys.map((k) => JSON.stringify(parseChord(k))));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('covers every shortcut the editor promises', () => {
    const bound = new Set(COMMANDS.flatMap((c) => c.keys));
    for (const k of ['Mod+Z', 'Mod+Shift+Z', 'Mod+Y', 'Mod+C', 'Mod+X', 'Mod+V', 'Mod+D', 'Delete', 'Backspace', 'Mod+A', 'Mod+G', '/', '.', '?', 'Mod+O', 'Mod+S']) {
      expect(bound, k).toContain(k);
    }
  });
});
