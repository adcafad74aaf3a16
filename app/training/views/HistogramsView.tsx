/**
 * Per-layer histograms over time, on demand: with "Record histograms" on, the worker takes a snapshot at the end of
 * every epoch and, while this view is shown, it asks for one about every second while training; each run's
 * snapshots are kept in histogram-recorder.ts. Each chosen layer's weights and activations are drawn as distributions over time; the gradient
 * norms of every layer share one log-scale chart, where a deep sigmoid stack's vanishing gradients show as lines
 * fanning out by orders of magnitude.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useEditor } from '../../state/editor-context.tsx';
import type { HistogramsResult } from '../protocol.ts';
import { useTraining, useTrainingApi } from '../training-context.tsx';
import { useProbe } from '../use-probe.ts';
import { drawDistribution, drawGradientNorms, formatAxisValue, layerColour } from './histogram-draw.ts';
import { layerGradientNorms, logAxis } from './histogram-gradient-norms.ts';
import { defaultLayers, histogramLayers, type HistogramLayer } from './histogram-layers.ts';
import { distributionOverTime } from './histogram-over-time.ts';
import { HISTOGRAMS_REQUEST, histogramRecorderFor } from './histogram-recorder.ts';
import { readThemeColours, useThemeName } from '../../theme/theme-colours.ts';

const LIVE_MS = 1000;
const DISTRIBUTION_SIZE = { width: 300, height: 96 };
const GRADIENT_CHART_HEIGHT = 180;

export function HistogramsView() {
  const recorder = histogramRecorderFor(useTrainingApi());
  const recording = useStore(recorder, (s) => s.recording);
  const byRun = useStore(recorder, (s) => s.byRun);
  const configured = useTraining((s) => s.data !== undefined);
  const currentRun = useTraining((s) => s.runs.at(-1)?.id);
  // A string, so the selector's value is stable while steps stream in (runs is replaced on every batch of steps).
  const runIds = useTraining((s) => s.runs.map((r) => r.id).join(','));
  const order = useEditor((s) => s.analysis.order);
  const [chosenRun, setChosenRun] = useState<number>();
  const [chosenLayers, setChosenLayers] = useState<readonly string[]>();

  const recordError = useStore(recorder, (s) => s.error);
  const { result, error: probeError } = useProbe(recording && configured ? HISTOGRAMS_REQUEST : undefined, LIVE_MS);
  const error = recordError ?? probeError;
  // Each answer is recorded once, in the run under way when it arrives (a new run must not get the old answer again).
  const recorded = useRef<typeof result>(undefined);
  useEffect(() => {
    if (!result || result === recorded.current || currentRun === undefined) return;
    recorded.current = result;
    recorder.getState().add(currentRun, result.histograms);
  }, [recorder, result, currentRun]);
  useEffect(() => recorder.getState().keepRuns(runIds ? runIds.split(',').map(Number) : []), [recorder, runIds]);

  const recordedRuns = Object.keys(byRun).map(Number).sort((a, b) => a - b);
  const shownRun = chosenRun !== undefined && byRun[chosenRun] ? chosenRun : recordedRuns[recordedRuns.length - 1];
  const snapshots = shownRun !== undefined ? byRun[shownRun]! : [];
  const latest = snapshots[snapshots.length - 1];
  const layers = useMemo(() => (latest ? histogramLayers(latest, order) : []), [latest, order]);
  const shownLayers = chosenLayers ?? defaultLayers(layers);

  return (
    <div className="nl-hist" data-testid="histograms-view">
      <div className="nl-hist__bar">
        <label>
          <input type="checkbox" data-testid="histograms-record" checked={recording} onChange={(e) => recorder.getState().setRecording(e.target.checked)} />
          {' '}Record histograms
        </label>
        <span className="nl-hist__note">
          after every epoch{recording ? ', and about every second while training with this tab shown' : ''}; activations over {HISTOGRAMS_REQUEST.rows} training rows
        </span>
        {recordedRuns.length > 1 && <RunPicker runs={recordedRuns} shown={shownRun!} onChoose={setChosenRun} />}
      </div>
      {error && <p className="nl-hist__error" role="alert" data-testid="histograms-error">{error}</p>}
      {snapshots.length === 0 ? (
        <p className="nl-train__empty" data-testid="histograms-empty">
          {!recording
            ? 'Turn on “Record histograms”, then train, to see how the weights, activations and gradients of each layer change over time.'
            : configured ? 'Recording: waiting for the first snapshot…'
              : 'Start training (or take a step) to record histograms of the weights, activations and gradient norms.'}
        </p>
      ) : (
        <>
          <GradientNormChart snapshots={snapshots} layers={layers} />
          <fieldset className="nl-hist__layers">
            <legend>Layers (in graph order)</legend>
            {layers.map((layer) => (
              <label key={layer.node}>
                <input
                  type="checkbox" data-testid={`histograms-layer-${layer.node}`} checked={shownLayers.includes(layer.node)}
                  onChange={(e) => setChosenLayers(e.target.checked ? [...shownLayers, layer.node] : shownLayers.filter((n) => n !== layer.node))}
                />
                {' '}{layer.node}
              </label>
            ))}
          </fieldset>
          {layers.filter((l) => shownLayers.includes(l.node)).map((layer) => <LayerHistograms key={layer.node} layer={layer} snapshots={snapshots} />)}
        </>
      )}
    </div>
  );
}

/** Which recorded run to show (the latest by default); its own component so only it follows the runs' labels. */
function RunPicker({ runs, shown, onChoose }: { runs: readonly number[]; shown: number; onChoose(run: number): void }) {
  const records = useTraining((s) => s.runs);
  return (
    <select aria-label="Run" data-testid="histograms-run" value={shown} onChange={(e) => onChoose(Number(e.target.value))}>
      {runs.map((id) => <option key={id} value={id}>{records.find((r) => r.id === id)?.label ?? `Run ${id}`}</option>)}
    </select>
  );
}

function LayerHistograms({ layer, snapshots }: { layer: HistogramLayer; snapshots: readonly HistogramsResult[] }) {
  return (
    <section className="nl-hist__layer" aria-label={`Layer ${layer.node}`}>
      <h4>{layer.node}</h4>
      <div className="nl-hist__tensors">
        {layer.weights.map((name) => <DistributionCanvas key={name} name={name} kind="weights" snapshots={snapshots} />)}
        {layer.activations.map((name) => <DistributionCanvas key={name} name={name} kind="activations" snapshots={snapshots} />)}
      </div>
    </section>
  );
}

function DistributionCanvas({ name, kind, snapshots }: { name: string; kind: 'weights' | 'activations'; snapshots: readonly HistogramsResult[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useThemeName();
  const columns = useMemo(
    () => snapshots.flatMap((s) => (s[kind][name] ? [{ step: s.step, histogram: s[kind][name]! }] : [])),
    [snapshots, kind, name],
  );
  const grid = useMemo(() => distributionOverTime(columns, HISTOGRAMS_REQUEST.bins), [columns]);
  const nonFinite = columns[columns.length - 1]?.histogram.nonFinite ?? 0;
  useEffect(() => {
    if (canvas.current && grid) drawDistribution(canvas.current, grid, readThemeColours(canvas.current), DISTRIBUTION_SIZE.width, DISTRIBUTION_SIZE.height);
  }, [grid, theme]);
  if (!grid) return null;
  return (
    <figure className="nl-hist__tensor">
      <figcaption>
        <span className="nl-mono">{name}</span> <span className="nl-hist__kind">{kind === 'weights' ? 'weight' : 'activation'}</span>
        {nonFinite > 0 && <span className="nl-hist__nonfinite"> · {nonFinite} NaN/∞</span>}
      </figcaption>
      <canvas
        ref={canvas} data-testid={`histogram-${name}`} data-snapshots={columns.length} role="img"
        aria-label={`${name}: values from ${formatAxisValue(grid.lo)} to ${formatAxisValue(grid.hi)} over steps ${grid.steps[0]} to ${grid.steps[grid.steps.length - 1]}`}
      />
    </figure>
  );
}

function GradientNormChart({ snapshots, layers }: { snapshots: readonly HistogramsResult[]; layers: readonly HistogramLayer[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useThemeName();
  const series = useMemo(() => layerGradientNorms(snapshots, layers), [snapshots, layers]);
  const axis = useMemo(() => logAxis(series.flatMap((s) => s.values)), [series]);
  useEffect(() => {
    const element = canvas.current;
    if (!element || !axis) return;
    // The chart spans the view's width: measured from the canvas's box (its CSS width is 100%).
    drawGradientNorms(element, snapshots.map((s) => s.step), series, axis, readThemeColours(element), Math.max(240, element.parentElement!.clientWidth), GRADIENT_CHART_HEIGHT);
  }, [snapshots, series, axis, theme]);
  if (!axis) return <p className="nl-train__empty" data-testid="gradnorm-empty">Gradient norms appear after the first update.</p>;
  return (
    <figure className="nl-hist__gradients">
      <figcaption>Gradient norm per layer (log scale): lines far apart mean some layers barely learn</figcaption>
      <div className="nl-hist__chart">
        <canvas ref={canvas} data-testid="gradnorm-chart" data-snapshots={snapshots.length} role="img" aria-label="Gradient norm per layer over steps, log scale" />
      </div>
      <ul className="nl-hist__legend">
        {series.map((s, i) => {
          const latest = s.values[s.values.length - 1];
          return (
            <li key={s.layer} data-testid={`gradnorm-${s.layer}`} data-value={latest ?? ''}>
              <span className="nl-hist__swatch" style={{ background: layerColour(i, series.length) }} />
              {s.layer} <span className="nl-mono">{latest === undefined ? '—' : formatAxisValue(latest)}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
