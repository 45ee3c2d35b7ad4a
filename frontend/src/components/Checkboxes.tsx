import type { ReactNode } from 'react';
import { choiceId } from './choice-ids.ts';
import { Fieldset } from './Fieldset.tsx';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup.tsx';
import type { Choice } from './Radios.tsx';

export interface CheckboxesProps {
  id: string;
  legend: string;
  items: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: ReactNode;
  error?: string;
}

/** GOV.UK checkboxes in a fieldset; the first checkbox's id is the field id. */
export function Checkboxes({ id, legend, items, values, onChange, hint, error }: CheckboxesProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const toggle = (value: string, checked: boolean) => {
    const others = values.filter((candidate) => candidate !== value);
    // Keep the items' order, whatever order they were ticked in.
    const next = checked ? [...others, value] : others;
    onChange(items.map((item) => item.value).filter((candidate) => next.includes(candidate)));
  };
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} describedBy={describedBy(hintId, errorId)}>
        {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
        {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-checkboxes">
          {items.map((item, index) => {
            const itemId = choiceId(id, index);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div className="govuk-checkboxes__item" key={item.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={itemId}
                  name={id}
                  type="checkbox"
                  value={item.value}
                  checked={values.includes(item.value)}
                  onChange={(event) => toggle(item.value, event.target.checked)}
                  aria-describedby={itemHintId}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint && itemHintId && (
                  <div id={itemHintId} className="govuk-hint govuk-checkboxes__hint">
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
