import { Link } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { ROLE_LABELS } from '../../auth/roles.ts';
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
import { areaNames } from './area-names.ts';

/** `/members`: who is in the partnership; the chair invites, changes and removes members. */
export function MembersPage() {
  usePageTitle('Members');
  const { api, me } = useSession();
  const flash = useFlash();
  const { cursor } = useListAddress([]);
  const loaded = useLoad(() => Promise.all([api.listMembers(cursor), api.allAreas()]), [api, cursor]);
  const chair = me?.role === 'chair';
  return (
    <FilteredList
      loaded={loaded}
      pageOf={([page]) => page}
      above={
        <>
          {flash && <NotificationBanner type="success" heading={flash} />}
          <PageHeading>Members</PageHeading>
          <p className="govuk-body">
            People who can sign in to Continuity for your partnership, their role and the areas they cover.
          </p>
          {chair && <ButtonLink to="/members/invite">Invite a member</ButtonLink>}
        </>
      }
    >
      {(members, [, areas]) => (
        <Table
          caption="Members"
          head={[
            'Name',
            'Email address',
            'Role',
            'Areas',
            ...(chair ? [<VisuallyHidden key="a">Actions</VisuallyHidden>] : []),
          ]}
          rows={members.map((member) => {
            const self = member.id === me?.memberId;
            const id = encodeURIComponent(member.id);
            return {
              key: member.id,
              cells: [
                self ? `${member.name} (you)` : member.name,
                member.email,
                ROLE_LABELS[member.role],
                areaNames(member, areas).join(', '),
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
      )}
    </FilteredList>
  );
}
