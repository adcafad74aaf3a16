/** Every finished epoch of the current run as numbers: loss and the metric of each split, rate and time. */
import { useTraining } from '../training-context.tsx';
import type { Evaluation } from '../../../engine/train/trainer.ts';

const metricText = (evaluation: Evaluation | undefined, loss: string): string => {
  const e = evaluation?.[loss];
  if (!e) return '—';
  const m = e.metrics;
  const metric = m?.accuracy !== undefined ? ` / ${(100 * m.accuracy).toFixed(1)}%` : m?.mse !== undefined ? ` / mse ${m.mse.toPrecision(3)}` : '';
  return `${e.loss.toPrecision(4)}${metric}`;
};

export function EpochTableView() {
  const run = useTraining((s) => s.runs.at(-1));
  if (!run || run.epochs.length === 0) return <p className="nl-train__empty" data-testid="epochs-empty">Train for an epoch to see its numbers here.</p>;
  const loss = Object.keys(run.epochs[0]!.train)[0] ?? '';
  const hasValidation = run.epochs.some((e) => e.validation), hasTest = run.epochs.some((e) => e.test);
  return (
    <table className="nl-train__table" data-testid="epochs-table">
      <caption>{run.label} · loss node {loss}</caption>
      <thead>
        <tr>
          <th>epoch</th><th>train loss / metric</th>{hasValidation && <th>validation</th>}{hasTest && <th>test</th>}<th>samples/s</th><th>seconds</th>
        </tr>
      </thead>
      <tbody>
        {run.epochs.map((e) => (
          <tr key={e.epoch} data-testid={`epoch-row-${e.epoch}`} data-samples-per-second={e.samplesPerSecond}>
            <td className="nl-num">{e.epoch}</td>
            <td className="nl-num">{metricText(e.train, loss)}</td>
            {hasValidation && <td className="nl-num">{metricText(e.validation, loss)}</td>}
            {hasTest && <td className="nl-num">{metricText(e.test, loss)}</td>}
            <td className="nl-num">{Math.round(e.samplesPerSecond).toLocaleString('en-US')}</td>
            <td className="nl-num">{e.seconds.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
