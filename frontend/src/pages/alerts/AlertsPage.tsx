import { Link, useLocation } from 'react-router-dom';
import { ALERT_STATUSES } from '../../../../shared/schemas/alert.ts';
import type { Alert, AlertFilters, Area } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ALERT_STATUS_LABELS, choicesOf } from '../../cases/labels.ts';
import { areaFilter, areaName } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import type { FilterSelect } from '../../components/FilterForm.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { useListAddress } from '../../components/use-list-address.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { FilteredList } from '../FilteredList.tsx';
import { AlertActionLinks, AlertHistory, AlertStatusTag, alertName } from './AlertParts.tsx';

/** The list's filters as they sit in the address (`?status=&areaId=`). */
const FILTER_NAMES = ['status', 'areaId'] as const;

const STATUS_FILTER: FilterSelect<'status'> = {
  name: 'status',
  label: 'Status',
  all: 'All alerts',
  items: choicesOf(ALERT_STATUSES, ALERT_STATUS_LABELS),
};

/** `/alerts`: alerts on the cases of the user's areas, open first, with their actions. */
export function AlertsPage() {
  usePageTitle('Alerts');
  const { api, me } = useSession();
  const flash = useFlash();
  const location = useLocation();
  const address = useListAddress(FILTER_NAMES);
  const { applied, query, keep, cursor } = address;
  const loaded = useLoad(
    () => Promise.all([api.listAlerts(query as AlertFilters, cursor), api.allAreas()]),
    [api, keep.toString(), cursor],
  );
  const here = `${location.pathname}${location.search}`;
  return (
    <FilteredList
      loaded={loaded}
      pageOf={([page]) => page}
      above={
        <>
          {flash && <NotificationBanner type="success" heading={flash} />}
          <PageHeading>Alerts</PageHeading>
          <p className="govuk-body">
            Alerts raised on cases in your areas. Open alerts come first, newest first. Acknowledge an alert
            to show someone is dealing with it, and resolve it with a note once it is dealt with.
          </p>
        </>
      }
      filters={{
        action: '/alerts',
        label: 'Filter the alerts',
        selects: [STATUS_FILTER, ...areaFilter(loaded.data?.[1], me)],
        applied,
        onApply: address.apply,
      }}
      empty={
        <p className="govuk-body">
          {applied.status || applied.areaId ? 'No alerts match these filters.' : 'There are no alerts.'}
        </p>
      }
      keep={keep}
    >
      {(alerts, [, areas]) => <AlertTable alerts={alerts} areas={areas} next={here} />}
    </FilteredList>
  );
}

/** The alert's name, and for an escalation the rule of the alert nobody acknowledged. */
function AlertWhat({ alert }: { alert: Alert }) {
  return (
    <>
      {alertName(alert.rule)}
      {alert.escalates && (
        <span className="govuk-body-s continuity-alert-history">
          Escalates: {alertName(alert.escalates.rule).toLowerCase()}
        </span>
      )}
    </>
  );
}

/**
 * The person's name, linking to the case, and the case reference the alert emails give, so a
 * reference read in an email can be matched here. The name is absent if their record could not be read.
 */
function AlertCase({ alert }: { alert: Alert }) {
  const reference = alert.reference ?? alert.caseReference;
  return (
    <>
      <Link className="govuk-link" to={`/referrals/${encodeURIComponent(alert.referralId)}`}>
        {alert.person ? fullName(alert.person) : 'View case'}
      </Link>
      {reference && (
        <span className="govuk-body-s continuity-nowrap continuity-alert-history">{reference}</span>
      )}
    </>
  );
}

function AlertTable({
  alerts,
  areas,
  next,
}: {
  alerts: readonly Alert[];
  areas: readonly Area[];
  next: string;
}) {
  return (
    <Table
      caption="Alerts"
      head={[
        'Alert',
        'Person and case',
        'Area',
        'Raised',
        'Due',
        'Status',
        <VisuallyHidden key="a">Actions</VisuallyHidden>,
      ]}
      rows={alerts.map((alert) => ({
        key: alert.id,
        cells: [
          <AlertWhat key="alert" alert={alert} />,
          <AlertCase key="case" alert={alert} />,
          <span className="continuity-words" key="area">
            {areaName(areas, alert.areaId)}
          </span>,
          formatDateTime(alert.raisedAt),
          formatDateTime(alert.dueAt),
          <span key="status">
            <AlertStatusTag status={alert.status} />
            <AlertHistory alert={alert} />
          </span>,
          <AlertActionLinks key="actions" alert={alert} next={next} />,
        ],
      }))}
    />
  );
}
