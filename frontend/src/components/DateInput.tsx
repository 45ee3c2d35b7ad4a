import type { DateParts } from '../forms/date-parts.ts';
import { Field, type FieldCommonProps, type FieldValueProps, withError } from './Field.tsx';

/** The date's `id` names its boxes too: `{id}-day`, `{id}-month` and `{id}-year`. */
export interface DateInputProps extends FieldCommonProps, FieldValueProps<DateParts> {
  legend: string;
  /** A smaller legend, for a date inside a larger question (e.g. a revealed answer). */
  small?: boolean;
}

const BOXES = [
  { part: 'day', label: 'Day', width: 'govuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'govuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'govuk-input--width-4' },
] as const;

/** The GOV.UK date input: day, month and year boxes in a fieldset, red-lined together on error. */
export function DateInput({ value, onChange, ...field }: DateInputProps) {
  const { id, error } = field;
  return (
    <Field {...field} group>
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
                  className={withError('govuk-input', error, 'govuk-date-input__input', box.width)}
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
    </Field>
  );
}
