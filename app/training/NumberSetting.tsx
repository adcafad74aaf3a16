/**
 * A number field of the run panel that commits only valid values: the text being typed ("0.", "") is kept as it
 * is and shown as invalid, and the document changes only when the text is a number within range.
 */
import { useEffect, useState } from 'react';

export interface NumberSettingProps {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** A value must exceed `min` rather than reach it (a learning rate). */
  readonly exclusiveMin?: boolean;
  readonly integer?: boolean;
  readonly step: number | 'any';
  readonly disabled?: boolean;
  onCommit(value: number): void;
}

export function NumberSetting({ id, label, value, min, max, exclusiveMin, integer, step, disabled, onCommit }: NumberSettingProps) {
  const [text, setText] = useState(String(value));
  // The document may change under the field (undo, another tab): show its value unless it is what was typed.
  useEffect(() => setText((current) => (Number(current) === value ? current : String(value))), [value]);
  const parsed = text.trim() === '' ? NaN : Number(text);
  const valid = Number.isFinite(parsed) && (exclusiveMin ? parsed > min : parsed >= min) && parsed <= max && (!integer || Number.isInteger(parsed));
  return (
    <label className={`nl-run__setting${valid ? '' : ' nl-run__setting--invalid'}`}>
      <span>{label}</span>
      <input
        type="number" data-testid={`run-setting-${id}`} value={text} min={min} max={Number.isFinite(max) ? max : undefined} step={step} disabled={disabled} aria-invalid={!valid}
        title={valid ? undefined : `${integer ? 'a whole number' : 'a number'} ${exclusiveMin ? 'above' : 'from'} ${min} to ${max}`}
        onChange={(e) => {
          setText(e.target.value);
          const next = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(next) && (exclusiveMin ? next > min : next >= min) && next <= max && (!integer || Number.isInteger(next)) && next !== value) onCommit(next);
        }}
      />
    </label>
  );
}
