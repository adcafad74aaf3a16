/** The data split a view shows (confusion matrix, image grid): only the splits this run has, with their sizes. */
import type { DataSummary } from '../protocol.ts';
import { availableSplits, splitSamples, type Split } from './default-split.ts';

export function SplitSelect({ data, value, onChange, testId }: { data: DataSummary; value: Split; onChange(split: Split): void; testId: string }) {
  return (
    <label className="nl-training-view__split">
      Split{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as Split)} data-testid={testId}>
        {availableSplits(data).map((split) => (
          <option key={split} value={split}>{`${split} (${splitSamples(data, split)})`}</option>
        ))}
      </select>
    </label>
  );
}
