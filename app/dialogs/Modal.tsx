/** A dialog over the editor: a titled panel on a backdrop that closes it when clicked (Escape closes it too). */
import type { ReactNode } from 'react';
import { useUiApi } from '../state/editor-context.tsx';

export function Modal({ title, testId, children, wide }: { title: string; testId: string; children: ReactNode; wide?: boolean }) {
  const ui = useUiApi();
  return (
    <div className="nl-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) ui.getState().close(); }}>
      <div className={`nl-dialog${wide ? ' nl-dialog--wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <header className="nl-dialog__header">
          <h2>{title}</h2>
          <button type="button" className="nl-dialog__close" aria-label="Close" data-testid={`${testId}-close`} onClick={() => ui.getState().close()}>×</button>
        </header>
        <div className="nl-dialog__body">{children}</div>
      </div>
    </div>
  );
}
