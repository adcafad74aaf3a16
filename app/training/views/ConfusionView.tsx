/**
 * The confusion matrix of the model's classification on a split, refreshed after every epoch: rows are the true
 * class, columns the predicted one, each cell shaded by its share of the row (right answers in the accent colour,
 * mistakes in the error colour) and showing its count; each row's accuracy beside it, the overall accuracy below.
 */
import type { CSSProperties } from 'react';
import { useTraining } from '../training-context.tsx';
import { useProbe } from '../use-probe.ts';
import { classLabel } from './class-label.ts';
import { cellIsDark, cellOpacity, confusionRows, type ConfusionCell } from './confusion-shading.ts';
import { SplitSelect } from './SplitSelect.tsx';
import { useChosenSplit } from './use-chosen-split.ts';

const percent = (share: number | null): string => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

function cellStyle(cell: ConfusionCell): CSSProperties {
  const colour = cell.correct ? 'var(--nl-accent)' : 'var(--nl-error)';
  return { background: `color-mix(in srgb, ${colour} ${Math.round(cellOpacity(cell) * 100)}%, transparent)`, ...(cellIsDark(cell) ? { color: '#fff' } : {}) };
}

export function ConfusionView() {
  const data = useTraining((s) => s.data);
  const hasRun = useTraining((s) => s.runs.length > 0);
  const [split, setSplit] = useChosenSplit(data);
  const { result, error } = useProbe(data && hasRun && split ? { kind: 'confusion', split } : undefined);

  if (!data || !hasRun || !split) return <p className="nl-training-view__empty">Start training to see which classes the model confuses.</p>;
  const confusion = result?.confusion;
  const rows = confusion ? confusionRows(confusion.classification.confusion) : [];
  return (
    <div className="nl-confusion" data-testid="confusion-view">
      <div className="nl-training-view__bar">
        <SplitSelect data={data} value={split} onChange={setSplit} testId="confusion-split" />
        {confusion && confusion.split === split && (
          <span data-testid="confusion-accuracy" data-value={confusion.accuracy}>
            Accuracy on {split}: <strong>{percent(confusion.accuracy)}</strong>
          </span>
        )}
      </div>
      {error && <p className="nl-training-view__error" role="alert">{error}</p>}
      {result && !confusion && <p className="nl-training-view__empty">The confusion matrix needs a classification loss that reads class scores (cross-entropy or NLL).</p>}
      {!result && !error && <p className="nl-training-view__empty">Evaluating the model on the {split} split…</p>}
      {confusion && (
        <table className="nl-confusion__table">
          <caption className="nl-muted">Rows: true class · columns: predicted class · shade: share of the row</caption>
          <thead>
            <tr>
              <th scope="col">true \ predicted</th>
              {rows.map((_, p) => <th key={p} scope="col">{classLabel(data, p)}</th>)}
              <th scope="col">class accuracy</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, t) => (
              <tr key={t}>
                <th scope="row">{classLabel(data, t)}</th>
                {row.cells.map((cell, p) => (
                  <td key={p} className="nl-confusion__cell" style={cellStyle(cell)} data-testid={`confusion-cell-${t}-${p}`}
                    title={`${cell.count} of ${row.total} samples of ${classLabel(data, t)} predicted as ${classLabel(data, p)} (${percent(cell.share)})`}>
                    {cell.count}
                  </td>
                ))}
                <td className="nl-num">{percent(confusion.classification.perClassAccuracy[t] ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
