import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { useListAddress } from '../../components/use-list-address.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { FilteredList } from '../FilteredList.tsx';
import { percentage, plural } from '../partnership/describe-settings.ts';
import { formatDate } from './format-date.ts';

/** `/admin/partnerships`: the operator's list of partnerships (no person-level data). */
export function PartnershipsPage() {
  usePageTitle('Partnerships');
  const { api } = useSession();
  const { cursor } = useListAddress([]);
  const loaded = useLoad(() => api.listPartnerships(cursor), [api, cursor]);
  return (
    <FilteredList
      loaded={loaded}
      pageOf={(page) => page}
      above={
        <>
          <PageHeading>Partnerships</PageHeading>
          <p className="govuk-body">Combating Drugs Partnerships using Continuity.</p>
          <ButtonLink to="/admin/partnerships/new">Add a partnership</ButtonLink>
        </>
      }
      empty={<p className="govuk-body">There are no partnerships yet.</p>}
    >
      {(partnerships) => (
        <Table
          caption="Partnerships"
          head={['Name', 'Added', 'Engagement window', 'Target rate', 'Export key']}
          rows={partnerships.map((partnership) => ({
            key: partnership.id,
            cells: [
              partnership.name,
              formatDate(partnership.createdAt),
              plural(partnership.settings.engagementWindowDays, 'day'),
              percentage(partnership.settings.targetRate),
              // Exports are encrypted to the partnership's key: none can be made until its chair sets one.
              partnership.exportKey ? 'Set' : 'Not set',
            ],
          }))}
        />
      )}
    </FilteredList>
  );
}
