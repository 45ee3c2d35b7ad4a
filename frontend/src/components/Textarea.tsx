import { Field, type FieldCommonProps, type FieldValueProps, withError } from './Field.tsx';

export interface TextareaProps extends FieldCommonProps, FieldValueProps<string> {
  label: string;
  rows?: number;
  spellCheck?: boolean;
}

/** A GOV.UK textarea with label, hint and error message. */
export function Textarea({ value, onChange, rows = 5, spellCheck, ...field }: TextareaProps) {
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          className={withError('govuk-textarea', field.error)}
          rows={rows}
          value={value}
          spellCheck={spellCheck}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
