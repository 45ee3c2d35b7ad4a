import { type FormEvent, useState } from 'react';
import type { Area, CustodySuite } from '../../api/types.ts';
import { programmeName } from '../../cases/labels.ts';
import { Select } from '../../components/Select.tsx';
import { errorFor, type FieldError } from '../../forms/field-errors.ts';
import { monthChoices, type ReportFilterValues } from './report-filters.ts';

/**
 * The dashboard's filters, a GET form: the area (when there is more than one), the first and
 * last release month, the programme (when the partnership runs any) and, for the other pathways,
 * the custody suite (when it has any). `onApply` checks the period and answers its errors, if any.
 */
export function ReportFiltersForm({
  initial,
  areas,
  programmes,
  suites,
  wholeLabel,
  latestMonth,
  errors,
  onApply,
}: {
  initial: ReportFilterValues;
  areas: readonly Area[];
  programmes: readonly string[];
  suites: readonly CustodySuite[];
  /** What "no area chosen" covers: the whole partnership, or a manager's areas. */
  wholeLabel: string;
  /** The newest month to offer. */
  latestMonth: string;
  errors: readonly FieldError[];
  onApply: (values: ReportFilterValues) => void;
}) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof ReportFilterValues) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const months = monthChoices(latestMonth);
  return (
    <form
      noValidate
      method="get"
      action="/reports"
      onSubmit={onSubmit}
      aria-label="Choose the area and period"
    >
      <div className="govuk-grid-row">
        {areas.length > 1 && (
          <div className="govuk-grid-column-one-third">
            <Select
              id="areaId"
              label="Area"
              items={[
                { value: '', label: wholeLabel },
                ...areas.map((area) => ({ value: area.id, label: area.name })),
              ]}
              value={values.areaId}
              onChange={set('areaId')}
              error={errorFor(errors, 'areaId')}
            />
          </div>
        )}
        <div className="govuk-grid-column-one-third">
          <Select
            id="from"
            label="From (release month)"
            items={months}
            value={values.from}
            onChange={set('from')}
            error={errorFor(errors, 'from')}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            id="to"
            label="To (release month)"
            items={months}
            value={values.to}
            onChange={set('to')}
            error={errorFor(errors, 'to')}
          />
        </div>
      </div>
      {(programmes.length > 0 || suites.length > 0) && (
        <div className="govuk-grid-row">
          {programmes.length > 0 && (
            <div className="govuk-grid-column-one-third">
              <Select
                id="programme"
                label="Programme"
                items={[
                  { value: '', label: 'All cases' },
                  ...programmes.map((code) => ({ value: code, label: programmeName(code) })),
                ]}
                value={values.programme}
                onChange={set('programme')}
              />
            </div>
          )}
          {suites.length > 0 && (
            <div className="govuk-grid-column-one-third">
              <Select
                id="custodySuiteId"
                label="Custody suite (other pathways)"
                items={[
                  { value: '', label: 'All custody suites' },
                  ...[...suites]
                    .sort((a, b) => a.name.localeCompare(b.name))
                    .map((suite) => ({ value: suite.id, label: suite.name })),
                ]}
                value={values.custodySuiteId}
                onChange={set('custodySuiteId')}
              />
            </div>
          )}
        </div>
      )}
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Show report
      </button>
    </form>
  );
}
