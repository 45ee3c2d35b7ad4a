import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PATHWAYS } from '../../../../shared/domain/values.ts';
import { REFERRAL_STATUSES } from '../../../../shared/schemas/referral.ts';
import type { Area, CaseloadRow } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { isPrisonPathway } from '../../cases/case-rules.ts';
import { labelFor, PATHWAY_LABELS, STATUS_COLOURS, STATUS_LABELS } from '../../cases/labels.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NextPageLink } from '../../components/NextPageLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDate } from '../../format/dates.ts';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { NextDue } from '../referrals/NextDue.tsx';
import {
  caseloadQuery,
  type FilterValues,
  filterParams,
  filtersFrom,
  nextOrder,
  type SortOrder,
  sortByRelease,
} from './caseload-filters.ts';

const RELEASE_COLUMN = 4;

/** `/caseload`: the open cases of the user's areas, overdue first, with filters. */
export function CaseloadPage() {
  usePageTitle('Caseload');
  const { api, me } = useSession();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const cursor = params.get('cursor') ?? undefined;
  const query = caseloadQuery(applied);
  const key = JSON.stringify(query);
  const loaded = useLoad(
    () => Promise.all([api.caseload(query, cursor), api.allAreas()]),
    [api, key, cursor],
  );
  if (loaded.state === 'error') return <LoadFailed error={loaded.error} onRetry={loaded.reload} />;
  const areas = loaded.data ? myAreas(loaded.data[1], me) : [];

  return (
    <>
      <PageHeading>Caseload</PageHeading>
      <p className="govuk-body">
        Cases in your areas. Cases with an overdue action come first, then those due soonest.
      </p>
      <div className="govuk-button-group">
        <ButtonLink to="/people/find" secondary>
          Find a person
        </ButtonLink>
        <ButtonLink to="/people/new" secondary>
          Add a person
        </ButtonLink>
        {me?.role === 'manager' && (
          <ButtonLink to="/imports/releases" secondary>
            Import a release list
          </ButtonLink>
        )}
      </div>
      <Filters
        key={params.toString()}
        applied={applied}
        areas={me?.role === 'manager' && areas.length > 1 ? areas : []}
        onApply={(values) => setParams(filterParams(values))}
      />
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data[0].items.length === 0 ? (
        <p className="govuk-body">No cases match these filters.</p>
      ) : (
        <CaseTable rows={loaded.data[0].items} />
      )}
      {loaded.data && <NextPageLink cursor={loaded.data[0].nextCursor} keep={filterParams(applied)} />}
    </>
  );
}

function Filters({
  applied,
  areas,
  onApply,
}: {
  applied: FilterValues;
  areas: readonly Area[];
  onApply: (values: FilterValues) => void;
}) {
  const [values, setValues] = useState(applied);
  const set = (name: keyof FilterValues) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form noValidate method="get" action="/caseload" onSubmit={onSubmit} aria-label="Filter the caseload">
      <div className="govuk-grid-row">
        {areas.length > 0 && (
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="areaId"
              label="Area"
              items={[
                { value: '', label: 'All your areas' },
                ...areas.map((area) => ({ value: area.id, label: area.name })),
              ]}
              value={values.areaId}
              onChange={set('areaId')}
            />
          </div>
        )}
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="status"
            label="Status"
            items={[
              { value: '', label: 'All open cases' },
              ...REFERRAL_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
            ]}
            value={values.status}
            onChange={set('status')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="pathway"
            label="Pathway"
            items={[
              { value: '', label: 'All pathways' },
              ...PATHWAYS.map((pathway) => ({ value: pathway, label: PATHWAY_LABELS[pathway] })),
            ]}
            value={values.pathway}
            onChange={set('pathway')}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="due"
            label="Next action due"
            items={[
              { value: '', label: 'Any time' },
              { value: 'overdue', label: 'Overdue' },
              { value: 'today', label: 'By the end of today' },
              { value: 'week', label: 'In the next 7 days' },
            ]}
            value={values.due}
            onChange={set('due')}
          />
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filters
      </button>
    </form>
  );
}

function CaseTable({ rows }: { rows: readonly CaseloadRow[] }) {
  const [order, setOrder] = useState<SortOrder>('none');
  const sorted = sortByRelease(rows, order);
  return (
    <>
      <Table
        caption="Cases"
        sort={{ [RELEASE_COLUMN]: order }}
        head={[
          'Name',
          'Prison number',
          'Pathway',
          'Status',
          <button
            type="button"
            className="continuity-sort-button"
            key="release"
            onClick={() => setOrder(nextOrder(order))}
          >
            Release date
          </button>,
          'Next action due',
        ]}
        rows={sorted.map((row) => ({
          key: row.id,
          cells: [
            <Link className="govuk-link" to={`/referrals/${encodeURIComponent(row.id)}`} key="name">
              {fullName(row.person)}
            </Link>,
            <span className="continuity-nowrap" key="number">
              {row.person?.prisonNumber ?? 'Not known'}
            </span>,
            labelFor(PATHWAY_LABELS, row.pathway),
            <Tag key="status" colour={STATUS_COLOURS[row.status]}>
              {labelFor(STATUS_LABELS, row.status)}
            </Tag>,
            releaseCell(row),
            <NextDue key="due" rule={row.nextDueRule} at={row.nextDueAt} overdue={row.overdue} />,
          ],
        }))}
      />
      <div className="govuk-visually-hidden" aria-live="polite">
        {order === 'none'
          ? ''
          : `Sorted by release date, ${order === 'ascending' ? 'earliest' : 'latest'} first`}
      </div>
    </>
  );
}

function releaseCell(row: CaseloadRow): string {
  if (row.releasedOn) return formatDate(row.releasedOn);
  if (row.expectedReleaseOn) return `Expected ${formatDate(row.expectedReleaseOn)}`;
  return isPrisonPathway(row.pathway) ? 'Not known' : 'Not applicable';
}
