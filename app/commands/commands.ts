/**
 * The command registry: every keyboard shortcut with its name and default keys, in one explicit list. The keyboard
 * handler dispatches from it and the `?` sheet is drawn from it, so the sheet cannot list a key that does nothing.
 * The user's own keys are a separate layer over these defaults (bindings.ts).
 * Copy, cut and paste run from the browser's clipboard events (so the system clipboard is used); their keys are
 * listed here for the sheet and marked `clipboard`.
 */
import type { EditorActions } from './use-editor-actions.ts';

export const SECTIONS = ['Edit', 'Add and connect', 'Blocks', 'View', 'File'] as const;

export interface Command {
  readonly id: string;
  readonly label: string;
  readonly section: (typeof SECTIONS)[number];
  /** Default chords, in keymap.ts's canonical spelling; the first is the one shown on buttons. */
  readonly keys: readonly string[];
  readonly run: (actions: EditorActions) => void;
  /** Handled by the browser's copy/cut/paste event rather than by keydown. */
  readonly clipboard?: 'copy' | 'cut' | 'paste' | 'paste-with-inputs';
  /** Why the user cannot rebind this command's keys (absent: they can). */
  readonly fixed?: string;
}

// The browser raises its clipboard events only on its own keys; a page cannot read the system clipboard from
// another key press without a permission prompt, so these keys stay where the browser puts them.
const CLIPBOARD_KEY = 'the browser’s clipboard key, which also copies and pastes in text fields and between apps';

export const COMMANDS: readonly Command[] = [
  { id: 'undo', label: 'Undo', section: 'Edit', keys: ['Mod+Z'], run: (a) => a.undo() },
  { id: 'redo', label: 'Redo', section: 'Edit', keys: ['Mod+Shift+Z', 'Mod+Y'], run: (a) => a.redo() },
  { id: 'copy', label: 'Copy', section: 'Edit', keys: ['Mod+C'], run: (a) => void a.copy(), clipboard: 'copy', fixed: CLIPBOARD_KEY },
  { id: 'cut', label: 'Cut', section: 'Edit', keys: ['Mod+X'], run: (a) => void a.cut(), clipboard: 'cut', fixed: CLIPBOARD_KEY },
  { id: 'paste', label: 'Paste', section: 'Edit', keys: ['Mod+V'], run: (a) => a.paste(undefined, false), clipboard: 'paste', fixed: CLIPBOARD_KEY },
  { id: 'paste-with-inputs', label: 'Paste, keeping the links into the copied nodes', section: 'Edit', keys: ['Mod+Shift+V'], run: (a) => a.paste(undefined, true), clipboard: 'paste-with-inputs', fixed: CLIPBOARD_KEY },
  { id: 'duplicate', label: 'Duplicate', section: 'Edit', keys: ['Mod+D'], run: (a) => a.duplicate() },
  { id: 'delete', label: 'Delete selection', section: 'Edit', keys: ['Delete', 'Backspace'], run: (a) => a.deleteSelection() },
  { id: 'select-all', label: 'Select all', section: 'Edit', keys: ['Mod+A'], run: (a) => a.selectAll() },
  { id: 'rename', label: 'Rename (edit the label)', section: 'Edit', keys: ['F2'], run: (a) => a.rename() },
  { id: 'escape', label: 'Close the dialog, or clear the selection', section: 'Edit', keys: ['Escape'], run: (a) => a.escape(), fixed: 'Esc closes every dialog, text fields included, and cancels a key capture' },
  { id: 'quick-add', label: 'Add a node at the pointer (search)', section: 'Add and connect', keys: ['/', 'Mod+K'], run: (a) => a.quickAdd() },
  { id: 'connect', label: 'Connect the selected node…', section: 'Add and connect', keys: ['C'], run: (a) => a.connect() },
  { id: 'group', label: 'Group the selection as a block', section: 'Blocks', keys: ['Mod+G'], run: (a) => a.group() },
  { id: 'collapse', label: 'Collapse or expand the selected block', section: 'Blocks', keys: ['Alt+C'], run: (a) => a.toggleCollapse() },
  { id: 'fit', label: 'Fit the graph in view', section: 'View', keys: ['.'], run: (a) => a.fitView() },
  { id: 'fit-selection', label: 'Frame the selection', section: 'View', keys: ['F'], run: (a) => a.fitSelection() },
  { id: 'zoom-in', label: 'Zoom in', section: 'View', keys: ['+', '='], run: (a) => a.zoomIn() },
  { id: 'zoom-out', label: 'Zoom out', section: 'View', keys: ['-'], run: (a) => a.zoomOut() },
  { id: 'layout', label: 'Auto-layout', section: 'View', keys: ['Mod+Shift+L'], run: (a) => a.autoLayout() },
  { id: 'shortcuts', label: 'Show keyboard shortcuts', section: 'View', keys: ['?'], run: (a) => a.shortcuts() },
  { id: 'open', label: 'Open a graph file', section: 'File', keys: ['Mod+O'], run: (a) => a.openFile() },
  { id: 'save', label: 'Save the graph to a file', section: 'File', keys: ['Mod+S'], run: (a) => a.saveFile() },
  { id: 'templates', label: 'Start from a template', section: 'File', keys: [], run: (a) => a.templates() },
];

export const commandById = (id: string): Command => {
  const command = COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`no command ${id}`);
  return command;
};
