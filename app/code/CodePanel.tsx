/**
 * The code panel: one Monaco editor with a model per tab. The JSON tab is editable: each pause in typing checks the
 * text (schema markers come from Monaco's JSON worker, graph problems from checkJsonText) and a valid document
 * replaces the canvas's as one undoable step (a typing burst coalesces); an invalid one never does. The other tabs
 * are read-only and follow the canvas. This module is the lazily loaded chunk that brings Monaco in.
 */
import { useEffect, useRef, useState } from 'react';
import { exportJson } from '../../engine/export/index.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';
import { useTraining, useTrainingApi } from '../training/training-context.tsx';
import { checkJsonText, type TextProblem } from './check-json-text.ts';
import { downloadOnnx, downloadPytorchProject, downloadTab, weightsDescription } from './code-downloads.ts';
import { CODE_TAB_INFO, CODE_TABS, codeText, type CodeTab } from './code-views.ts';
import { GRAPH_MODEL_URI, monaco } from './monaco.ts';

/** How long typing pauses before the JSON text is checked and applied. */
const CHECK_DELAY_MS = 300;
const MARKER_OWNER = 'netloom';

type Models = Record<CodeTab, monaco.editor.ITextModel>;

type JsonStatus = { readonly state: 'synced' } | { readonly state: 'applied' } | { readonly state: 'invalid'; readonly problems: readonly TextProblem[] };

function toMarker(model: monaco.editor.ITextModel, p: TextProblem): monaco.editor.IMarkerData {
  const start = model.getPositionAt(p.start);
  const end = model.getPositionAt(Math.max(p.end, p.start + 1));
  return {
    severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: p.message,
    startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column,
  };
}

export default function CodePanel({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const store = useEditorApi();
  const training = useTrainingApi();
  const doc = useEditor((s) => s.doc);
  // A string, so the panel re-renders when the words change, not on every training step.
  const weights = useTraining((s) => weightsDescription(s.runs.at(-1)));
  const hasRun = useTraining((s) => s.runs.length > 0);
  /** Set while an ONNX or PyTorch download is being prepared (weights from the worker, datasets fetched). */
  const [preparing, setPreparing] = useState(false);
  const [tab, setTab] = useState<CodeTab>('json');
  const [status, setStatus] = useState<JsonStatus>({ state: 'synced' });
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const models = useRef<Models | undefined>(undefined);
  /** The document each tab's text was last made from (or, for JSON, applied from): no new text while it is current. */
  const shown = useRef<Partial<Record<CodeTab, GraphDocument>>>({});
  /** Set while the panel writes a model itself, so that write is not taken for the user's typing. */
  const writing = useRef(false);

  useEffect(() => {
    const created = Object.fromEntries(CODE_TABS.map((t) => [
      t,
      monaco.editor.createModel('', CODE_TAB_INFO[t].language, t === 'json' ? GRAPH_MODEL_URI : undefined),
    ])) as Models;
    models.current = created;
    shown.current = {};
    editor.current = monaco.editor.create(host.current!, { model: created.json, automaticLayout: true, minimap: { enabled: false }, fontSize: 12, tabSize: 2, scrollBeyondLastLine: false });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const typing = created.json.onDidChangeContent(() => {
      if (writing.current) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { catalog, doc: current } = store.getState();
        const check = checkJsonText(created.json.getValue(), catalog);
        monaco.editor.setModelMarkers(created.json, MARKER_OWNER, check.problems.map((p) => toMarker(created.json, p)));
        if (!check.ok) return setStatus({ state: 'invalid', problems: check.problems });
        setStatus({ state: 'applied' });
        // Reformatting or a no-op edit leaves the document as it is: no history entry.
        if (exportJson(check.doc) === exportJson(current)) return;
        shown.current.json = check.doc;
        store.getState().load(check.doc, 'Edit JSON', { coalesce: 'code-json' });
      }, CHECK_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      typing.dispose();
      editor.current?.dispose();
      for (const model of Object.values(created)) model.dispose();
      editor.current = undefined;
      models.current = undefined;
    };
  }, [store]);

  useEffect(() => monaco.editor.setTheme(colorMode === 'dark' ? 'vs-dark' : 'vs'), [colorMode]);

  // The shown tab follows the document; a tab out of view is brought up to date when it is shown. Text the user
  // is typing in the JSON tab stays until the document changes elsewhere (canvas, undo).
  useEffect(() => {
    const model = models.current?.[tab];
    if (!model || !editor.current) return;
    if (editor.current.getModel() !== model) editor.current.setModel(model);
    editor.current.updateOptions({ readOnly: tab !== 'json' });
    if (shown.current[tab] === doc) return;
    shown.current[tab] = doc;
    const text = codeText(tab, doc, store.getState().catalog);
    if (model.getValue() === text) return;
    writing.current = true;
    model.setValue(text);
    writing.current = false;
    if (tab === 'json') {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      setStatus({ state: 'synced' });
    }
  }, [doc, tab, store]);

  const guarded = (action: () => Promise<void>) => async () => {
    setPreparing(true);
    try {
      await action();
    } catch (error) {
      store.getState().notify(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setPreparing(false);
    }
  };
  const shownText = () => models.current?.[tab].getValue() ?? '';

  return (
    <section className="nl-code" data-testid="code-panel" aria-label="Code">
      <div className="nl-code__bar">
        <div role="tablist" aria-label="Code views" className="nl-code__tabs">
          {CODE_TABS.map((t) => (
            <button key={t} type="button" role="tab" aria-selected={t === tab} className="nl-code__tab" data-testid={`code-tab-${t}`} onClick={() => setTab(t)}>
              {CODE_TAB_INFO[t].title}
            </button>
          ))}
        </div>
        <button type="button" className="nl-tool" data-testid="code-copy" onClick={() => void navigator.clipboard.writeText(shownText())}>Copy</button>
        <button type="button" className="nl-tool" data-testid="code-download" onClick={() => downloadTab(tab, shownText())}>Download</button>
        <button
          type="button" className="nl-tool" data-testid="code-download-onnx" disabled={preparing} title={`Download the model as ONNX, with the ${weights}`}
          onClick={guarded(() => downloadOnnx(store.getState().doc, store.getState().catalog, training))}
        >ONNX</button>
        <button
          type="button" className="nl-tool" data-testid="code-download-pytorch" disabled={preparing}
          title={`Download the PyTorch project (zip): model.py, train.py, the datasets${hasRun ? ` and the ${weights}` : ''}`}
          onClick={guarded(() => downloadPytorchProject(store.getState().doc, store.getState().catalog, training))}
        >PyTorch zip</button>
        <span className="nl-code__status" data-testid="code-download-weights" role="status">{preparing ? 'Preparing the download…' : weights}</span>
      </div>
      {tab === 'json' && (
        <p className="nl-code__status" data-testid="code-status" data-status={status.state} role="status">
          {status.state === 'invalid'
            ? `${status.problems.length} ${status.problems.length === 1 ? 'problem' : 'problems'}, the canvas keeps the last valid graph: ${status.problems[0]?.message ?? ''}`
            : status.state === 'applied' ? 'Applied to the canvas' : 'Edit the graph as JSON'}
        </p>
      )}
      <div className="nl-code__editor" ref={host} data-testid="code-editor" data-text-entry />
    </section>
  );
}
