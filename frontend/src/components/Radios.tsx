import { type Choice, ChoiceList } from './ChoiceList.tsx';
import { Field, type FieldCommonProps, type FieldValueProps } from './Field.tsx';

export interface RadiosProps extends FieldCommonProps, FieldValueProps<string> {
  legend: string;
  /** A smaller legend, for a question inside a larger one (e.g. a revealed answer). */
  small?: boolean;
  items: readonly Choice[];
  inline?: boolean;
}

/** GOV.UK radios in a fieldset; the first radio's id is the field id. */
export function Radios({ items, value, onChange, inline, ...field }: RadiosProps) {
  return (
    <Field {...field}>
      <ChoiceList
        type="radio"
        id={field.id}
        items={items}
        isChecked={(candidate) => candidate === value}
        onChange={(choice) => onChange(choice)}
        inline={inline}
      />
    </Field>
  );
}
