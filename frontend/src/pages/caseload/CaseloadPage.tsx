import { Link } from 'react-router-dom';
import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import { PATHWAYS } from '../../../../shared/domain/values.ts';
import { REFERRAL_STATUSES } from '../../../../shared/schemas/referral.ts';
import type { CaseloadFilters, CaseloadRow } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import {
  choicesOf,
  labelFor,
  PATHWAY_LABELS,
  programmeName,
  STATUS_COLOURS,
  STATUS_LABELS,
  statusLabel,
} from '../../cases/labels.ts';
import { areaFilter } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import type { FilterSelect } from '../../components/FilterForm.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { filterParams, useListAddress } from '../../components/use-list-address.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDate } from '../../format/dates.ts';
import { FilteredList } from '../FilteredList.tsx';
import { NextDue } from '../referrals/NextDue.tsx';
import {
  ariaSort,
  FILTER_NAMES,
  RELEASING_SOON_DAYS,
  type SortKey,
  sortHref,
  sortOf,
} from './caseload-filters.ts';
import { SortableHeader } from './SortableHeader.tsx';

type FilterName = (typeof FILTER_NAMES)[number];

/** The programme filter, offered when the partnership runs programmes. */
function programmeFilter(programmes: readonly string[] | undefined): FilterSelect<FilterName>[] {
  if (!programmes || programmes.length === 0) return [];
  return [
    {
      name: 'programme',
      label: 'Programme',
      all: 'Any programme or none',
      items: programmes.map((code) => ({ value: code, label: programmeName(code) })),
    },
  ];
}

const CASE_FILTERS: FilterSelect<FilterName>[] = [
  {
    name: 'assignee',
    label: 'Assigned to',
    all: 'Anyone or nobody',
    items: [
      { value: 'me', label: 'My cases' },
      { value: 'unassigned', label: 'Not assigned' },
    ],
  },
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

/** `/caseload`: the open cases of the user's areas, sorted on the server by any column, with filters. */
export function CaseloadPage() {
  const { api, me } = useSession();
  const address = useListAddress(FILTER_NAMES);
  const { applied, query, keep, cursor } = address;
  const releasingSoon = applied.releasingWithinDays !== '';
  const title = releasingSoon ? 'Releasing in the next 12 weeks' : 'Caseload';
  usePageTitle(title);
  const loaded = useLoad(
    () =>
      Promise.all([
        api.caseload(query as CaseloadFilters, cursor),
        api.allAreas(),
        // Only for the programme filter: the caseload shows without it.
        api.getPartnership().then(
          (partnership) => partnership.settings.programmes,
          () => [] as string[],
        ),
      ]),
    [api, keep.toString(), cursor],
  );
  const sort = sortOf(applied.sort, applied.order);
  return (
    <FilteredList
      loaded={loaded}
      pageOf={([page]) => page}
      above={
        <>
          <PageHeading>{title}</PageHeading>
          <p className="govuk-body">
            {releasingSoon
              ? 'Cases in your areas expected to leave prison in the next 12 weeks, for planning in-reach before release.'
              : 'Cases in your areas, by when their next action is due. Choose a column heading to sort the whole caseload by it.'}
          </p>
          <p className="govuk-body">
            <ViewLink applied={applied} releasingSoon={releasingSoon} />
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
        selects: [
          ...areaFilter(loaded.data?.[1], me),
          ...CASE_FILTERS,
          ...programmeFilter(loaded.data?.[2] ?? (applied.programme ? [applied.programme] : undefined)),
        ],
        applied,
        onApply: address.apply,
      }}
      empty={<p className="govuk-body">No cases match these filters.</p>}
      keep={keep}
    >
      {(rows) => (
        <CaseTable
          rows={rows}
          keep={keep}
          sort={sort}
          releasingSoon={releasingSoon}
          myMemberId={me?.memberId}
        />
      )}
    </FilteredList>
  );
}

/** The link between the whole caseload and the "releasing in the next 12 weeks" view, keeping the other filters. */
function ViewLink({
  applied,
  releasingSoon,
}: {
  applied: Record<FilterName, string>;
  releasingSoon: boolean;
}) {
  const params = filterParams({
    ...applied,
    releasingWithinDays: releasingSoon ? '' : RELEASING_SOON_DAYS,
    // The view orders by expected release; back in the whole caseload, the usual order.
    sort: releasingSoon ? '' : 'expected_release',
    order: '',
  });
  const search = params.toString();
  return (
    <Link className="govuk-link" to={`/caseload${search ? `?${search}` : ''}`}>
      {releasingSoon ? 'See the whole caseload' : 'See who is releasing in the next 12 weeks'}
    </Link>
  );
}

const COLUMNS: readonly { text: string; key?: SortKey }[] = [
  { text: 'Name', key: 'name' },
  { text: 'Prison number' },
  { text: 'Pathway', key: 'pathway' },
  { text: 'Status', key: 'status' },
  { text: 'Release date', key: 'released' },
  { text: 'Assigned to', key: 'assignee' },
  { text: 'Next action due', key: 'next_action' },
];

function CaseTable({
  rows,
  keep,
  sort,
  releasingSoon,
  myMemberId,
}: {
  rows: readonly CaseloadRow[];
  keep: URLSearchParams;
  sort: ReturnType<typeof sortOf>;
  releasingSoon: boolean;
  myMemberId?: string;
}) {
  // Before release the column holds the expected date, and sorts by it.
  const columns = COLUMNS.map((column) =>
    releasingSoon && column.key === 'released'
      ? { text: 'Expected release', key: 'expected_release' as const }
      : column,
  );
  return (
    <Table
      caption="Cases"
      sort={Object.fromEntries(
        columns.flatMap((column, index) => (column.key ? [[index, ariaSort(column.key, sort)]] : [])),
      )}
      head={columns.map((column) =>
        column.key ? (
          <SortableHeader key={column.text} text={column.text} href={sortHref(keep, column.key, sort)} />
        ) : (
          column.text
        ),
      )}
      rows={rows.map((row) => ({
        key: row.id,
        cells: [
          <Link
            className="govuk-link continuity-words"
            to={`/referrals/${encodeURIComponent(row.id)}`}
            key="name"
          >
            {fullName(row.person)}
          </Link>,
          <span className="continuity-nowrap" key="number">
            {row.person?.prisonNumber ?? 'Not known'}
          </span>,
          labelFor(PATHWAY_LABELS, row.pathway),
          <Tag key="status" colour={STATUS_COLOURS[row.status]}>
            {statusLabel(row)}
          </Tag>,
          releaseCell(row),
          <span className="continuity-words" key="assignee">
            {assigneeCell(row, myMemberId)}
          </span>,
          <NextDue
            key="due"
            rule={row.nextDueRule}
            at={row.nextDueAt}
            overdue={row.overdue}
            risks={row.riskFlags}
          />,
        ],
      }))}
    />
  );
}

function releaseCell(row: CaseloadRow): string {
  if (row.releasedOn) return formatDate(row.releasedOn);
  if (row.expectedReleaseOn) return `Expected ${formatDate(row.expectedReleaseOn)}`;
  return isPrisonPathway(row.pathway) ? 'Not known' : 'Not applicable';
}

function assigneeCell(row: CaseloadRow, myMemberId: string | undefined): string {
  if (!row.assignedTo) return 'Not assigned';
  if (row.assignedTo === myMemberId) return 'You';
  return row.assignedToName ?? 'Another member of the area team';
}
