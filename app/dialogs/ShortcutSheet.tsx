/**
 * The `?` sheet: every keyboard shortcut, drawn from the command registry with the user's own keys, by section.
 * Each command's keys can be changed here: "change" listens for the next chord; a chord another command has is not
 * taken silently (swap or cancel); "reset" goes back to the registry's defaults.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { bindings, useOverrides } from '../commands/bindings.ts';
import { captureChord } from '../commands/chord-capture.ts';
import { COMMANDS, SECTIONS, type Command } from '../commands/commands.ts';
import { keysOf, proposeBinding } from '../commands/effective-keys.ts';
import { formatChord } from '../commands/keymap.ts';
import { Modal } from './Modal.tsx';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

type Capture =
  /** Waiting for a chord; `refused` when the last one pressed cannot be bound. */
  | { readonly commandId: string; readonly stage: 'listening'; readonly refused?: { readonly chord: string; readonly reason: string } }
  | { readonly commandId: string; readonly stage: 'conflict'; readonly chord: string; readonly holder: Command };

/** While `capture` is set, the next key presses are read as the new chord, before the editor's shortcuts see them. */
function useChordCapture(capture: Capture | undefined, setCapture: (capture: Capture | undefined) => void): void {
  const commandId = capture?.commandId;
  useEffect(() => {
    if (commandId === undefined) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Capture phase on window: the press is the new binding, not a command (Escape must not close the sheet).
      event.preventDefault();
      event.stopPropagation();
      const captured = captureChord(event);
      if (captured.type === 'waiting') return;
      if (captured.type === 'cancel') return setCapture(undefined);
      if (captured.type === 'reserved') return setCapture({ commandId, stage: 'listening', refused: captured });
      const proposal = proposeBinding(bindings.getState().overrides, commandId, captured.chord);
      if (proposal.type === 'refused') return setCapture({ commandId, stage: 'listening', refused: { chord: captured.chord, reason: proposal.reason } });
      if (proposal.type === 'conflict') return setCapture({ commandId, stage: 'conflict', chord: captured.chord, holder: proposal.holder });
      bindings.getState().bind(commandId, captured.chord);
      setCapture(undefined);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [commandId, setCapture]);
}

const chordList = (keys: readonly string[]) => (keys.length === 0 ? 'no keys' : keys.map((k) => formatChord(k, MAC)).join(' or '));

function Chords({ keys }: { keys: readonly string[] }) {
  return keys.length > 0 ? keys.map((k) => <kbd key={k}>{formatChord(k, MAC)}</kbd>) : <span className="nl-shortcut__none">none</span>;
}

function CapturePrompt({ capture, previousKeys, onCancel }: { capture: Capture; previousKeys: readonly string[]; onCancel(): void }) {
  if (capture.stage === 'conflict') {
    return (
      <span className="nl-shortcut__prompt" role="alert" data-testid="shortcut-conflict">
        <kbd>{formatChord(capture.chord, MAC)}</kbd> is already “{capture.holder.label}”. Swap, giving it <Chords keys={previousKeys} />, or cancel?{' '}
        <button type="button" className="nl-shortcut__action" data-testid="shortcut-swap" onClick={() => {
          bindings.getState().swap(capture.commandId, capture.chord);
          onCancel();
        }}>swap</button>
        <button type="button" className="nl-shortcut__action" data-testid="shortcut-cancel" onClick={onCancel}>cancel</button>
      </span>
    );
  }
  return (
    <span className="nl-shortcut__prompt" role="status" data-testid="shortcut-capture">
      {capture.refused && <span className="nl-shortcut__refused" data-testid="shortcut-refused"><kbd>{formatChord(capture.refused.chord, MAC)}</kbd> {capture.refused.reason}. </span>}
      Press the new keys… (Esc cancels){' '}
      <button type="button" className="nl-shortcut__action" data-testid="shortcut-cancel" onClick={onCancel}>cancel</button>
    </span>
  );
}

export function ShortcutSheet() {
  const overrides = useOverrides();
  const saved = useStore(bindings, (s) => s.saved);
  const [capture, setCapture] = useState<Capture>();
  useChordCapture(capture, setCapture);
  const cancel = () => setCapture(undefined);

  return (
    <Modal title="Keyboard shortcuts" testId="shortcuts" wide>
      <div className="nl-shortcuts">
        {SECTIONS.map((section) => (
          <section key={section}>
            <h3>{section}</h3>
            <dl>
              {COMMANDS.filter((c) => c.section === section).map((c) => {
                const keys = keysOf(c, overrides);
                const custom = Object.hasOwn(overrides, c.id);
                return (
                  <div key={c.id} data-testid={`shortcut-${c.id}`} className={`nl-shortcut${custom ? ' nl-shortcut--custom' : ''}`}>
                    <dt><Chords keys={keys} /></dt>
                    <dd>
                      <span className="nl-shortcut__label">{c.label}</span>
                      {c.fixed !== undefined ? (
                        <span className="nl-shortcut__fixed" title={c.fixed}>fixed</span>
                      ) : (
                        <span className="nl-shortcut__actions">
                          <button type="button" className="nl-shortcut__action" data-testid={`shortcut-change-${c.id}`} aria-label={`Change the keys of ${c.label}`} onClick={() => setCapture({ commandId: c.id, stage: 'listening' })}>change</button>
                          {custom && (
                            <button type="button" className="nl-shortcut__action" data-testid={`shortcut-reset-${c.id}`} title={`Back to ${chordList(c.keys)}`} onClick={() => bindings.getState().reset(c.id)}>reset</button>
                          )}
                        </span>
                      )}
                      {capture?.commandId === c.id && <CapturePrompt capture={capture} previousKeys={keys} onCancel={cancel} />}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
        <section>
          <h3>Canvas</h3>
          <dl>
            <div><dt><kbd>Tab</kbd></dt><dd>Move between nodes; Enter selects, arrow keys move the selected nodes</dd></div>
            <div><dt><kbd>Shift</kbd>+drag</dt><dd>Select with a box</dd></div>
            <div><dt>Double-click</dt><dd>Add a node at the pointer</dd></div>
            <div><dt>Drag from a port</dt><dd>Connect; drop in empty space to add a node that fits</dd></div>
          </dl>
        </section>
      </div>
      <footer className="nl-shortcuts__footer">
        {!saved && <span role="alert" data-testid="shortcuts-not-saved">This browser did not store your keys: they last until the page closes.</span>}
        <button type="button" className="nl-shortcut__action" data-testid="shortcuts-reset-all" disabled={Object.keys(overrides).length === 0} onClick={() => {
          cancel();
          bindings.getState().resetAll();
        }}>reset all to defaults</button>
      </footer>
    </Modal>
  );
}
