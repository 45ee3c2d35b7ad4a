import { Link } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SummaryCard } from '../../components/SummaryList.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { exportKeyRows, programmeRows, settingsRows } from './describe-settings.ts';

/** `/partnership`: the partnership's name and settings; the chair may change them. */
export function PartnershipPage() {
  usePageTitle('Partnership settings');
  const { api, me } = useSession();
  const flash = useFlash();
  const loaded = useLoad(() => api.getPartnership(), [api]);
  const chair = me?.role === 'chair';
  const change = (hiddenText: string) => (chair ? { to: '/partnership/edit', hiddenText } : undefined);
  return (
    <LoadFrame
      loaded={loaded}
      frame={(settings) => (
        <>
          {flash && <NotificationBanner type="success" heading={flash} />}
          <PageHeading>Partnership settings</PageHeading>
          {settings}
        </>
      )}
    >
      {(partnership) => {
        const rows = settingsRows(partnership);
        return (
          <>
            <SummaryCard
              title="Partnership"
              rows={rows.partnership}
              change={change('partnership name and settings')}
            />
            <SummaryCard title="Alert rules" rows={rows.alertRules} change={change('alert rules')} />
            <SummaryCard
              title="Programmes"
              rows={programmeRows(partnership)}
              change={chair ? { to: '/partnership/programmes', hiddenText: 'programmes' } : undefined}
            />
            <SummaryCard
              title="Export key"
              rows={exportKeyRows(partnership)}
              change={
                chair && partnership.exportKey
                  ? { to: '/partnership/export-key', hiddenText: 'export key' }
                  : undefined
              }
            />
            {chair && !partnership.exportKey && (
              <ButtonLink to="/partnership/export-key" secondary>
                Set export key
              </ButtonLink>
            )}
            <p className="govuk-body">
              <Link className="govuk-link" to="/custody-suites">
                {chair ? 'Add and change the custody suites' : 'See the custody suites'}
              </Link>{' '}
              your partnership works in.
            </p>
          </>
        );
      }}
    </LoadFrame>
  );
}
