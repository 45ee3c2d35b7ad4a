import { type Choice, ChoiceList } from './ChoiceList.tsx';
import { Field, type FieldCommonProps } from './Field.tsx';

export interface CheckboxesProps extends FieldCommonProps {
  legend: string;
  items: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}

/** GOV.UK checkboxes in a fieldset; the first checkbox's id is the field id. */
export function Checkboxes({ items, values, onChange, ...field }: CheckboxesProps) {
  const toggle = (choice: string, checked: boolean) => {
    const others = values.filter((candidate) => candidate !== choice);
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
        isChecked={(candidate) => values.includes(candidate)}
        onChange={toggle}
      />
    </Field>
  );
}
