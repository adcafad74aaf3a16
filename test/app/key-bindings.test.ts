/**
 * Rebindable shortcuts: chord capture from key events, the effective keymap (defaults ⊕ the user's overrides),
 * conflicts, the stored record (corrupt or outdated → defaults) and the store's persistence.
 */
import { describe, expect, it } from 'vitest';
import { BINDINGS_STORAGE_KEY, readBindingsRecord, writeBindingsRecord } from '../../app/commands/bindings-record.ts';
import { createBindingsStore, type BindingsStorage } from '../../app/commands/bindings.ts';
import { captureChord, isBindable } from '../../app/commands/chord-capture.ts';
import { COMMANDS, commandById } from '../../app/commands/commands.ts';
import { bind, holderOf, isConflictFree, keysOf, proposeBinding, resetCommand, swap } from '../../app/commands/effective-keys.ts';
import { chordText, parseChord, sameChord } from '../../app/commands/keymap.ts';
import { commandFor } from '../../app/commands/use-shortcuts.ts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

const record = (bindings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'netloom.keybindings', version: 1, bindings, ...extra });

function memoryStorage(initial?: string): BindingsStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>(initial === undefined ? [] : [[BINDINGS_STORAGE_KEY, initial]]);
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('chord capture', () => {
  it('reads a chord from a key press in the canonical spelling', () => {
    expect(captureChord(press('F', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'chord', chord: 'Mod+Shift+F' });
    expect(captureChord(press('k', { metaKey: true }))).toEqual({ type: 'chord', chord: 'Mod+K' });
    expect(captureChord(press('F', { shiftKey: true }))).toEqual({ type: 'chord', chord: 'Shift+F' });
    expect(captureChord(press('c', { altKey: true }))).toEqual({ type: 'chord', chord: 'Alt+C' });
    expect(captureChord(press('F2'))).toEqual({ type: 'chord', chord: 'F2' });
    // Shift is part of typing `?`, so it is not part of the chord (as in the registry).
    expect(captureChord(press('?', { shiftKey: true }))).toEqual({ type: 'chord', chord: '?' });
    expect(captureChord(press('+', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'chord', chord: 'Mod++' });
  });

  it('waits through modifier-only presses, cancels on Escape, refuses reserved keys with a reason', () => {
    for (const key of ['Shift', 'Control', 'Alt', 'Meta', 'Dead', 'Process']) {
      expect(captureChord(press(key, { shiftKey: key === 'Shift', ctrlKey: key === 'Control' }))).toEqual({ type: 'waiting' });
    }
    expect(captureChord(press('Escape'))).toEqual({ type: 'cancel' });
    expect(captureChord(press('Tab'))).toMatchObject({ type: 'reserved', chord: 'Tab', reason: 'moves the keyboard focus' });
    expect(captureChord(press('w', { ctrlKey: true }))).toMatchObject({ type: 'reserved', chord: 'Mod+W' });
    expect(captureChord(press('ArrowLeft', { shiftKey: true }))).toMatchObject({ type: 'reserved' });
    expect(captureChord(press(' '))).toMatchObject({ type: 'reserved' });
  });

  it('matches a captured chord to the same key press the keyboard handler sees', () => {
    for (const event of [press('F', { ctrlKey: true, shiftKey: true }), press('!', { shiftKey: true }), press('g', { altKey: true }), press('F4')]) {
      const captured = captureChord(event);
      expect(captured.type).toBe('chord');
      if (captured.type !== 'chord') continue;
      const overrides = bind({}, 'templates', captured.chord);
      expect(commandFor(event, overrides)?.id).toBe('templates');
    }
  });
});

describe('chord spelling', () => {
  it('gives every registry default its canonical spelling, and one spelling per chord', () => {
    for (const key of COMMANDS.flatMap((c) => c.keys)) expect(chordText(parseChord(key)), key).toBe(key);
    expect(sameChord('?', 'Shift+?')).toBe(true);
    expect(sameChord('F', 'Shift+F')).toBe(false);
    expect(sameChord('Mod+Shift+z', 'Mod+Shift+Z')).toBe(true);
  });

  it('accepts only canonical, real, unreserved chords as stored bindings', () => {
    expect(isBindable('Mod+Shift+F')).toBe(true);
    expect(isBindable('Mod++')).toBe(true);
    expect(isBindable('Shift+Mod+F')).toBe(false);
    expect(isBindable('Hyper+F')).toBe(false);
    expect(isBindable('Mod+f')).toBe(false);
    expect(isBindable('')).toBe(false);
    expect(isBindable('Shift')).toBe(false);
    expect(isBindable('Escape')).toBe(false);
    expect(isBindable('Mod+T')).toBe(false);
  });
});

describe('effective keymap', () => {
  it('is the defaults where the user has not overridden, and the user’s keys where they have', () => {
    const overrides = bind({}, 'fit', 'Shift+F');
    expect(overrides).toEqual({ fit: ['Shift+F'] });
    expect(keysOf(commandById('fit'), overrides)).toEqual(['Shift+F']);
    expect(keysOf(commandById('fit-selection'), overrides)).toEqual(['F']);
    expect(commandFor(press('F', { shiftKey: true }), overrides)?.id).toBe('fit');
    // The old default no longer runs it.
    expect(commandFor(press('.'), overrides)).toBeUndefined();
    expect(commandFor(press('.'), {})?.id).toBe('fit');
  });

  it('drops an override that equals the defaults, and resets one command without touching the others', () => {
    expect(bind({}, 'fit', '.')).toEqual({});
    const two = bind(bind({}, 'fit', 'Shift+F'), 'group', 'Mod+Shift+G');
    expect(resetCommand(two, 'fit')).toEqual({ 'group': ['Mod+Shift+G'] });
  });

  it('names the command that has a chord and refuses reserved or fixed ones', () => {
    expect(proposeBinding({}, 'fit', 'Shift+F')).toEqual({ type: 'bind' });
    expect(proposeBinding({}, 'fit', 'F')).toEqual({ type: 'conflict', holder: commandById('fit-selection') });
    // Its own current key is no conflict.
    expect(proposeBinding({}, 'fit', '.')).toEqual({ type: 'bind' });
    expect(proposeBinding({}, 'fit', 'Mod+C')).toMatchObject({ type: 'refused', reason: expect.stringContaining('Copy') });
    expect(proposeBinding({}, 'fit', 'Mod+W')).toMatchObject({ type: 'refused' });
    // A key freed by a rebinding is free for another command.
    expect(proposeBinding(bind({}, 'fit-selection', 'Shift+F'), 'fit', 'F')).toEqual({ type: 'bind' });
  });

  it('swaps: the command takes the chord and the holder takes its previous keys, with no chord on two commands', () => {
    const swapped = swap({}, 'fit', 'F');
    expect(keysOf(commandById('fit'), swapped)).toEqual(['F']);
    expect(keysOf(commandById('fit-selection'), swapped)).toEqual(['.']);
    expect(isConflictFree(swapped)).toBe(true);
    // Redo has two keys; the holder of the taken one gets both.
    const redo = swap({}, 'redo', 'Mod+D');
    expect(keysOf(commandById('redo'), redo)).toEqual(['Mod+D']);
    expect(keysOf(commandById('duplicate'), redo)).toEqual(['Mod+Shift+Z', 'Mod+Y']);
    expect(isConflictFree(redo)).toBe(true);
    // Swapping back restores the defaults exactly: no override left.
    expect(swap(swapped, 'fit', '.')).toEqual({});
  });

  it('detects a chord given to two commands', () => {
    expect(isConflictFree({})).toBe(true);
    expect(isConflictFree({ fit: ['F'] })).toBe(false);
    expect(holderOf('F', { fit: ['F'] }, 'fit')?.id).toBe('fit-selection');
  });
});

describe('stored record', () => {
  it('round-trips the user’s overrides', () => {
    const overrides = swap(bind({}, 'templates', 'Mod+Shift+M'), 'fit', 'F');
    expect(readBindingsRecord(writeBindingsRecord(overrides))).toEqual(overrides);
  });

  it('ignores a corrupt, outdated or conflicting record whole: the defaults apply', () => {
    const good = record({ fit: ['Shift+F'] });
    expect(readBindingsRecord(good)).toEqual({ fit: ['Shift+F'] });
    for (const text of [
      null, '', '{', 'null', '[]', '"fit"', '{"version":1}',
      record({ fit: ['Shift+F'] }, { version: 2 }),
      record({ fit: ['Shift+F'] }, { format: 'other' }),
      record([['fit', 'Shift+F']]),
      record({ fit: 'Shift+F' }),
      record({ fit: [42] }),
      record({ fit: ['Shift+Mod+F'] }),
      record({ fit: ['Mod+W'] }),
      record({ 'no-such-command': ['Shift+F'] }),
      record({ copy: ['Mod+Shift+C'] }),
      record({ fit: ['F'] }),
      record({ fit: ['Shift+F', 'Shift+F'] }),
      record({ fit: ['Shift+1', 'Shift+2', 'Shift+3', 'Shift+4', 'Shift+5'] }),
      record({ fit: ['Shift+F'] }).padEnd(20_000, ' '),
    ]) {
      expect(readBindingsRecord(text), String(text).slice(0, 80)).toEqual({});
    }
  });

  it('never lets a stored key reach Object.prototype', () => {
    const overrides = readBindingsRecord('{"format":"netloom.keybindings","version":1,"bindings":{"__proto__":["Shift+F"],"fit":["Shift+F"]}}');
    expect(overrides).toEqual({});
    expect(({} as Record<string, unknown>).fit).toBeUndefined();
    expect(Object.getPrototypeOf(readBindingsRecord(record({ fit: ['Shift+F'] })))).toBe(Object.prototype);
  });
});

describe('bindings store', () => {
  it('starts from the stored record, saves each change, and removes the record on reset all', () => {
    const storage = memoryStorage(record({ fit: ['Shift+F'] }));
    const store = createBindingsStore(storage);
    expect(store.getState().overrides).toEqual({ fit: ['Shift+F'] });
    store.getState().swap('group', 'F');
    expect(store.getState().overrides).toEqual({ 'fit': ['Shift+F'], 'group': ['F'], 'fit-selection': ['Mod+G'] });
    expect(readBindingsRecord(storage.items.get(BINDINGS_STORAGE_KEY) ?? null)).toEqual(store.getState().overrides);
    // A new page (a reload) reads the same bindings.
    expect(createBindingsStore(storage).getState().overrides).toEqual(store.getState().overrides);
    store.getState().reset('group');
    expect(store.getState().overrides).toEqual({ 'fit': ['Shift+F'], 'fit-selection': ['Mod+G'] });
    store.getState().resetAll();
    expect(store.getState().overrides).toEqual({});
    expect(storage.items.has(BINDINGS_STORAGE_KEY)).toBe(false);
  });

  it('uses the defaults when storage is unreadable, and keeps a change it could not store, saying so', () => {
    const broken: BindingsStorage = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => undefined,
    };
    const store = createBindingsStore(broken);
    expect(store.getState().overrides).toEqual({});
    store.getState().bind('fit', 'Shift+F');
    expect(store.getState().overrides).toEqual({ fit: ['Shift+F'] });
    expect(store.getState().saved).toBe(false);
    expect(createBindingsStore(memoryStorage('{corrupt')).getState().overrides).toEqual({});
  });
});
