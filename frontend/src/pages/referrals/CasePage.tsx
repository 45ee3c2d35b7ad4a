import { Link, useParams } from 'react-router-dom';
import { isPrisonPathway } from '../../../../shared/domain/pathways.ts';
import type { Appointment, Area, CaseAlert, CaseRecord, TimelineEvent } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { appointmentChanges, caseActions } from '../../cases/case-rules.ts';
import {
  APPOINTMENT_KIND_LABELS,
  APPOINTMENT_STATUS_LABELS,
  CLOSE_REASON_LABELS,
  labelFor,
  PATHWAY_LABELS,
  RELEASE_TYPE_LABELS,
  STATUS_COLOURS,
  STATUS_LABELS,
} from '../../cases/labels.ts';
import { areaName } from '../../cases/my-areas.ts';
import { fullName } from '../../cases/names.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { useFlash } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDate, formatDateTime } from '../../format/dates.ts';
import { AlertActionLinks, AlertHistory, AlertStatusTag, alertName } from '../alerts/AlertParts.tsx';
import { LoadFrame } from '../LoadFrame.tsx';
import { NextDue } from './NextDue.tsx';
import { timelineText } from './timeline-text.ts';

/** `/referrals/:referralId`: a case, what is due next, its appointments, alerts and timeline. */
export function CasePage() {
  const { referralId = '' } = useParams();
  const { api, me } = useSession();
  const flash = useFlash();
  const loaded = useLoad(
    () => Promise.all([api.getCase(referralId), api.timeline(referralId), api.allAreas()]),
    [api, referralId],
  );
  // Names stay out of the title, which browsers keep in their history.
  usePageTitle('Case');
  return (
    <LoadFrame loaded={loaded} heading="Case">
      {([record, timeline, areas]) => (
        <>
          {flash && <NotificationBanner type="success" heading={flash} />}
          <CaseHeading record={record} />
          <p className="govuk-body">
            <Tag colour={STATUS_COLOURS[record.status]}>{labelFor(STATUS_LABELS, record.status)}</Tag>
          </p>
          <CaseActionButtons record={record} />
          <h2 className="govuk-heading-m">Case details</h2>
          <SummaryList rows={caseRows(record, areas, me?.memberId)} />
          <Appointments record={record} />
          <Alerts alerts={record.alerts} referralId={record.id} />
          <Timeline events={timeline} />
          {record.person && (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/people/${encodeURIComponent(record.person.id)}`}>
                {fullName(record.person)}&rsquo;s personal details and other referrals
              </Link>
            </p>
          )}
        </>
      )}
    </LoadFrame>
  );
}

function CaseHeading({ record }: { record: CaseRecord }) {
  return (
    <PageHeading caption={labelFor(PATHWAY_LABELS, record.pathway)}>
      {fullName(record.person)}
      {record.person?.prisonNumber && (
        <span className="govuk-caption-m continuity-heading-detail">
          Prison number {record.person.prisonNumber}
        </span>
      )}
    </PageHeading>
  );
}

function CaseActionButtons({ record }: { record: CaseRecord }) {
  const actions = caseActions(record);
  const base = `/referrals/${encodeURIComponent(record.id)}`;
  const buttons = [
    actions.release && { to: `${base}/release`, text: 'Record release' },
    actions.appointment && { to: `${base}/appointments/new`, text: 'Book appointment' },
    actions.engagement && { to: `${base}/engagement`, text: 'Record treatment start' },
    actions.offence && { to: `${base}/offences`, text: 'Record further offence' },
    actions.close && { to: `${base}/close`, text: 'Close case' },
  ].filter((button): button is { to: string; text: string } => Boolean(button));
  return (
    <div className="govuk-button-group">
      {buttons.map((button, index) => (
        <ButtonLink key={button.to} to={button.to} secondary={index > 0}>
          {button.text}
        </ButtonLink>
      ))}
    </div>
  );
}

function caseRows(record: CaseRecord, areas: readonly Area[], myMemberId: string | undefined) {
  const prison = isPrisonPathway(record.pathway);
  const released = record.releasedOn
    ? [
        formatDate(record.releasedOn),
        record.releaseType && labelFor(RELEASE_TYPE_LABELS, record.releaseType).toLowerCase(),
        record.establishment && `from ${record.establishment}`,
      ]
        .filter(Boolean)
        .join(', ')
    : 'Not yet released';
  return [
    { key: 'Pathway', value: labelFor(PATHWAY_LABELS, record.pathway) },
    { key: 'Area', value: areaName(areas, record.areaId) },
    { key: 'Referred from', value: record.source },
    { key: 'Referred on', value: formatDate(record.referredOn) },
    {
      // Caseworkers cannot list members, so another member's name is not known here.
      key: 'Assigned to',
      value: !record.assignedTo
        ? 'Not assigned'
        : record.assignedTo === myMemberId
          ? 'You'
          : 'Another member of the area team',
    },
    ...(prison
      ? [
          {
            key: 'Expected release',
            value: record.expectedReleaseOn ? formatDate(record.expectedReleaseOn) : 'Not known',
          },
          { key: 'Released', value: released },
        ]
      : []),
    {
      key: 'First appointment',
      value: record.firstAppointmentAt ? formatDateTime(record.firstAppointmentAt) : 'Not booked',
    },
    {
      key: 'Treatment start',
      value: record.engagedOn ? formatDate(record.engagedOn) : 'Not yet recorded',
    },
    ...(record.closedOn
      ? [
          {
            key: 'Closed',
            value: `${formatDate(record.closedOn)}${record.closeReason ? `: ${labelFor(CLOSE_REASON_LABELS, record.closeReason).toLowerCase()}` : ''}`,
          },
        ]
      : []),
    ...(record.offences.length > 0
      ? [
          {
            key: 'Further offences',
            value: (
              <ul className="govuk-list">
                {record.offences.map((offence) => (
                  <li key={`${offence.offendedOn}-${offence.recordedAt}`}>
                    {formatDate(offence.offendedOn)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    { key: 'Next action due', value: <NextDue rule={record.nextDueRule} at={record.nextDueAt} /> },
  ];
}

function Appointments({ record }: { record: CaseRecord }) {
  const open = record.status !== 'closed';
  return (
    <>
      <h2 className="govuk-heading-m">Appointments</h2>
      {record.appointments.length === 0 ? (
        <p className="govuk-body">No appointments have been booked.</p>
      ) : (
        <Table
          caption="Appointments"
          head={[
            'When',
            'Type',
            'Where',
            <span className="continuity-nowrap" key="status">
              Status
            </span>,
            <VisuallyHidden key="a">Actions</VisuallyHidden>,
          ]}
          rows={record.appointments.map((appointment) => ({
            key: appointment.id,
            cells: [
              formatDateTime(appointment.at),
              labelFor(APPOINTMENT_KIND_LABELS, appointment.kind),
              appointment.location,
              <span className="continuity-nowrap" key="status">
                {labelFor(APPOINTMENT_STATUS_LABELS, appointment.status)}
              </span>,
              open ? <AppointmentLinks key="actions" record={record} appointment={appointment} /> : '',
            ],
          }))}
        />
      )}
    </>
  );
}

const APPOINTMENT_ACTIONS = [
  { status: 'attended', text: 'Mark attended' },
  { status: 'missed', text: 'Mark missed' },
  { status: 'cancelled', text: 'Cancel' },
  { status: 'rescheduled', text: 'Move' },
] as const;

function AppointmentLinks({ record, appointment }: { record: CaseRecord; appointment: Appointment }) {
  const allowed = appointmentChanges(appointment);
  const base = `/referrals/${encodeURIComponent(record.id)}/appointments/${encodeURIComponent(appointment.id)}/edit`;
  const links = APPOINTMENT_ACTIONS.filter((action) => allowed[action.status]);
  if (links.length === 0) return null;
  const which = `${labelFor(APPOINTMENT_KIND_LABELS, appointment.kind).toLowerCase()} on ${formatDateTime(appointment.at)}`;
  return (
    <ul className="govuk-summary-list__actions-list">
      {links.map((action) => (
        <li className="govuk-summary-list__actions-list-item" key={action.status}>
          <Link className="govuk-link" to={`${base}?status=${action.status}`}>
            {action.text}
            <VisuallyHidden>: {which}</VisuallyHidden>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The case's alerts, newest first, each with its status, who acted on it and what may be done next. */
function Alerts({ alerts, referralId }: { alerts: readonly CaseAlert[]; referralId: string }) {
  const here = `/referrals/${encodeURIComponent(referralId)}`;
  return (
    <>
      <h2 className="govuk-heading-m">Alerts</h2>
      {alerts.length === 0 ? (
        <p className="govuk-body">No alerts</p>
      ) : (
        <ul className="govuk-list continuity-case-alerts">
          {[...alerts]
            .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt))
            .map((alert) => (
              <li key={alert.id} className="continuity-case-alerts__item">
                <AlertStatusTag status={alert.status} /> {alertName(alert.rule)}, raised{' '}
                {formatDateTime(alert.raisedAt)}
                <AlertHistory alert={alert} />
                <AlertActionLinks alert={alert} next={here} />
              </li>
            ))}
        </ul>
      )}
    </>
  );
}

function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const newestFirst = [...events].reverse();
  return (
    <>
      <h2 className="govuk-heading-m">Timeline</h2>
      {newestFirst.length === 0 ? (
        <p className="govuk-body">Nothing has happened on this case yet.</p>
      ) : (
        <ol className="govuk-list continuity-timeline" reversed aria-label="Timeline, newest first">
          {newestFirst.map((event) => (
            <li className="continuity-timeline__item" key={event.id}>
              <h3 className="govuk-heading-s continuity-timeline__title">{timelineText(event)}</h3>
              <p className="govuk-body-s continuity-timeline__meta">
                <time dateTime={event.at}>{formatDateTime(event.at)}</time> by {event.by.name}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
