import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { ALERT_STATUSES } from '../../../../shared/schemas/alert.ts';
import type { Alert, Area } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ALERT_STATUS_LABELS } from '../../cases/labels.ts';
import { areaName, myAreas } from '../../cases/my-areas.ts';
import { Loading } from '../../components/Loading.tsx';
import { NextPageLink } from '../../components/NextPageLink.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Select } from '../../components/Select.tsx';
import { Table } from '../../components/Table.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { AlertActionLinks, AlertHistory, AlertStatusTag, alertName } from './AlertParts.tsx';

/** The list's filters as they sit in the address (`?status=&areaId=`), '' where none is set. */
interface AlertFilterValues {
  status: string;
  areaId: string;
}

function filterParams(values: AlertFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (values.status) params.set('status', values.status);
  if (values.areaId) params.set('areaId', values.areaId);
  return params;
}

/** `/alerts`: alerts on the cases of the user's areas, open first, with their actions. */
export function AlertsPage() {
  usePageTitle('Alerts');
  const { api, me } = useSession();
  const flash = useFlash();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const applied: AlertFilterValues = {
    status: params.get('status') ?? '',
    areaId: params.get('areaId') ?? '',
  };
  const cursor = params.get('cursor') ?? undefined;
  const loaded = useLoad(
    () =>
      Promise.all([
        api.listAlerts({ status: applied.status || undefined, areaId: applied.areaId || undefined }, cursor),
        api.allAreas(),
      ]),
    [api, applied.status, applied.areaId, cursor],
  );
  if (loaded.state === 'error') return <LoadFailed error={loaded.error} onRetry={loaded.reload} />;
  const areas = loaded.data ? myAreas(loaded.data[1], me) : [];
  const here = `${location.pathname}${location.search}`;

  return (
    <>
      {flash && <NotificationBanner type="success" heading={flash} />}
      <PageHeading>Alerts</PageHeading>
      <p className="govuk-body">
        Alerts raised on cases in your areas. Open alerts come first, newest first. Acknowledge an alert to
        show someone is dealing with it, and resolve it with a note once it is dealt with.
      </p>
      <Filters
        key={params.toString()}
        applied={applied}
        areas={me?.role === 'manager' && areas.length > 1 ? areas : []}
        onApply={(values) => setParams(filterParams(values))}
      />
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data[0].items.length === 0 ? (
        <p className="govuk-body">
          {applied.status || applied.areaId ? 'No alerts match these filters.' : 'There are no alerts.'}
        </p>
      ) : (
        <AlertTable alerts={loaded.data[0].items} areas={loaded.data[1]} next={here} />
      )}
      {loaded.data && <NextPageLink cursor={loaded.data[0].nextCursor} keep={filterParams(applied)} />}
    </>
  );
}

function Filters({
  applied,
  areas,
  onApply,
}: {
  applied: AlertFilterValues;
  areas: readonly Area[];
  onApply: (values: AlertFilterValues) => void;
}) {
  const [values, setValues] = useState(applied);
  const set = (name: keyof AlertFilterValues) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form noValidate method="get" action="/alerts" onSubmit={onSubmit} aria-label="Filter the alerts">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Select
            id="status"
            label="Status"
            items={[
              { value: '', label: 'All alerts' },
              ...ALERT_STATUSES.map((status) => ({
                value: status,
                label: ALERT_STATUS_LABELS[status] ?? status,
              })),
            ]}
            value={values.status}
            onChange={set('status')}
          />
        </div>
        {areas.length > 0 && (
          <div className="govuk-grid-column-one-quarter">
            <Select
              id="areaId"
              label="Area"
              items={[
                { value: '', label: 'All your areas' },
                ...areas.map((area) => ({ value: area.id, label: area.name })),
              ]}
              value={values.areaId}
              onChange={set('areaId')}
            />
          </div>
        )}
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filters
      </button>
    </form>
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
        'Case',
        'Area',
        'Raised',
        'Due',
        'Status',
        <VisuallyHidden key="a">Actions</VisuallyHidden>,
      ]}
      rows={alerts.map((alert) => ({
        key: alert.id,
        cells: [
          alertName(alert.rule),
          <Link
            className="govuk-link continuity-nowrap"
            to={`/referrals/${encodeURIComponent(alert.referralId)}`}
            key="case"
          >
            {alert.caseReference ?? 'View case'}
          </Link>,
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
