/** Whether labels are classes or values to regress. */
import type { Task } from '../../engine/data/registry.ts';

export function TaskSelect({ task, testId, onChange }: { task: Task; testId: string; onChange(task: Task): void }) {
  return (
    <label className="nl-data-option">
      <span>task</span>
      <select data-testid={testId} value={task} onChange={(e) => onChange(e.target.value as Task)}>
        <option value="classification">classification (labels are classes)</option>
        <option value="regression">regression (labels are numbers)</option>
      </select>
    </label>
  );
}
