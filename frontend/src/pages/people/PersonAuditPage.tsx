import { Link, useParams } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { ROLE_LABELS } from '../../auth/roles.ts';
import { useSession } from '../../auth/session-context.ts';
import { AUDIT_ACTION_LABELS, AUDIT_RECORD_LABELS, labelFor } from '../../cases/labels.ts';
import { fullName } from '../../cases/names.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/dates.ts';
import { LoadFrame } from '../LoadFrame.tsx';

const TITLE = 'Who has seen this record';

/** `/people/:personId/audit`: a manager sees who read or changed a person's records, newest first. */
export function PersonAuditPage() {
  const { personId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(
    () => Promise.all([api.getPerson(personId), api.personAudit(personId)]),
    [api, personId],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([person, events]) => {
        const newestFirst = [...events].reverse();
        return (
          <>
            <PageHeading caption={fullName(person)}>{TITLE}</PageHeading>
            <p className="govuk-body">
              Every time someone viewed, found, listed or changed {fullName(person)}&rsquo;s records, newest
              first.
            </p>
            {newestFirst.length === 0 ? (
              <p className="govuk-body">Nobody has seen these records yet.</p>
            ) : (
              <Table
                caption={`Who has seen ${fullName(person)}’s records`}
                head={['When', 'Who', 'What', 'From']}
                rows={newestFirst.map((event) => ({
                  key: event.id,
                  cells: [
                    formatDateTime(event.at),
                    `${event.by.name} (${labelFor(ROLE_LABELS, event.by.role).toLowerCase()})`,
                    `${labelFor(AUDIT_ACTION_LABELS, event.action)}: ${labelFor(AUDIT_RECORD_LABELS, event.record)}`,
                    event.sourceIp ? `IP address ${event.sourceIp}` : 'Not known',
                  ],
                }))}
              />
            )}
            <p className="govuk-body">
              <Link className="govuk-link" to={`/people/${encodeURIComponent(person.id)}`}>
                Back to {fullName(person)}
              </Link>
            </p>
          </>
        );
      }}
    </LoadFrame>
  );
}
