import type { HTMLInputTypeAttribute } from 'react';
import { Field, type FieldCommonProps, type FieldValueProps, withError } from './Field.tsx';

export interface TextInputProps extends FieldCommonProps, FieldValueProps<string> {
  label: string;
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
export function TextInput({
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete,
  spellCheck,
  widthClass,
  suffix,
  ...field
}: TextInputProps) {
  return (
    <Field {...field}>
      {(control) => {
        const input = (
          <input
            {...control}
            className={withError('govuk-input', field.error, widthClass)}
            type={type}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            inputMode={inputMode}
            autoComplete={autoComplete}
            spellCheck={spellCheck}
          />
        );
        if (!suffix) return input;
        return (
          <div className="govuk-input__wrapper">
            {input}
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          </div>
        );
      }}
    </Field>
  );
}
