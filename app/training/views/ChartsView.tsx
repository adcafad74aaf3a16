/**
 * Live charts of the runs: each optimizer's loss at every step, and each loss node it adds up with others (a VAE's
 * reconstruction and KL; every run kept for comparison until cleared, on a linear or log scale), and per epoch every loss node's loss and metric on each split (chart-series.ts says how the
 * series are told apart). Each chart is a UPlotChart fed new columns as the store's runs grow.
 */
import { useMemo, useState } from 'react';
import { useTraining, useTrainingApi } from '../training-context.tsx';
import { availableMetrics, epochChart, lossValue, metricPick, METRIC_LABELS, stepLossChart, type MetricName } from './chart-series.ts';
import { UPlotChart } from './UPlotChart.tsx';

/** Enough points to show the shape of a long run; more only cost drawing time. */
const MAX_STEP_POINTS = 2000;

export function ChartsView() {
  const api = useTrainingApi();
  const runs = useTraining((s) => s.runs);
  const [log, setLog] = useState(false);
  const [chosenMetric, setChosenMetric] = useState<MetricName | undefined>(undefined);
  const scale = log ? 'log' : 'linear';

  const stepData = useMemo(() => stepLossChart(runs, { maxPoints: MAX_STEP_POINTS, positiveOnly: log }), [runs, log]);
  // `runs` changes with every batch of steps; the epoch charts only when an epoch ends or a run comes or goes.
  const epochs = runs.map((run) => `${run.id}:${run.epochs.length}`).join();
  const epochLoss = useMemo(() => epochChart(runs, lossValue, { positiveOnly: log }), [epochs, log]);
  const metrics = useMemo(() => availableMetrics(runs), [epochs]);
  const metric = chosenMetric && metrics.includes(chosenMetric) ? chosenMetric : metrics[0];
  const epochMetric = useMemo(() => (metric ? epochChart(runs, metricPick(metric), { positiveOnly: false }) : undefined), [epochs, metric]);

  if (runs.length === 0) return <p className="nl-training-view__empty">Start training to see the loss and metrics as the model learns.</p>;
  const current = runs[runs.length - 1]!;

  return (
    <div className="nl-charts" data-testid="charts-view">
      <div className="nl-charts__bar">
        <label className="nl-charts__toggle">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale (loss)
        </label>
        <button type="button" className="nl-button" data-testid="charts-clear-runs" disabled={runs.length < 2} onClick={() => api.getState().clearRuns()}
          title="Keep only the current run's curves">
          Clear other runs
        </button>
      </div>
      <figure className="nl-chart" data-testid="chart-step-loss" data-points={current.steps.x.length}>
        <figcaption className="nl-chart__title">Training loss per step</figcaption>
        {current.steps.x.length === 0 && <p className="nl-training-view__empty">No steps yet.</p>}
        <UPlotChart data={stepData} xLabel="step" yLabel="loss" scale={scale} />
      </figure>
      <figure className="nl-chart" data-testid="chart-epoch-loss" data-points={current.epochs.length}>
        <figcaption className="nl-chart__title">Loss per epoch</figcaption>
        {current.epochs.length === 0 && <p className="nl-training-view__empty">The first epoch's losses appear when it ends.</p>}
        <UPlotChart data={epochLoss} xLabel="epoch" yLabel="loss" scale={scale} />
      </figure>
      <figure className="nl-chart" data-testid="chart-epoch-metric" data-points={current.epochs.length}>
        <figcaption className="nl-chart__title">
          {metrics.length > 1 ? (
            <label>
              Per epoch:{' '}
              <select value={metric} onChange={(e) => setChosenMetric(e.target.value as MetricName)} data-testid="charts-metric">
                {metrics.map((m) => <option key={m} value={m}>{METRIC_LABELS[m]}</option>)}
              </select>
            </label>
          ) : (
            `Per epoch: ${metric ? METRIC_LABELS[metric] : 'metric'}`
          )}
        </figcaption>
        {epochMetric ? (
          <UPlotChart data={epochMetric} xLabel="epoch" yLabel={METRIC_LABELS[metric!]} format={metric === 'accuracy' ? 'percent' : 'number'} />
        ) : (
          <p className="nl-training-view__empty">
            {current.epochs.length === 0 ? 'The metric appears when the first epoch ends.' : 'This graph’s loss has no metric (accuracy for classification, MSE and MAE for regression).'}
          </p>
        )}
      </figure>
    </div>
  );
}
