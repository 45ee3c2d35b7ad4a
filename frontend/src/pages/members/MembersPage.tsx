import { Link, useSearchParams } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { ROLE_LABELS } from '../../auth/roles.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NextPageLink } from '../../components/NextPageLink.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { areaNames } from './area-names.ts';

/** `/members`: who is in the partnership; the chair invites, changes and removes members. */
export function MembersPage() {
  usePageTitle('Members');
  const { api, me } = useSession();
  const flash = useFlash();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const loaded = useLoad(() => Promise.all([api.listMembers(cursor), api.allAreas()]), [api, cursor]);
  const chair = me?.role === 'chair';
  if (loaded.state === 'error') return <LoadFailed error={loaded.error} onRetry={loaded.reload} />;

  return (
    <>
      {flash && <NotificationBanner type="success" heading={flash} />}
      <PageHeading>Members</PageHeading>
      <p className="govuk-body">
        People who can sign in to Continuity for your partnership, their role and the areas they cover.
      </p>
      {chair && <ButtonLink to="/members/invite">Invite a member</ButtonLink>}
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <Table
            caption="Members"
            head={[
              'Name',
              'Email address',
              'Role',
              'Areas',
              ...(chair ? [<VisuallyHidden key="a">Actions</VisuallyHidden>] : []),
            ]}
            rows={loaded.data[0].items.map((member) => {
              const self = member.id === me?.memberId;
              const id = encodeURIComponent(member.id);
              return {
                key: member.id,
                cells: [
                  self ? `${member.name} (you)` : member.name,
                  member.email,
                  ROLE_LABELS[member.role],
                  areaNames(member, loaded.data[1]).join(', '),
                  ...(chair
                    ? [
                        self ? (
                          ''
                        ) : (
                          <ul className="govuk-summary-list__actions-list" key="actions">
                            <li className="govuk-summary-list__actions-list-item">
                              <Link className="govuk-link" to={`/members/${id}/edit`}>
                                Change<VisuallyHidden> {member.name}</VisuallyHidden>
                              </Link>
                            </li>
                            <li className="govuk-summary-list__actions-list-item">
                              <Link className="govuk-link" to={`/members/${id}/remove`}>
                                Remove<VisuallyHidden> {member.name}</VisuallyHidden>
                              </Link>
                            </li>
                          </ul>
                        ),
                      ]
                    : []),
                ],
              };
            })}
          />
          <NextPageLink cursor={loaded.data[0].nextCursor} />
        </>
      )}
    </>
  );
}
