import { TEST_RESULTS } from '../../../../shared/schemas/referral.ts';
import type { CustodySuite } from '../../api/types.ts';
import { choicesOf, TEST_RESULT_LABELS } from '../../cases/labels.ts';
import { custodySuiteChoices } from '../../cases/registers.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { dayFieldId, EMPTY_DATE } from '../../forms/date-parts.ts';
import { errorFor, type FieldError } from '../../forms/field-errors.ts';
import {
  ADD_REVIEW_DATE_ID,
  MAX_REVIEW_DATES,
  type OrderFormValues,
  reviewDateLabel,
  type TestFormValues,
} from './pathway-form.ts';

/** The questions of the drug test on arrest: when, and what it was positive for. */
export function TestFields({
  values,
  onChange,
  errors,
  small,
}: {
  values: TestFormValues;
  onChange: (values: TestFormValues) => void;
  errors: readonly FieldError[];
  /** Smaller legends, inside a revealed answer. */
  small?: boolean;
}) {
  return (
    <>
      <DateInput
        id="test-testedOn"
        legend="Date of the test"
        hint="The day of the positive test in custody. For example, 14 3 2026"
        small={small}
        value={values.testedOn}
        onChange={(testedOn) => onChange({ ...values, testedOn })}
        error={errorFor(errors, dayFieldId('test-testedOn'))}
      />
      <Radios
        id="test-result"
        legend="What was the test positive for?"
        small={small}
        items={choicesOf(TEST_RESULTS, TEST_RESULT_LABELS)}
        value={values.result}
        onChange={(result) => onChange({ ...values, result })}
        error={errorFor(errors, 'test-result')}
      />
    </>
  );
}

/**
 * The custody suite, chosen from the partnership's (those serving `areaId` first); optional
 * unless `required`. Without any suite, says who can add one.
 */
export function CustodySuiteSelect({
  suites,
  areaId,
  required,
  value,
  onChange,
  errors,
}: {
  suites: readonly CustodySuite[];
  areaId?: string;
  required: boolean;
  value: string;
  onChange: (value: string) => void;
  errors: readonly FieldError[];
}) {
  if (suites.length === 0) {
    return (
      <div className="govuk-inset-text" id="custodySuiteId">
        Your partnership has no custody suites yet. The partnership&rsquo;s chair can add them.
      </div>
    );
  }
  return (
    <Select
      id="custodySuiteId"
      label={required ? 'Custody suite' : 'Custody suite (optional)'}
      hint="Where the person was in police custody"
      items={[
        { value: '', label: required ? 'Select a custody suite' : 'Not recorded' },
        ...custodySuiteChoices(suites, areaId),
      ]}
      value={value}
      onChange={onChange}
      error={errorFor(errors, 'custodySuiteId')}
    />
  );
}

/** Moves focus to an input once React has drawn it. */
function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * The court order of a DRR or ATR: the date it was made, its length, the court, and its review
 * dates, one date input each, with "Add another review date" and "Remove" (the add-another pattern).
 */
export function OrderFields({
  values,
  onChange,
  errors,
  small,
}: {
  values: OrderFormValues;
  onChange: (values: OrderFormValues) => void;
  errors: readonly FieldError[];
  small?: boolean;
}) {
  const set =
    <K extends keyof OrderFormValues>(key: K) =>
    (value: OrderFormValues[K]) =>
      onChange({ ...values, [key]: value });
  const reviews = values.reviewDates;
  const listError = errorFor(errors, ADD_REVIEW_DATE_ID);
  const add = () => {
    onChange({ ...values, reviewDates: [...reviews, { ...EMPTY_DATE }] });
    focusSoon(`order-reviewDates-${reviews.length}-day`);
  };
  const remove = (index: number) => {
    onChange({ ...values, reviewDates: reviews.filter((_, other) => other !== index) });
    focusSoon(reviews.length > 1 ? `order-reviewDates-${Math.max(0, index - 1)}-day` : ADD_REVIEW_DATE_ID);
  };
  return (
    <>
      <DateInput
        id="order-madeOn"
        legend="Date the order was made"
        hint="For example, 14 3 2026"
        small={small}
        value={values.madeOn}
        onChange={set('madeOn')}
        error={errorFor(errors, dayFieldId('order-madeOn'))}
      />
      <TextInput
        id="order-months"
        label="Length of the order"
        hint="In months, from 1 to 36"
        inputMode="numeric"
        spellCheck={false}
        widthClass="govuk-input--width-3"
        suffix="months"
        value={values.months}
        onChange={set('months')}
        error={errorFor(errors, 'order-months')}
      />
      <TextInput
        id="order-court"
        label="Court"
        hint="For example, Worcester Magistrates’ Court"
        autoComplete="off"
        value={values.court}
        onChange={set('court')}
        error={errorFor(errors, 'order-court')}
      />
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset" aria-describedby="order-reviewDates-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            Court review dates (optional)
          </legend>
          <div className="govuk-hint" id="order-reviewDates-hint">
            The dates the court reviews the order. The caseworker is reminded a week before each one. You can
            add them later.
          </div>
          {reviews.map((parts, index) => {
            const id = `order-reviewDates-${index}`;
            const label = reviewDateLabel(index);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: review dates are numbered by their place
              <div className="continuity-add-another__item" key={index}>
                <DateInput
                  id={id}
                  legend={label}
                  small
                  value={parts}
                  onChange={(date) =>
                    set('reviewDates')(reviews.map((other, at) => (at === index ? date : other)))
                  }
                  error={errorFor(errors, dayFieldId(id))}
                />
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary continuity-add-another__remove"
                  data-module="govuk-button"
                  onClick={() => remove(index)}
                >
                  Remove<VisuallyHidden> {label.toLowerCase()}</VisuallyHidden>
                </button>
              </div>
            );
          })}
          {listError && (
            <p className="govuk-error-message" id={`${ADD_REVIEW_DATE_ID}-error`}>
              <span className="govuk-visually-hidden">Error:</span> {listError}
            </p>
          )}
          {reviews.length < MAX_REVIEW_DATES && (
            <button
              type="button"
              id={ADD_REVIEW_DATE_ID}
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              aria-describedby={listError ? `${ADD_REVIEW_DATE_ID}-error` : undefined}
              onClick={add}
            >
              {reviews.length === 0 ? 'Add a review date' : 'Add another review date'}
            </button>
          )}
        </fieldset>
      </div>
    </>
  );
}
