/**
 * One inspector field, chosen by the param's schema type: number inputs (with the schema's min/max), selects for
 * choices, checkboxes, and text for sizes, shapes and lists. Every accepted change is applied at once as setParam;
 * text that does not parse yet stays a local draft with a hint, so typing `3,` never writes a broken value.
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
    case 'float':
      control = (
        <input
          {...common} type="number" inputMode={def.type === 'int' ? 'numeric' : 'decimal'}
          step={def.type === 'int' ? 1 : 'any'} min={def.min} max={def.max}
          value={draft.text} onFocus={draft.onFocus} onBlur={() => { draft.onBlur(); setHint(undefined); }}
          onChange={(e) => onText(e.target.value)}
        />
      );
      break;
    default:
      control = (
        <input
          {...common} type="text" spellCheck={false}
          placeholder={def.type === 'size' && def.keywords?.length ? `e.g. 3 or 3, 5 or ${def.keywords.join(' / ')}` : undefined}
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
      <div id={`${id}-doc`} className="nl-field__doc">{def.doc}</div>
      {messages.length > 0 && (
        <div id={`${id}-err`} className="nl-field__error" data-testid={`param-error-${name}`}>{messages.join(' · ')}</div>
      )}
    </div>
  );
}
