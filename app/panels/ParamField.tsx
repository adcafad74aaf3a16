/**
 * One inspector field, chosen by the param's schema type: number inputs (with the schema's min/max, and a slider
 * when both are finite), selects for choices, checkboxes, a one-or-per-axis editor for sizes (kernel and stride
 * pairs), and text for shapes and lists. Every accepted change is applied at once as setParam (the inspector
 * coalesces a burst of them into one undo step); text that does not parse yet stays a local draft with a hint, so
 * typing `3,` never writes a broken value.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ParamDef } from '../../engine/compile/params.ts';
import type { ParamValue } from '../../engine/graph/types.ts';
import { formatParamText, parseParamText } from './param-text.ts';

export interface ParamFieldProps {
  readonly name: string;
  readonly def: ParamDef;
  /** The document's value, or the default when the param is not set. */
  readonly value: ParamValue;
  readonly isSet: boolean;
  /** Messages of diagnostics that name this param (e.g. out of range). */
  readonly problems: readonly string[];
  onChange(value: ParamValue): void;
  onReset(): void;
}

/** ` (1–64)`: the allowed range, where the schema has one. */
function rangeText(def: ParamDef): string {
  if (def.type !== 'int' && def.type !== 'float') return '';
  if (def.min !== undefined && def.max !== undefined) return ` (${def.min}–${def.max})`;
  if (def.min !== undefined) return ` (${def.type === 'float' && def.exclusiveMin ? '>' : '≥'} ${def.min})`;
  return def.max !== undefined ? ` (≤ ${def.max})` : '';
}

/**
 * A size (kernel, stride, padding): one number for every axis, one per axis (height, width), or a keyword such as
 * `same`. The first number field carries `param-<name>`, the second `param-<name>-1`.
 */
function SizeField({ name, def, value, common, onChange }: {
  name: string; def: Extract<ParamDef, { type: 'size' }>; value: ParamValue; common: Record<string, unknown>; onChange(value: ParamValue): void;
}) {
  const keywords = def.keywords ?? [];
  const mode = typeof value === 'string' ? value : Array.isArray(value) && value.length > 1 ? 'pair' : 'one';
  const numbers = Array.isArray(value) ? value.map(Number) : typeof value === 'number' ? [value] : [];
  const single = numbers[0] ?? def.min;
  const setMode = (next: string) => {
    if (next === 'one') onChange(single);
    else if (next === 'pair') onChange([single, numbers[1] ?? single]);
    else onChange(next);
  };
  const axis = (i: number, text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n)) return;
    if (mode === 'pair') onChange([i === 0 ? n : single, i === 1 ? n : numbers[1] ?? single]);
    else onChange(n);
  };
  return (
    <span className="nl-field__size">
      <select aria-label={`${name}: one value or one per axis`} data-testid={`param-${name}-mode`} value={mode} onChange={(e) => setMode(e.target.value)}>
        <option value="one">all axes</option>
        <option value="pair">H × W</option>
        {keywords.map((k) => <option key={k} value={k}>{k}</option>)}
      </select>
      {(mode === 'one' || mode === 'pair') && (
        <input {...common} type="number" min={def.min} step={1} value={single} onChange={(e) => axis(0, e.target.value)} aria-label={mode === 'pair' ? `${name} height` : name} />
      )}
      {mode === 'pair' && (
        <input type="number" min={def.min} step={1} value={numbers[1] ?? single} data-testid={`param-${name}-1`} aria-label={`${name} width`} onChange={(e) => axis(1, e.target.value)} />
      )}
    </span>
  );
}

/** The text being edited: follows the document except while the field has focus. */
function useDraft(formatted: string) {
  const [text, setText] = useState(formatted);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(formatted);
  }, [formatted]);
  return {
    text, setText,
    onFocus: () => { focused.current = true; },
    onBlur: () => { focused.current = false; setText(formatted); },
  };
}

export function ParamField({ name, def, value, isSet, problems, onChange, onReset }: ParamFieldProps) {
  const id = useId();
  const draft = useDraft(formatParamText(value));
  const [hint, setHint] = useState<string | undefined>();
  const messages = [...(hint ? [`Expected ${hint}`] : []), ...problems];
  const describedBy = `${id}-doc${messages.length > 0 ? ` ${id}-err` : ''}`;
  const common = {
    id, 'data-testid': `param-${name}`, 'aria-describedby': describedBy, 'aria-invalid': messages.length > 0 || undefined,
  };

  const onText = (text: string) => {
    draft.setText(text);
    const parsed = parseParamText(def, text);
    if (parsed.ok) {
      setHint(undefined);
      onChange(parsed.value);
    } else setHint(parsed.message);
  };

  let control;
  switch (def.type) {
    case 'bool':
      control = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case 'choice':
      control = (
        <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {def.choices.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      );
      break;
    case 'int':
    case 'float': {
      const ranged = def.min !== undefined && def.max !== undefined && Number.isFinite(def.max - def.min);
      control = (
        <span className="nl-field__number">
          <input
            {...common} type="number" inputMode={def.type === 'int' ? 'numeric' : 'decimal'}
            step={def.type === 'int' ? 1 : 'any'} min={def.min} max={def.max}
            value={draft.text} onFocus={draft.onFocus} onBlur={() => { draft.onBlur(); setHint(undefined); }}
            onChange={(e) => onText(e.target.value)}
          />
          {ranged && (
            <input
              type="range" className="nl-field__slider" aria-label={`${name} slider`} data-testid={`param-${name}-range`}
              min={def.min} max={def.max} step={def.type === 'int' ? 1 : (def.max! - def.min!) / 100}
              value={typeof value === 'number' ? value : def.default} onChange={(e) => onChange(Number(e.target.value))}
            />
          )}
        </span>
      );
      break;
    }
    case 'size':
      control = <SizeField name={name} def={def} value={value} common={common} onChange={onChange} />;
      break;
    default:
      control = (
        <input
          {...common} type="text" spellCheck={false}
          placeholder={def.type === 'shape' ? 'e.g. N, 1, 28, 28' : undefined}
          value={draft.text} onFocus={draft.onFocus} onBlur={() => { draft.onBlur(); setHint(undefined); }}
          onChange={(e) => onText(e.target.value)}
        />
      );
  }

  return (
    <div className={`nl-field${messages.length > 0 ? ' nl-field--invalid' : ''}`} data-testid={`field-${name}`}>
      <div className="nl-field__row">
        <label htmlFor={id} className="nl-field__label">{name}</label>
        {control}
        <button
          type="button" className="nl-field__reset" onClick={onReset} disabled={!isSet}
          aria-label={`Reset ${name} to its default`} title={`Reset to default (${formatParamText(def.default)})`}
          data-testid={`param-reset-${name}`}
        >↺</button>
      </div>
      <div id={`${id}-doc`} className="nl-field__doc">{def.doc}{rangeText(def)}</div>
      {messages.length > 0 && (
        <div id={`${id}-err`} className="nl-field__error" data-testid={`param-error-${name}`}>{messages.join(' · ')}</div>
      )}
    </div>
  );
}
