import { Fragment, type ReactNode } from 'react';
import { choiceId } from './choice-ids.ts';

export interface Choice {
  value: string;
  label: string;
  hint?: ReactNode;
  /** A further question revealed under the radio while it is chosen (radios only). */
  conditional?: ReactNode;
}

export interface ChoiceListProps {
  type: 'radio' | 'checkbox';
  /** The field's id, which is every input's name and the first input's id. */
  id: string;
  items: readonly Choice[];
  isChecked: (value: string) => boolean;
  onChange: (value: string, checked: boolean) => void;
  inline?: boolean;
}

/**
 * The items of GOV.UK radios or checkboxes: each input with its label and hint, and under a
 * chosen radio the question it reveals. Both share GOV.UK's markup but for the block's name.
 */
export function ChoiceList({ type, id, items, isChecked, onChange, inline }: ChoiceListProps) {
  const block = type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  return (
    <div className={inline ? `${block} ${block}--inline` : block}>
      {items.map((item, index) => {
        const itemId = choiceId(id, index);
        const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
        const checked = isChecked(item.value);
        const revealed = item.conditional !== undefined && checked;
        const conditionalId = `${itemId}-conditional`;
        return (
          <Fragment key={item.value}>
            <div className={`${block}__item`}>
              <input
                className={`${block}__input`}
                id={itemId}
                name={id}
                type={type}
                value={item.value}
                checked={checked}
                onChange={(event) => onChange(item.value, event.target.checked)}
                aria-describedby={itemHintId}
                aria-controls={revealed ? conditionalId : undefined}
              />
              <label className={`govuk-label ${block}__label`} htmlFor={itemId}>
                {item.label}
              </label>
              {itemHintId && (
                <div id={itemHintId} className={`govuk-hint ${block}__hint`}>
                  {item.hint}
                </div>
              )}
            </div>
            {revealed && (
              <div className={`${block}__conditional`} id={conditionalId}>
                {item.conditional}
              </div>
            )}
          </Fragment>
        );
      })}
    </div>
  );
}
