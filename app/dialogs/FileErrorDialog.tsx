/** Why a file did not open: every problem with its JSON path. The current graph was not touched. */
import type { Dialog } from '../state/ui-store.ts';
import { Modal } from './Modal.tsx';

export function FileErrorDialog({ dialog }: { dialog: Extract<Dialog, { type: 'file-error' }> }) {
  return (
    <Modal title={`“${dialog.file}” did not open`} testId="file-error">
      <p>Your current graph is unchanged. The file has {dialog.errors.length === 1 ? 'this problem' : 'these problems'}:</p>
      <ul className="nl-file-errors">
        {dialog.errors.map((e, i) => (
          <li key={i} data-testid={`file-error-${i}`}>
            <code className="nl-file-errors__path" data-testid={`file-error-path-${i}`}>{e.path}</code>
            <span data-testid={`file-error-message-${i}`}>{e.message}</span>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
