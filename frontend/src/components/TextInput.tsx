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
  /** Values the browser suggests as the user types (a `<datalist>`); anything else may still be typed. */
  suggestions?: readonly string[];
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
  suggestions,
  ...field
}: TextInputProps) {
  const listId = suggestions && suggestions.length > 0 ? `${field.id}-suggestions` : undefined;
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
            list={listId}
          />
        );
        const list = listId && (
          <datalist id={listId}>
            {suggestions?.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        );
        if (!suffix) {
          return (
            <>
              {input}
              {list}
            </>
          );
        }
        return (
          <div className="govuk-input__wrapper">
            {input}
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
            {list}
          </div>
        );
      }}
    </Field>
  );
}
