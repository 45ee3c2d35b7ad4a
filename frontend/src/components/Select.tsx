import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup.tsx';
import type { Choice } from './Radios.tsx';

export interface SelectProps {
  id: string;
  label: string;
  items: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
}

/** A GOV.UK select with label, hint and error message. */
export function Select({ id, label, items, value, onChange, hint, error }: SelectProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {items.map((item) => (
          <option key={item.value} value={item.value}>
            {item.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
