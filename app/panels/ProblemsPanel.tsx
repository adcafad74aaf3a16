/**
 * Every diagnostic of the analysis: click one to select and centre its node; "Fix" applies its edits as one undoable
 * step. Also shows the editor's notice (a refused edit or link, with the reason).
 */
import { useFocusNode } from '../canvas/use-focus-node.ts';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function ProblemsPanel() {
  const api = useEditorApi();
  const diagnostics = useEditor((s) => s.analysis.diagnostics);
  const notice = useEditor((s) => s.notice);
  const focusNode = useFocusNode();
  // Errors first; the sort is stable, so within a severity the engine's (topological) order stays.
  const sorted = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;

  return (
    <section className="nl-panel nl-problems" aria-label="Problems" data-testid="problems">
      <h2 className="nl-panel__title">
        Problems <span className="nl-badge" data-testid="problems-count">{diagnostics.length}</span>
      </h2>
      {notice && <p className="nl-problems__notice" role="alert" data-testid="notice">{notice}</p>}
      {sorted.length === 0 ? (
        <p className="nl-muted" data-testid="problems-empty">No problems: every shape fits.</p>
      ) : (
        <ol className="nl-problems__list" aria-label={`${errors} errors, ${sorted.length - errors} other`}>
          {sorted.map((d, i) => (
            <li key={`${d.code}-${d.node ?? d.edge ?? ''}-${i}`} className={`nl-problem nl-severity--${d.severity}`} data-testid={`problem-${i}`} data-severity={d.severity} data-code={d.code}>
              <button type="button" className="nl-problem__go" onClick={() => d.node !== undefined && focusNode(d.node)} disabled={d.node === undefined}>
                <span className="nl-problem__severity">{d.severity}</span>
                {d.node !== undefined && <span className="nl-problem__node">{d.node}</span>}
                <span className="nl-problem__message">{d.message}</span>
              </button>
              {d.fix && (
                <button type="button" className="nl-button nl-problem__fix" data-testid={`problem-fix-${i}`} onClick={() => api.getState().apply(d.fix!.edits, { label: d.fix!.label })} title={d.fix.label}>
                  Fix: {d.fix.label}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
