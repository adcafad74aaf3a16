/**
 * Connects the command registry to the keyboard and the system clipboard. Keys are the user's effective bindings,
 * read at each key press (so a rebinding works at once). Keys typed into a text field stay there (except Escape).
 * Copy, cut and paste answer the browser's clipboard events, which Ctrl/⌘+C/X/V raise
 * natively, so copied nodes reach the system clipboard and paste into another tab.
 */
import { useEffect } from 'react';
import { bindings } from './bindings.ts';
import { COMMANDS, type Command } from './commands.ts';
import { keysOf, type Overrides } from './effective-keys.ts';
import { isTextEntry, matches, parseChord, type KeyLike } from './keymap.ts';
import type { EditorActions } from './use-editor-actions.ts';

const CLIPBOARD_MIME = 'text/plain';

/** The keydown command a key press runs (clipboard commands answer their events instead). */
export function commandFor(event: KeyLike, overrides: Overrides): Command | undefined {
  return COMMANDS.find((command) => command.clipboard === undefined && keysOf(command, overrides).some((key) => matches(parseChord(key), event)));
}

export function useShortcuts(actions: EditorActions, dialogOpen: boolean): void {
  useEffect(() => {
    // Paste keeps the links into the pasted nodes when Shift was held with the paste key.
    let pasteKeepsInputs = false;
    const onKeyDown = (event: KeyboardEvent) => {
      pasteKeepsInputs = event.shiftKey && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'v';
      if (event.defaultPrevented) return;
      const command = commandFor(event, bindings.getState().overrides);
      if (!command) return;
      if (command.id !== 'escape' && (isTextEntry(event.target) || dialogOpen)) return;
      event.preventDefault();
      command.run(actions);
    };
    const fromEditor = (event: ClipboardEvent) => !dialogOpen && !isTextEntry(event.target) && !isTextEntry(document.activeElement);
    const onCopy = (event: ClipboardEvent) => {
      if (!fromEditor(event)) return;
      const text = event.type === 'cut' ? actions.cut() : actions.copy();
      if (text === undefined) return;
      event.clipboardData?.setData(CLIPBOARD_MIME, text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!fromEditor(event)) return;
      event.preventDefault();
      actions.paste(event.clipboardData?.getData(CLIPBOARD_MIME) || undefined, pasteKeepsInputs);
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [actions, dialogOpen]);
}
