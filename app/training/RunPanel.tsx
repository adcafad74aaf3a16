/**
 * The run panel: start, pause, single step, stop, reset and continue; the run's settings (saved with the graph:
 * `doc.training`, and each optimizer's `lr`); the progress bar; the backend in use (and why it fell back to the
 * CPU); the latest metrics; a failed run's message with the node it names; weights out and in.
 */
import { useMemo } from 'react';
import { DEFAULT_TRAINING } from '../../engine/train/settings.ts';
import type { TrainingSettings } from '../../engine/graph/types.ts';
import { useFocusNode } from '../canvas/use-focus-node.ts';
import { useEditor, useEditorApi } from '../state/editor-context.tsx';
import { optimizerLearningRates } from './learning-rates.ts';
import { NumberSetting } from './NumberSetting.tsx';
import { formatDuration, formatRate, latestMetrics } from './run-format.ts';
import { useTraining, useTrainingApi } from './training-context.tsx';
import type { TrainingStatus } from './training-store.ts';
import { useStaleRun } from './use-stale-run.ts';
import { WeightsControls } from './WeightsControls.tsx';

const BACKENDS = [
  { value: 'auto', label: 'Auto (WebGPU when available)' },
  { value: 'cpu', label: 'CPU' },
  { value: 'webgpu', label: 'WebGPU' },
] as const;

type IntegerSetting = 'epochs' | 'batchSize' | 'seed' | 'earlyStoppingPatience';

const busy = (status: TrainingStatus): boolean => status === 'running' || status === 'configuring';

export function RunPanel() {
  const api = useTrainingApi();
  const editor = useEditorApi();
  const focusNode = useFocusNode();
  const status = useTraining((s) => s.status);
  const progress = useTraining((s) => s.progress);
  const backend = useTraining((s) => s.backend);
  const error = useTraining((s) => s.error);
  const lastRun = useTraining((s) => s.runs.at(-1));
  const training = useEditor((s) => s.doc.training);
  const doc = useEditor((s) => s.doc);
  const optimizers = useMemo(() => optimizerLearningRates(doc), [doc]);
  const locked = busy(status);
  const metrics = latestMetrics(lastRun);
  const stale = useStaleRun();

  const setTraining = (change: Partial<TrainingSettings>): void => {
    editor.getState().apply([{ type: 'setTraining', training: { ...training, ...change } }], { coalesce: 'run-settings', label: 'Change run settings' });
  };
  const integer = (key: IntegerSetting, label: string, min: number, max: number) => (
    <NumberSetting
      key={key} id={key} label={label} min={min} max={max} step={1} integer disabled={locked}
      value={training?.[key] ?? DEFAULT_TRAINING[key]} onCommit={(value) => setTraining({ [key]: value })}
    />
  );
  // After an edit, Train builds a new session from the edited graph: nothing is continued.
  const canContinue = (status === 'paused' || status === 'stopped') && !stale;

  return (
    <section className="nl-run" data-testid="run-panel" data-status={status}>
      <div className="nl-run__buttons" role="toolbar" aria-label="Training">
        <button type="button" className="nl-button nl-button--primary" data-testid="run-start" disabled={locked} onClick={() => void api.getState().start()}>
          {canContinue ? 'Continue' : status === 'finished' && !stale ? 'Train again' : 'Train'}
        </button>
        <button type="button" className="nl-button" data-testid="run-pause" disabled={status !== 'running'} onClick={() => api.getState().pause()}>Pause</button>
        <button type="button" className="nl-button" data-testid="run-step" disabled={locked || status === 'finished'} onClick={() => void api.getState().step()} title="Train on one mini-batch, then pause">Step</button>
        <button type="button" className="nl-button" data-testid="run-stop" disabled={status !== 'running' && status !== 'paused'} onClick={() => api.getState().stop()}>Stop</button>
        <button type="button" className="nl-button" data-testid="run-reset" disabled={locked} onClick={() => void api.getState().reset()} title="Re-initialise the weights from the seed (a new run on the charts)">Reset</button>
      </div>

      <div className="nl-run__progress" data-testid="run-progress" data-fraction={progress?.fraction ?? 0} data-status={status}>
        <progress max={1} value={progress?.fraction ?? 0} aria-label="Training progress" />
        <span data-testid="run-epoch">{progress ? `epoch ${progress.epoch}/${progress.epochs} · step ${progress.iteration}/${progress.iterations}` : statusText(status)}</span>
        {progress && <span data-testid="run-rate">{formatRate(progress.samplesPerSecond)}</span>}
        {progress?.secondsLeft !== undefined && status === 'running' && <span data-testid="run-eta">{formatDuration(progress.secondsLeft)} left</span>}
      </div>

      {stale && status !== 'configuring' && (
        <p className="nl-run__stale" role="status" data-testid="run-stale">
          {status === 'running'
            ? 'The graph or its settings changed while this run goes on: it keeps training the graph as it was. Stop it and press Train to train the edited graph.'
            : 'The graph or its settings changed since this run: the views and weight downloads show the model as it was trained. Train starts a new run from the edited graph.'}
        </p>
      )}

      {metrics && (
        <p className="nl-run__metrics" data-testid="run-metrics" data-accuracy={metrics.accuracy ?? ''} data-loss={metrics.loss}>
          {metrics.text}
        </p>
      )}

      {error && (
        <div className="nl-run__error" role="alert" data-testid="run-error" data-node={error.node ?? ''}>
          <p>{error.message}</p>
          {error.cause && <p data-testid="run-error-cause">Likely cause: {error.cause}</p>}
          {error.node && <button type="button" className="nl-button" data-testid="run-error-focus" onClick={() => focusNode(error.node!)}>Show {error.node}</button>}
        </div>
      )}

      <fieldset className="nl-run__settings" disabled={locked}>
        <legend>Settings (saved with the graph)</legend>
        {integer('epochs', 'epochs', 1, 100_000)}
        {integer('batchSize', 'batch size', 1, 65_536)}
        {optimizers.map((o) => (
          <NumberSetting
            key={o.node} id={`lr-${o.node}`} label={optimizers.length > 1 ? `lr (${o.node})` : 'learning rate'} min={0} exclusiveMin max={Infinity} step="any" disabled={locked}
            value={o.lr} onCommit={(value) => void editor.getState().apply([{ type: 'setParam', node: o.node, param: 'lr', value }], { coalesce: `lr-${o.node}` })}
          />
        ))}
        {integer('seed', 'seed', 0, 2 ** 32 - 1)}
        <NumberSetting
          id="validationSplit" label="validation split" min={0} max={0.9} step={0.05} disabled={locked}
          value={training?.validationSplit ?? DEFAULT_TRAINING.validationSplit} onCommit={(value) => setTraining({ validationSplit: value })}
        />
        {integer('earlyStoppingPatience', 'early stop after', 0, 10_000)}
        <label className="nl-run__setting">
          <span>backend</span>
          <select data-testid="run-setting-backend" value={training?.backend ?? 'auto'} onChange={(e) => setTraining({ backend: e.target.value as TrainingSettings['backend'] })}>
            {BACKENDS.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
          </select>
        </label>
      </fieldset>

      {backend && (
        <p className="nl-run__backend" data-testid="run-backend" data-backend={backend.name}>
          {backend.description}
          {backend.fallbackReason && <span className="nl-run__fallback" data-testid="run-backend-fallback"> — WebGPU is not available: {backend.fallbackReason}</span>}
        </p>
      )}
      <WeightsControls />
    </section>
  );
}

function statusText(status: TrainingStatus): string {
  switch (status) {
    case 'idle': return 'Not started';
    case 'configuring': return 'Preparing the data and the model…';
    case 'ready': return 'Ready';
    default: return status;
  }
}
