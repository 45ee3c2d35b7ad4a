import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { Loading } from '../../components/Loading.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SummaryCard } from '../../components/SummaryList.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { settingsRows } from './describe-settings.ts';

/** `/partnership`: the partnership's name and settings; the chair may change them. */
export function PartnershipPage() {
  usePageTitle('Partnership settings');
  const { api, me } = useSession();
  const flash = useFlash();
  const partnership = useLoad(() => api.getPartnership(), [api]);
  if (partnership.state === 'error')
    return <LoadFailed error={partnership.error} onRetry={partnership.reload} />;
  const chair = me?.role === 'chair';
  const change = (hiddenText: string) => (chair ? { to: '/partnership/edit', hiddenText } : undefined);
  const rows = partnership.data && settingsRows(partnership.data);
  return (
    <>
      {flash && <NotificationBanner type="success" heading={flash} />}
      <PageHeading>Partnership settings</PageHeading>
      {rows ? (
        <>
          <SummaryCard
            title="Partnership"
            rows={rows.partnership}
            change={change('partnership name and settings')}
          />
          <SummaryCard title="Alert rules" rows={rows.alertRules} change={change('alert rules')} />
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}
