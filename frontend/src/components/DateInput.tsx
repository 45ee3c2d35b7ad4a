import type { ReactNode } from 'react';
import type { DateParts } from '../forms/date-parts.ts';
import { describedBy, ErrorMessage, FormGroup, Hint } from './FormGroup.tsx';

export interface DateInputProps {
  /** The date's id; its boxes are `{id}-day`, `{id}-month` and `{id}-year`. */
  id: string;
  legend: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  hint?: ReactNode;
  error?: string;
  /** A smaller legend, for a date inside a larger question (e.g. a revealed answer). */
  small?: boolean;
}

const BOXES = [
  { part: 'day', label: 'Day', width: 'govuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'govuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'govuk-input--width-4' },
] as const;

/** The GOV.UK date input: day, month and year boxes in a fieldset, red-lined together on error. */
export function DateInput({ id, legend, value, onChange, hint, error, small }: DateInputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={error}>
      {/* biome-ignore lint/a11y/noRedundantRoles: GOV.UK's date input sets it so VoiceOver reads the legend with each box */}
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hintId, errorId)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${small ? 's' : 'm'}`}>
          {legend}
        </legend>
        {hint && hintId && <Hint id={hintId}>{hint}</Hint>}
        {error && errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-date-input" id={id}>
          {BOXES.map((box) => {
            const boxId = `${id}-${box.part}`;
            return (
              <div className="govuk-date-input__item" key={box.part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={boxId}>
                    {box.label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input ${box.width}${error ? ' govuk-input--error' : ''}`}
                    id={boxId}
                    name={boxId}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    spellCheck={false}
                    value={value[box.part]}
                    onChange={(event) => onChange({ ...value, [box.part]: event.target.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
