import { Link } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { areaFilter } from '../../cases/my-areas.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useListAddress } from '../../components/use-list-address.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { FilteredList } from '../FilteredList.tsx';
import { WorklistCountsRow } from './WorklistCountsRow.tsx';
import { WorklistItems } from './WorklistItems.tsx';
import { WorklistTabs } from './WorklistTabs.tsx';
import { TAB_NAMES, tabOf, WORKLIST_FILTERS } from './worklist-tabs.ts';

/** `/` for caseworkers and managers: the open cases that need someone now, most urgent first. */
export function WorklistPage() {
  usePageTitle('Worklist');
  const { api, me } = useSession();
  const address = useListAddress(WORKLIST_FILTERS);
  const { applied, keep, cursor } = address;
  const tab = tabOf(applied.assignee);
  const areaId = applied.areaId;
  const filters = { assignee: tab, areaId: areaId || undefined };
  const loaded = useLoad(
    () =>
      Promise.all([
        api.worklist(filters, cursor),
        api.allAreas(),
        // The counts cover the whole worklist, whichever page is shown.
        api.worklistCounts(filters),
      ]),
    [api, tab, areaId, cursor],
  );
  const counts = loaded.data?.[2];
  const empty = {
    me: 'None of your cases needs anything now.',
    unassigned: 'Every case that needs someone now is assigned.',
    all: 'No case in your areas needs anything now.',
  }[tab];
  return (
    <FilteredList
      loaded={loaded}
      pageOf={([page]) => page}
      above={
        <>
          <PageHeading>Worklist</PageHeading>
          <p className="govuk-body">
            Open cases in your areas that need someone now: an open alert, an action overdue or due this week,
            a release in the next 7 days, or a person still in their engagement window. The most urgent come
            first.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/caseload">
              See the whole caseload
            </Link>{' '}
            or{' '}
            <Link className="govuk-link" to="/menu">
              everything you can do
            </Link>
            .
          </p>
          {counts && <WorklistCountsRow counts={counts} />}
          <WorklistTabs current={tab} areaId={areaId} />
          <h2 className="govuk-heading-m">{TAB_NAMES[tab]}</h2>
        </>
      }
      filters={
        areaFilter(loaded.data?.[1], me).length > 0
          ? {
              action: '/',
              label: 'Filter the worklist',
              selects: areaFilter(loaded.data?.[1], me),
              applied,
              onApply: address.apply,
            }
          : undefined
      }
      empty={<p className="govuk-body">{empty}</p>}
      keep={keep}
    >
      {(items) => <WorklistItems items={items} myMemberId={me?.memberId} />}
    </FilteredList>
  );
}
