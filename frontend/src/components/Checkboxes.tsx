import { type Choice, ChoiceList } from './ChoiceList.tsx';
import { Field, type FieldCommonProps, type FieldValueProps } from './Field.tsx';

/** The field's `value` is the list of ticked items' values. */
export interface CheckboxesProps extends FieldCommonProps, FieldValueProps<string[]> {
  legend: string;
  /** A smaller legend, for a question inside a larger one (e.g. a revealed answer). */
  small?: boolean;
  items: readonly Choice[];
}

/** GOV.UK checkboxes in a fieldset; the first checkbox's id is the field id. */
export function Checkboxes({ items, value, onChange, ...field }: CheckboxesProps) {
  const toggle = (choice: string, checked: boolean) => {
    const others = value.filter((candidate) => candidate !== choice);
    // Keep the items' order, whatever order they were ticked in.
    const next = checked ? [...others, choice] : others;
    onChange(items.map((item) => item.value).filter((candidate) => next.includes(candidate)));
  };
  return (
    <Field {...field}>
      <ChoiceList
        type="checkbox"
        id={field.id}
        items={items}
        isChecked={(candidate) => value.includes(candidate)}
        onChange={toggle}
      />
    </Field>
  );
}
