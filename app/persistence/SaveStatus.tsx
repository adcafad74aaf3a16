/**
 * The autosave status in the header ("Saved locally · 12 s ago", "Saving…", a storage error, a conflict with
 * another tab and its two ways out). Errors are announced to screen readers as alerts.
 */
import { useEffect, useState } from 'react';
import { useAutosave, useSaveState } from '../state/editor-context.tsx';

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.round(m / 60)} h ago`;
}

export function SaveStatus() {
  const autosave = useAutosave();
  const status = useSaveState((s) => s.status);
  const savedAt = useSaveState((s) => s.savedAt);
  const message = useSaveState((s) => s.message);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);

  const text = {
    saved: savedAt === undefined ? 'Not saved yet' : `Saved locally · ${ago(now - savedAt)}`,
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    error: message ?? 'Not saved',
    conflict: message ?? 'Changed in another tab',
  }[status];
  const alert = status === 'error' || status === 'conflict';
  return (
    <div className={`nl-save nl-save--${status}`} data-testid="save-status" data-status={status} role={alert ? 'alert' : 'status'}>
      <span>{text}</span>
      {status === 'conflict' && (
        <span className="nl-save__actions">
          <button type="button" className="nl-button" data-testid="conflict-keep-mine" onClick={() => void autosave.resolve('mine')}>Keep this tab’s graph</button>
          <button type="button" className="nl-button" data-testid="conflict-take-theirs" onClick={() => void autosave.resolve('theirs')}>Use the saved one</button>
        </span>
      )}
    </div>
  );
}
