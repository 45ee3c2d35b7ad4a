import { type FormEvent, useState } from 'react';
import type { Choice } from './ChoiceList.tsx';
import { Select } from './Select.tsx';
import type { FilterValues } from './use-list-address.ts';

/** One filter of a list: a select whose first choice sets no filter. */
export interface FilterSelect<Name extends string = string> {
  /** The filter's name in the address, and its select's id. */
  name: Name;
  label: string;
  /** The choice that sets no filter, e.g. "All pathways". */
  all: string;
  items: readonly Choice[];
}

export interface FilterFormProps<Name extends string> {
  /** The list's own address, where the form goes without JavaScript. */
  action: string;
  /** The form's accessible name, e.g. "Filter the caseload". */
  label: string;
  selects: readonly FilterSelect<Name>[];
  applied: FilterValues<Name>;
  onApply: (values: FilterValues<Name>) => void;
}

/** A list's filters, a quarter of the row each, applied together by "Apply filters". */
export function FilterForm<Name extends string>({
  action,
  label,
  selects,
  applied,
  onApply,
}: FilterFormProps<Name>) {
  const [values, setValues] = useState(applied);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form noValidate method="get" action={action} onSubmit={onSubmit} aria-label={label}>
      <div className="govuk-grid-row">
        {selects.map((select) => (
          <div className="govuk-grid-column-one-quarter" key={select.name}>
            <Select
              id={select.name}
              label={select.label}
              items={[{ value: '', label: select.all }, ...select.items]}
              value={values[select.name]}
              onChange={(value) => setValues((current) => ({ ...current, [select.name]: value }))}
            />
          </div>
        ))}
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filters
      </button>
    </form>
  );
}
