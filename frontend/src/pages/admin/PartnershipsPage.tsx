import { useSearchParams } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NextPageLink } from '../../components/NextPageLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { percentage, plural } from '../partnership/describe-settings.ts';
import { formatDate } from './format-date.ts';

/** `/admin/partnerships`: the operator's list of partnerships (no person-level data). */
export function PartnershipsPage() {
  usePageTitle('Partnerships');
  const { api } = useSession();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const partnerships = useLoad(() => api.listPartnerships(cursor), [api, cursor]);
  if (partnerships.state === 'error')
    return <LoadFailed error={partnerships.error} onRetry={partnerships.reload} />;

  return (
    <>
      <PageHeading>Partnerships</PageHeading>
      <p className="govuk-body">Combating Drugs Partnerships using Continuity.</p>
      <ButtonLink to="/admin/partnerships/new">Add a partnership</ButtonLink>
      {partnerships.state === 'loading' ? (
        <Loading />
      ) : partnerships.data.items.length === 0 ? (
        <p className="govuk-body">There are no partnerships yet.</p>
      ) : (
        <Table
          caption="Partnerships"
          head={['Name', 'Added', 'Engagement window', 'Target rate']}
          rows={partnerships.data.items.map((partnership) => ({
            key: partnership.id,
            cells: [
              partnership.name,
              formatDate(partnership.createdAt),
              plural(partnership.settings.engagementWindowDays, 'day'),
              percentage(partnership.settings.targetRate),
            ],
          }))}
        />
      )}
      {partnerships.data && <NextPageLink cursor={partnerships.data.nextCursor} />}
    </>
  );
}
