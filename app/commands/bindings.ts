/**
 * The user's key bindings: a small store over the registry's defaults, kept in this browser's localStorage (a
 * preference of the browser, like the theme, not part of the graph) and followed across tabs. The keyboard handler
 * reads it on every key press, so a new binding works at once.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { BINDINGS_STORAGE_KEY, readBindingsRecord, writeBindingsRecord } from './bindings-record.ts';
import { commandById } from './commands.ts';
import { bind, keysOf, resetCommand, swap, type Overrides } from './effective-keys.ts';

export type BindingsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface BindingsState {
  readonly overrides: Overrides;
  /** False when the browser refused to store the last change: it then lasts until the page closes. */
  readonly saved: boolean;
  bind(commandId: string, chord: string): void;
  /** Takes the chord from the command that has it, which gets this command's previous keys. */
  swap(commandId: string, chord: string): void;
  reset(commandId: string): void;
  resetAll(): void;
}

function load(storage: BindingsStorage | undefined): Overrides {
  try {
    return readBindingsRecord(storage?.getItem(BINDINGS_STORAGE_KEY) ?? null);
  } catch {
    // Storage can be blocked (privacy settings): the defaults apply.
    return {};
  }
}

function save(storage: BindingsStorage | undefined, overrides: Overrides): boolean {
  if (!storage) return false;
  try {
    if (Object.keys(overrides).length === 0) storage.removeItem(BINDINGS_STORAGE_KEY);
    else storage.setItem(BINDINGS_STORAGE_KEY, writeBindingsRecord(overrides));
    return true;
  } catch {
    return false;
  }
}

export function createBindingsStore(storage: BindingsStorage | undefined): StoreApi<BindingsState> {
  return createStore<BindingsState>()((set, get) => {
    const change = (overrides: Overrides) => set({ overrides, saved: save(storage, overrides) });
    return {
      overrides: load(storage),
      saved: true,
      bind: (commandId, chord) => change(bind(get().overrides, commandId, chord)),
      swap: (commandId, chord) => change(swap(get().overrides, commandId, chord)),
      reset: (commandId) => change(resetCommand(get().overrides, commandId)),
      resetAll: () => change({}),
    };
  });
}

function browserStorage(): BindingsStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Reading `localStorage` itself throws where the browser blocks storage.
    return undefined;
  }
}

/** This page's bindings. */
export const bindings = createBindingsStore(browserStorage());

// Another tab changed the bindings: this one follows (the record is validated like one read at start).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === BINDINGS_STORAGE_KEY || event.key === null) bindings.setState({ overrides: readBindingsRecord(event.newValue), saved: true });
  });
}

export const useOverrides = (): Overrides => useStore(bindings, (s) => s.overrides);

/** A command's effective keys; re-renders when the user rebinds it. */
export const useCommandKeys = (commandId: string): readonly string[] =>
  useStore(bindings, (s) => keysOf(commandById(commandId), s.overrides));
