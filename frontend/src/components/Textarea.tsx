import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup.tsx';

export interface TextareaProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  rows?: number;
  spellCheck?: boolean;
}

/** A GOV.UK textarea with label, hint and error message. */
export function Textarea({ id, label, value, onChange, hint, error, rows = 5, spellCheck }: TextareaProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        spellCheck={spellCheck}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </FormGroup>
  );
}
