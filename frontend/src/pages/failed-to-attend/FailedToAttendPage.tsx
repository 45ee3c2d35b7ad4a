import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Area, FailedToAttendEntry, FailedToAttendFilters } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { APPOINTMENT_KIND_LABELS, labelFor, TEST_RESULT_LABELS } from '../../cases/labels.ts';
import { areaName, myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDate, formatDateTime } from '../../format/dates.ts';
import { type DateParts, datePartsOf, dayFieldId, readDate } from '../../forms/date-parts.ts';
import { errorFor, type FieldError } from '../../forms/field-errors.ts';
import { LoadFrame } from '../LoadFrame.tsx';

const TITLE = 'Failed to attend';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The list's filters as the address holds them (`?areaId=&from=&to=`), '' where none is set. */
function filtersFrom(params: URLSearchParams): { areaId: string; from: string; to: string } {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  return { areaId: params.get('areaId') ?? '', from: date('from'), to: date('to') };
}

/** The API's query for the filters, empty ones left out. */
function queryOf(filters: { areaId: string; from: string; to: string }): FailedToAttendFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/**
 * `/failed-to-attend` (managers): the drug-testing-on-arrest cases closed because the person did
 * not attend a required assessment, which the manager passes to the police under the local
 * protocol; by date closed, with a CSV download of the same list.
 */
export function FailedToAttendPage() {
  const { api, me } = useSession();
  const [params, setParams] = useSearchParams();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failures, setFailures] = useState(0);
  usePageTitle(TITLE, errors.length > 0);
  const applied = filtersFrom(params);
  const query = queryOf(applied);
  const loaded = useLoad(
    () => Promise.all([api.failedToAttend(query), api.allAreas()]),
    [api, JSON.stringify(query)],
  );
  const onApply = (problems: FieldError[], values: { areaId: string; from: string; to: string }) => {
    setErrors(problems);
    if (problems.length > 0) {
      setFailures((count) => count + 1);
      return;
    }
    setParams(new URLSearchParams(queryOf(values) as Record<string, string>));
  };
  return (
    <LoadFrame
      loaded={loaded}
      frame={(list) => (
        <>
          <ErrorSummary errors={errors} focusKey={failures} />
          <PageHeading>{TITLE}</PageHeading>
          <p className="govuk-body">
            Drug testing on arrest cases closed because the person did not attend a required assessment.
            Failing to attend without good cause is an offence: pass these to the police as your local
            protocol says.
          </p>
          <FiltersForm
            key={params.toString()}
            initial={applied}
            areas={loaded.data ? myAreas(loaded.data[1], me) : []}
            errors={errors}
            onApply={onApply}
          />
          {list}
        </>
      )}
    >
      {([list, areas]) => (
        <>
          <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
            {list.items.length === 1 ? '1 case' : `${list.items.length} cases`}
            {applied.from || applied.to ? ` closed ${periodText(applied.from, applied.to)}` : ''}
            {applied.areaId ? ` in ${areaName(areas, applied.areaId)}` : ''}
          </p>
          {list.items.length === 0 ? (
            <p className="govuk-body">No case has been closed as failed to attend with these filters.</p>
          ) : (
            <>
              <FailedToAttendTable items={list.items} areas={areas} />
              <DownloadButton
                download={() => api.failedToAttendCsv(query)}
                filename={`failed-to-attend${applied.from ? `-from-${applied.from}` : ''}${applied.to ? `-to-${applied.to}` : ''}.csv`}
              >
                Download CSV
              </DownloadButton>
            </>
          )}
        </>
      )}
    </LoadFrame>
  );
}

function periodText(from: string, to: string): string {
  if (from && to) return `from ${formatDate(from)} to ${formatDate(to)}`;
  return from ? `on or after ${formatDate(from)}` : `on or before ${formatDate(to)}`;
}

/** The filters: the area (for a manager of several) and the first and last day closed, both optional. */
function FiltersForm({
  initial,
  areas,
  errors,
  onApply,
}: {
  initial: { areaId: string; from: string; to: string };
  areas: readonly Area[];
  errors: readonly FieldError[];
  onApply: (problems: FieldError[], values: { areaId: string; from: string; to: string }) => void;
}) {
  const [areaId, setAreaId] = useState(initial.areaId);
  const [from, setFrom] = useState<DateParts>(datePartsOf(initial.from));
  const [to, setTo] = useState<DateParts>(datePartsOf(initial.to));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const first = readDate(from, { id: 'from', label: 'Closed from', emptyMessage: '' }, false);
    const last = readDate(to, { id: 'to', label: 'Closed to', emptyMessage: '' }, false);
    if (first.error) problems.push(first.error);
    if (last.error) problems.push(last.error);
    if (first.value && last.value && first.value > last.value) {
      problems.push({
        field: dayFieldId('from'),
        message: 'Closed from must be the same as or before closed to',
      });
    }
    onApply(problems, { areaId, from: first.value ?? '', to: last.value ?? '' });
  };
  return (
    <form noValidate method="get" action="/failed-to-attend" onSubmit={onSubmit} aria-label="Filter the list">
      {areas.length > 1 && (
        <Select
          id="areaId"
          label="Area"
          items={[
            { value: '', label: 'All your areas' },
            ...areas.map((area) => ({ value: area.id, label: area.name })),
          ]}
          value={areaId}
          onChange={setAreaId}
        />
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <DateInput
            id="from"
            legend="Closed from (optional)"
            hint="For example, 1 3 2026"
            small
            value={from}
            onChange={setFrom}
            error={errorFor(errors, dayFieldId('from'))}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <DateInput
            id="to"
            legend="Closed to (optional)"
            hint="For example, 31 3 2026"
            small
            value={to}
            onChange={setTo}
            error={errorFor(errors, dayFieldId('to'))}
          />
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filters
      </button>
    </form>
  );
}

function FailedToAttendTable({
  items,
  areas,
}: {
  items: readonly FailedToAttendEntry[];
  areas: readonly Area[];
}) {
  return (
    <Table
      caption="Cases closed as failed to attend"
      head={[
        'Person',
        'Case reference',
        'Area',
        'Custody suite',
        'Drug test',
        'Missed assessments',
        'Closed on',
      ]}
      rows={items.map((entry) => ({
        key: entry.referralId,
        cells: [
          <span key="person">
            <Link
              className="govuk-link continuity-words"
              to={`/referrals/${encodeURIComponent(entry.referralId)}`}
            >
              {fullName(entry.person)}
            </Link>
            <br />
            <span className="govuk-body-s">Born {formatDate(entry.person.dateOfBirth)}</span>
            {entry.person.prisonNumber && (
              <>
                <br />
                <span className="govuk-body-s">Prison number {entry.person.prisonNumber}</span>
              </>
            )}
          </span>,
          <span className="continuity-nowrap" key="reference">
            {entry.reference}
          </span>,
          areaName(areas, entry.areaId),
          entry.custodySuiteName ?? 'Not recorded',
          entry.test
            ? `${labelFor(TEST_RESULT_LABELS, entry.test.result)}, ${formatDate(entry.test.testedOn)}`
            : 'Not recorded',
          entry.missedAssessments.length === 0 ? (
            'None recorded'
          ) : (
            <ul className="govuk-list" key="missed">
              {entry.missedAssessments.map((missed) => (
                <li key={`${missed.kind}-${missed.at}`}>
                  {labelFor(APPOINTMENT_KIND_LABELS, missed.kind)}, {formatDateTime(missed.at)}
                </li>
              ))}
            </ul>
          ),
          formatDate(entry.closedOn),
        ],
      }))}
    />
  );
}
