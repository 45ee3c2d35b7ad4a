import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import { PATHWAYS } from '../../../../shared/domain/values.ts';
import { REFERRAL_STATUSES } from '../../../../shared/schemas/referral.ts';
import type { CaseloadFilters, CaseloadRow } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { choicesOf, labelFor, PATHWAY_LABELS, STATUS_COLOURS, STATUS_LABELS } from '../../cases/labels.ts';
import { areaFilter } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import type { FilterSelect } from '../../components/FilterForm.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { useListAddress } from '../../components/use-list-address.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDate } from '../../format/dates.ts';
import { FilteredList } from '../FilteredList.tsx';
import { NextDue } from '../referrals/NextDue.tsx';
import { FILTER_NAMES, nextOrder, type SortOrder, sortByRelease } from './caseload-filters.ts';

const RELEASE_COLUMN = 4;

const CASE_FILTERS: FilterSelect<(typeof FILTER_NAMES)[number]>[] = [
  {
    name: 'status',
    label: 'Status',
    all: 'All open cases',
    items: choicesOf(REFERRAL_STATUSES, STATUS_LABELS),
  },
  { name: 'pathway', label: 'Pathway', all: 'All pathways', items: choicesOf(PATHWAYS, PATHWAY_LABELS) },
  {
    name: 'due',
    label: 'Next action due',
    all: 'Any time',
    items: [
      { value: 'overdue', label: 'Overdue' },
      { value: 'today', label: 'By the end of today' },
      { value: 'week', label: 'In the next 7 days' },
    ],
  },
];

/** `/caseload`: the open cases of the user's areas, overdue first, with filters. */
export function CaseloadPage() {
  usePageTitle('Caseload');
  const { api, me } = useSession();
  const address = useListAddress(FILTER_NAMES);
  const { query, keep, cursor } = address;
  const loaded = useLoad(
    () => Promise.all([api.caseload(query as CaseloadFilters, cursor), api.allAreas()]),
    [api, keep.toString(), cursor],
  );
  return (
    <FilteredList
      loaded={loaded}
      pageOf={([page]) => page}
      above={
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
        </>
      }
      filters={{
        action: '/caseload',
        label: 'Filter the caseload',
        selects: [...areaFilter(loaded.data?.[1], me), ...CASE_FILTERS],
        applied: address.applied,
        onApply: address.apply,
      }}
      empty={<p className="govuk-body">No cases match these filters.</p>}
      keep={keep}
    >
      {(rows) => <CaseTable rows={rows} />}
    </FilteredList>
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
