import { Link } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { useListAddress } from '../../components/use-list-address.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { FilteredList } from '../FilteredList.tsx';

/** `/areas`: the partnership's local authorities; the chair adds and changes them. */
export function AreasPage() {
  usePageTitle('Areas');
  const { api, me } = useSession();
  const flash = useFlash();
  const { cursor } = useListAddress([]);
  const loaded = useLoad(() => api.listAreas(cursor), [api, cursor]);
  const chair = me?.role === 'chair';
  return (
    <FilteredList
      loaded={loaded}
      pageOf={(page) => page}
      above={
        <>
          {flash && <NotificationBanner type="success" heading={flash} />}
          <PageHeading>Areas</PageHeading>
          <p className="govuk-body">
            The local authorities in your partnership. Alert emails for an area go to its team&rsquo;s
            addresses.
          </p>
          {chair && <ButtonLink to="/areas/new">Add an area</ButtonLink>}
        </>
      }
      empty={<p className="govuk-body">There are no areas yet.</p>}
    >
      {(areas) => (
        <Table
          caption="Areas"
          head={[
            'Name',
            'ONS code',
            'Alert emails',
            ...(chair ? [<VisuallyHidden key="a">Actions</VisuallyHidden>] : []),
          ]}
          rows={areas.map((area) => ({
            key: area.id,
            cells: [
              area.name,
              area.onsCode,
              area.alertEmails.length > 0 ? (
                <ul className="govuk-list" key="emails">
                  {area.alertEmails.map((email) => (
                    <li key={email}>{email}</li>
                  ))}
                </ul>
              ) : (
                'None'
              ),
              ...(chair
                ? [
                    <Link
                      className="govuk-link"
                      to={`/areas/${encodeURIComponent(area.id)}/edit`}
                      key="change"
                    >
                      Change<VisuallyHidden> {area.name}</VisuallyHidden>
                    </Link>,
                  ]
                : []),
            ],
          }))}
        />
      )}
    </FilteredList>
  );
}
