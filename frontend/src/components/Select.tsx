import type { Choice } from './ChoiceList.tsx';
import { Field, type FieldCommonProps, type FieldValueProps, withError } from './Field.tsx';

export interface SelectProps extends FieldCommonProps, FieldValueProps<string> {
  label: string;
  items: readonly Choice[];
}

/** A GOV.UK select with label, hint and error message. */
export function Select({ items, value, onChange, ...field }: SelectProps) {
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          className={withError('govuk-select', field.error)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {items.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
