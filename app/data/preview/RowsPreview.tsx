/** The first rows of tabular data as a table: each feature value, then the label (its class name when known). */
import type { PreviewInput } from './preview-input.ts';

const ROWS = 8;
/** Wider rows show their first features only. */
const COLUMNS = 12;

const format = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(4));

export function RowsPreview({ input }: { input: PreviewInput }) {
  const { features, labels, classNames } = input;
  const n = features.shape[0]!;
  const perSample = features.data.length / n, perLabel = labels.data.length / n;
  const shown = Math.min(COLUMNS, perSample);
  const rows = Array.from({ length: Math.min(ROWS, n) }, (_, r) => r);
  const label = (r: number): string => {
    if (perLabel === 1 && input.task === 'classification') return classNames?.[labels.data[r]!] ?? String(labels.data[r]);
    return Array.from(labels.data.subarray(r * perLabel, (r + 1) * perLabel), format).join(', ');
  };
  return (
    <div className="nl-data-table__scroll" data-testid="data-preview-rows">
      <table className="nl-data-table">
        <thead>
          <tr>
            {Array.from({ length: shown }, (_, c) => <th key={c}>x{c}</th>)}
            {shown < perSample && <th>…</th>}
            <th>label</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              {Array.from({ length: shown }, (_, c) => <td key={c}>{format(features.data[r * perSample + c]!)}</td>)}
              {shown < perSample && <td>…</td>}
              <td>{label(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
