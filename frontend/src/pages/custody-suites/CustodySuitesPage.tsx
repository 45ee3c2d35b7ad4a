import { Link } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { areaName } from '../../cases/my-areas.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { LoadFrame } from '../LoadFrame.tsx';

const TITLE = 'Custody suites';

/** `/custody-suites`: the police custody suites the partnership works in; the chair adds and changes them. */
export function CustodySuitesPage() {
  usePageTitle(TITLE);
  const { api, me } = useSession();
  const flash = useFlash();
  const loaded = useLoad(() => Promise.all([api.allCustodySuites(), api.allAreas()]), [api]);
  const chair = me?.role === 'chair';
  return (
    <LoadFrame
      loaded={loaded}
      frame={(list) => (
        <>
          {flash && <NotificationBanner type="success" heading={flash} />}
          <PageHeading>{TITLE}</PageHeading>
          <p className="govuk-body">
            The police custody suites where your partnership&rsquo;s arrest referral, drug testing on arrest
            and DIVERT cases start. Caseworkers choose one of these when they add such a case, and the reports
            count cases by suite.
          </p>
          {chair && <ButtonLink to="/custody-suites/new">Add a custody suite</ButtonLink>}
          {list}
        </>
      )}
    >
      {([suites, areas]) =>
        suites.length === 0 ? (
          <p className="govuk-body">There are no custody suites yet.</p>
        ) : (
          <Table
            caption={TITLE}
            head={[
              'Name',
              'Police force',
              'Areas it serves',
              ...(chair ? [<VisuallyHidden key="a">Actions</VisuallyHidden>] : []),
            ]}
            rows={[...suites]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((suite) => ({
                key: suite.id,
                cells: [
                  suite.name,
                  suite.policeForce,
                  suite.areaIds.map((id) => areaName(areas, id)).join(', '),
                  ...(chair
                    ? [
                        <Link
                          className="govuk-link"
                          to={`/custody-suites/${encodeURIComponent(suite.id)}/edit`}
                          key="change"
                        >
                          Change<VisuallyHidden> {suite.name}</VisuallyHidden>
                        </Link>,
                      ]
                    : []),
                ],
              }))}
          />
        )
      }
    </LoadFrame>
  );
}
