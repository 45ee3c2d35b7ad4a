import { Fragment, type ReactNode } from 'react';
import { choiceId } from './choice-ids.ts';
import { Fieldset } from './Fieldset.tsx';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup.tsx';

export interface Choice {
  value: string;
  label: string;
  hint?: ReactNode;
  /** A further question revealed under the radio while it is chosen (radios only). */
  conditional?: ReactNode;
}

export interface RadiosProps {
  id: string;
  legend: string;
  items: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  inline?: boolean;
}

/** GOV.UK radios in a fieldset; the first radio's id is the field id. */
export function Radios({ id, legend, items, value, onChange, hint, error, inline }: RadiosProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      <Fieldset legend={legend} describedBy={describedBy(hintId, errorId)}>
        {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
        {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`}>
          {items.map((item, index) => {
            const itemId = choiceId(id, index);
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            const revealed = item.conditional !== undefined && value === item.value;
            const conditionalId = `${itemId}-conditional`;
            return (
              <Fragment key={item.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={itemId}
                    name={id}
                    type="radio"
                    value={item.value}
                    checked={value === item.value}
                    onChange={() => onChange(item.value)}
                    aria-describedby={itemHintId}
                    aria-controls={revealed ? conditionalId : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                    {item.label}
                  </label>
                  {item.hint && itemHintId && (
                    <div id={itemHintId} className="govuk-hint govuk-radios__hint">
                      {item.hint}
                    </div>
                  )}
                </div>
                {revealed && (
                  <div className="govuk-radios__conditional" id={conditionalId}>
                    {item.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
