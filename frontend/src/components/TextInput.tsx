import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup.tsx';

export interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  type?: HTMLInputTypeAttribute;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email';
  autoComplete?: string;
  spellCheck?: boolean;
  /** A GOV.UK width class such as `govuk-input--width-10`. */
  widthClass?: string;
  /** Text after the input, e.g. "days" or "%". */
  suffix?: string;
}

/** A GOV.UK text input with label, hint and error message. */
export function TextInput(props: TextInputProps) {
  const {
    id,
    label,
    value,
    onChange,
    hint,
    error,
    type = 'text',
    inputMode,
    autoComplete,
    spellCheck,
  } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const classes = ['govuk-input', props.widthClass, error && 'govuk-input--error'].filter(Boolean).join(' ');
  const input = (
    <input
      className={classes}
      id={id}
      name={id}
      type={type}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      inputMode={inputMode}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      aria-describedby={describedBy(hintId, errorId)}
    />
  );
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
      {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      {props.suffix ? (
        <div className="govuk-input__wrapper">
          {input}
          <div className="govuk-input__suffix" aria-hidden="true">
            {props.suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
