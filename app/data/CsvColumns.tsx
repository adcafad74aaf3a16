/** Choosing a CSV file's target and feature columns and its task, over a table of its first rows. */
import type { Task } from '../../engine/data/registry.ts';
import { dataRows, type CsvChoice, type CsvTable } from './loaders/csv-table.ts';
import { TaskSelect } from './TaskSelect.tsx';

const PREVIEW_ROWS = 6;

export function CsvColumns({ table, choice, onChange }: { table: CsvTable; choice: CsvChoice; onChange(choice: CsvChoice): void }) {
  const setTarget = (target: number) => onChange({ ...choice, target, features: table.columns.map((_, i) => i).filter((i) => i !== target) });
  const toggle = (column: number, on: boolean) =>
    onChange({ ...choice, features: on ? [...choice.features, column].sort((a, b) => a - b) : choice.features.filter((c) => c !== column) });
  const rows = dataRows(table);
  return (
    <div className="nl-data-csv">
      <div className="nl-data-options">
        <label className="nl-data-option">
          <span>target column</span>
          <select data-testid="data-csv-target" value={choice.target} onChange={(e) => setTarget(Number(e.target.value))}>
            {table.columns.map((name, i) => <option key={i} value={i}>{name}</option>)}
          </select>
        </label>
        <TaskSelect testId="data-csv-task" task={choice.task} onChange={(task: Task) => onChange({ ...choice, task })} />
      </div>
      <div className="nl-data-table__scroll">
        <table className="nl-data-table" data-testid="data-csv-table">
          <thead>
            <tr>
              {table.columns.map((name, i) => (
                <th key={i} className={i === choice.target ? 'nl-data-table__target' : undefined}>
                  {i === choice.target ? <span>{name} (target)</span> : (
                    <label title="use as a feature">
                      <input type="checkbox" data-testid={`data-csv-feature-${i}`} checked={choice.features.includes(i)} onChange={(e) => toggle(i, e.target.checked)} />
                      {name}
                    </label>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((record) => (
              <tr key={record.line}>
                {table.columns.map((_, i) => <td key={i}>{record.fields[i] ?? ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="nl-data-status">{rows.length} data rows{table.header ? ' under a header row' : ' (no header row)'}</p>
    </div>
  );
}
