/** The `?` sheet: every keyboard shortcut, drawn from the command registry, by section. */
import { COMMANDS, SECTIONS } from '../commands/commands.ts';
import { formatChord } from '../commands/keymap.ts';
import { Modal } from './Modal.tsx';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutSheet() {
  return (
    <Modal title="Keyboard shortcuts" testId="shortcuts" wide>
      <div className="nl-shortcuts">
        {SECTIONS.map((section) => (
          <section key={section}>
            <h3>{section}</h3>
            <dl>
              {COMMANDS.filter((c) => c.section === section && c.keys.length > 0).map((c) => (
                <div key={c.id} data-testid={`shortcut-${c.id}`}>
                  <dt>{c.keys.map((k) => <kbd key={k}>{formatChord(k, MAC)}</kbd>)}</dt>
                  <dd>{c.label}</dd>
                </div>
              ))}
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
    </Modal>
  );
}
