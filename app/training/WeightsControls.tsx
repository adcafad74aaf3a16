/**
 * Trained weights out and in: download the model's weights as safetensors (names are PyTorch state_dict keys, so
 * the exported model.py loads them), and load a file back — checked against the graph first: every missing,
 * unexpected or mis-shaped tensor is listed and nothing is loaded unless all fit.
 */
import { useRef, useState } from 'react';
import { download } from '../files/download.ts';
import { graphFileStem } from '../files/graph-file.ts';
import { useEditorApi } from '../state/editor-context.tsx';
import { useTraining, useTrainingApi } from './training-context.tsx';
import { HiddenFileInput } from '../files/HiddenFileInput.tsx';

type Outcome =
  | { readonly type: 'loaded'; readonly file: string; readonly count: number }
  | { readonly type: 'refused'; readonly file: string; readonly problems: readonly string[] }
  | { readonly type: 'error'; readonly message: string };

export function WeightsControls() {
  const api = useTrainingApi();
  const editor = useEditorApi();
  const running = useTraining((s) => s.status === 'running' || s.status === 'configuring');
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const save = async (): Promise<void> => {
    try {
      const bytes = await api.getState().saveWeights();
      download(`${graphFileStem(editor.getState().doc)}.safetensors`, bytes as Uint8Array<ArrayBuffer>, 'application/octet-stream');
    } catch (error) {
      setOutcome({ type: 'error', message: (error as Error).message });
    }
  };

  const load = async (file: File): Promise<void> => {
    try {
      const result = await api.getState().loadWeights(new Uint8Array(await file.arrayBuffer()));
      setOutcome(result.ok ? { type: 'loaded', file: file.name, count: result.loaded } : { type: 'refused', file: file.name, problems: result.problems });
    } catch (error) {
      setOutcome({ type: 'error', message: `${file.name}: ${(error as Error).message}` });
    }
  };

  return (
    <div className="nl-run__weights">
      <button type="button" className="nl-button" data-testid="weights-download" onClick={() => void save()}>Download weights</button>
      <button type="button" className="nl-button" data-testid="weights-load" disabled={running} onClick={() => input.current?.click()}>Load weights…</button>
      <HiddenFileInput inputRef={input} testId="weights-file-input" accept=".safetensors" onFiles={([file]) => { if (file) void load(file); }} />
      {outcome?.type === 'loaded' && <p className="nl-run__note" data-testid="weights-loaded">Loaded {outcome.count} tensors from {outcome.file}.</p>}
      {outcome?.type === 'error' && <p className="nl-run__problem" role="alert" data-testid="weights-error">{outcome.message}</p>}
      {outcome?.type === 'refused' && (
        <div className="nl-run__problem" role="alert" data-testid="weights-problems">
          <p>{outcome.file} does not fit this graph; nothing was loaded:</p>
          <ul>{outcome.problems.map((p, i) => <li key={i} data-testid={`weights-problem-${i}`}>{p}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
