/**
 * Provides the editor's stores to the React tree: the document store, the UI store (dialogs), and the autosave
 * (save status). One set per provider, as React Flow does, so tests and benchmarks can make fresh ones.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Autosave, SaveState } from '../persistence/autosave.ts';
import type { EditorState, EditorStore } from './editor-store.ts';
import type { UiState, UiStore } from './ui-store.ts';

interface Stores {
  readonly editor: EditorStore;
  readonly ui: UiStore;
  readonly autosave: Autosave;
}

const StoresContext = createContext<Stores | null>(null);

export function EditorProvider({ children, ...stores }: Stores & { children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('editor hooks must be used inside <EditorProvider>');
  return stores;
}

export const useEditorApi = (): EditorStore => useStores().editor;
export const useUiApi = (): UiStore => useStores().ui;
export const useAutosave = (): Autosave => useStores().autosave;

/** Subscribes to a slice of the editor state; return stable values (state fields, not new objects) from `selector`. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useUiApi(), selector);
}

export function useSaveState<T>(selector: (state: SaveState) => T): T {
  return useStore(useAutosave().state, selector);
}
