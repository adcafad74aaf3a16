/**
 * The header: the graph's name, file and edit buttons (each names its shortcut), the view and theme controls, the
 * save status and the model totals. Buttons call the same actions as the shortcuts.
 */
import { useEffect, useRef } from 'react';
import { useCommandKeys } from './commands/bindings.ts';
import { commandById } from './commands/commands.ts';
import { formatChord } from './commands/keymap.ts';
import type { EditorActions } from './commands/use-editor-actions.ts';
import { useOpenFile } from './files/use-open-file.ts';
import { Summary } from './panels/Summary.tsx';
import { SaveStatus } from './persistence/SaveStatus.tsx';
import { useEditor, useUi, useUiApi } from './state/editor-context.tsx';
import { THEMES, type ThemePreference } from './theme/use-theme.ts';
import { HiddenFileInput } from './files/HiddenFileInput.tsx';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function shortcut(keys: readonly string[]): string {
  const key = keys[0];
  return key ? ` (${formatChord(key, MAC)})` : '';
}

function ToolButton({ id, label, onClick, disabled, title }: { id: string; label: string; onClick(): void; disabled?: boolean; title?: string }) {
  // The user's keys, not the registry's defaults.
  const keys = useCommandKeys(id);
  return (
    <button type="button" className="nl-tool" data-testid={`toolbar-${id}`} onClick={onClick} disabled={disabled} title={`${title ?? commandById(id).label}${shortcut(keys)}`}>
      {label}
    </button>
  );
}

export function Toolbar({ actions, theme, setTheme }: { actions: EditorActions; theme: ThemePreference; setTheme(t: ThemePreference): void }) {
  const ui = useUiApi();
  const name = useEditor((s) => s.doc.name);
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future.at(-1)?.label);
  const summaryOpen = useUi((s) => s.summaryOpen);
  const codeOpen = useUi((s) => s.codeOpen);
  const trainOpen = useUi((s) => s.trainOpen);
  const openFile = useOpenFile();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ui.setState({ filePicker: () => input.current?.click() });
    return () => ui.setState({ filePicker: undefined });
  }, [ui]);

  return (
    <header className="nl-header">
      <h1 className="nl-header__brand">netloom</h1>
      <span className="nl-header__doc" data-testid="graph-name">{name ?? 'Untitled graph'}</span>
      <div className="nl-toolbar" role="toolbar" aria-label="Editor">
        <ToolButton id="templates" label="Templates" onClick={actions.templates} />
        <ToolButton id="open" label="Open" onClick={actions.openFile} />
        <ToolButton id="save" label="Save" onClick={actions.saveFile} />
        <HiddenFileInput inputRef={input} testId="open-file-input" accept=".json,application/json" onFiles={([file]) => { if (file) void openFile(file); }} />
        <span className="nl-toolbar__sep" />
        <ToolButton id="undo" label="Undo" onClick={actions.undo} disabled={undoLabel === undefined} title={undoLabel ? `Undo ${undoLabel}` : 'Nothing to undo'} />
        <ToolButton id="redo" label="Redo" onClick={actions.redo} disabled={redoLabel === undefined} title={redoLabel ? `Redo ${redoLabel}` : 'Nothing to redo'} />
        <ToolButton id="group" label="Group" onClick={actions.group} />
        <ToolButton id="layout" label="Layout" onClick={actions.autoLayout} />
        <ToolButton id="fit" label="Fit" onClick={actions.fitView} />
        <button type="button" className="nl-tool" data-testid="toolbar-summary" aria-pressed={summaryOpen} onClick={() => ui.getState().toggleSummary()} title="Show the per-layer summary table">
          Summary
        </button>
        <button type="button" className="nl-tool" data-testid="toolbar-code" aria-pressed={codeOpen} onClick={() => ui.getState().toggleCode()} title="Show the graph as JSON, TypeScript, PyTorch and IR; export ONNX">
          Code
        </button>
        <button type="button" className="nl-tool" data-testid="toolbar-train" aria-pressed={trainOpen} onClick={() => ui.getState().toggleTrain()} title="Train the graph here (in a background worker) and watch it learn">
          Train
        </button>
        <button type="button" className="nl-tool" data-testid="toolbar-data" onClick={() => ui.getState().open({ type: 'data' })} title="Choose built-in data or load your own (it stays on this machine)">
          Data
        </button>
        <ToolButton id="shortcuts" label="?" onClick={actions.shortcuts} />
        <label className="nl-theme">
          <span className="nl-visually-hidden">Theme</span>
          <select data-testid="theme" value={theme} onChange={(e) => setTheme(e.target.value as ThemePreference)} aria-label="Theme">
            {THEMES.map((t) => <option key={t} value={t}>{t === 'system' ? 'System theme' : t === 'light' ? 'Light' : 'Dark'}</option>)}
          </select>
        </label>
      </div>
      <SaveStatus />
      <Summary />
    </header>
  );
}
