import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Appointment, CaseRecord } from '../../api/types.ts';
import {
  type AppointmentKind,
  appointmentChanges,
  assessmentMissed,
  isRequiredAssessment,
  nextAssessmentKind,
} from '../../cases/case-rules.ts';
import {
  APPOINTMENT_KIND_LABELS,
  APPOINTMENT_MODE_LABELS,
  APPOINTMENT_STATUS_LABELS,
  labelFor,
} from '../../cases/labels.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { casePath } from './CaseActionPage.tsx';

/** The address of the booking form with a kind of appointment chosen. */
export const bookingPath = (referralId: string, kind?: AppointmentKind): string =>
  `${casePath(referralId)}/appointments/new${kind ? `?kind=${kind}` : ''}`;

/** The address of the close form with a reason chosen. */
export const closePath = (referralId: string, reason?: string): string =>
  `${casePath(referralId)}/close${reason ? `?reason=${reason}` : ''}`;

/**
 * A case's appointments, earliest first, each with the changes it can take now: on drug testing
 * on arrest the required assessments apart from treatment appointments, on DIVERT its sessions.
 */
export function Appointments({ record }: { record: CaseRecord }) {
  const open = record.status !== 'closed';
  if (record.pathway === 'divert') {
    return (
      <AppointmentSection
        record={record}
        heading="Sessions"
        appointments={record.appointments}
        empty="No DIVERT sessions have been booked."
        showMode
      >
        {open && (
          <div className="govuk-button-group">
            <ButtonLink to={bookingPath(record.id, 'session')} secondary>
              Book a session
            </ButtonLink>
            <ButtonLink to={closePath(record.id, 'completed_programme')} secondary>
              Close as completed the programme
            </ButtonLink>
            <ButtonLink to={closePath(record.id, 'failed_to_engage')} secondary>
              Close as failed to engage
            </ButtonLink>
          </div>
        )}
      </AppointmentSection>
    );
  }
  if (record.pathway === 'drug_testing_on_arrest') {
    const assessments = record.appointments.filter(isRequiredAssessment);
    const next = nextAssessmentKind(record.appointments);
    return (
      <>
        <AppointmentSection
          record={record}
          heading="Required assessments"
          appointments={assessments}
          empty="No required assessment has been booked."
          intro="After a positive test on arrest the person must attend an initial assessment, and a follow-up assessment if it is needed. Failing to attend one without good cause is an offence."
        >
          {open && (
            <div className="govuk-button-group">
              <ButtonLink to={bookingPath(record.id, next)} secondary>
                {next === 'initial_assessment'
                  ? 'Book the initial assessment'
                  : 'Book a follow-up assessment'}
              </ButtonLink>
              {assessmentMissed(record.appointments) && (
                <ButtonLink to={closePath(record.id, 'failed_to_attend')} secondary>
                  Close as failed to attend
                </ButtonLink>
              )}
            </div>
          )}
        </AppointmentSection>
        <AppointmentSection
          record={record}
          heading="Treatment appointments"
          appointments={record.appointments.filter((appointment) => !isRequiredAssessment(appointment))}
          empty="No treatment appointments have been booked."
        />
      </>
    );
  }
  return (
    <AppointmentSection
      record={record}
      heading="Appointments"
      appointments={record.appointments}
      empty="No appointments have been booked."
    />
  );
}

function AppointmentSection({
  record,
  heading,
  appointments,
  empty,
  intro,
  showMode,
  children,
}: {
  record: CaseRecord;
  heading: string;
  appointments: readonly Appointment[];
  empty: string;
  intro?: string;
  /** Show how each is held even when none says (DIVERT sessions). */
  showMode?: boolean;
  children?: ReactNode;
}) {
  const open = record.status !== 'closed';
  const withMode = showMode || appointments.some((appointment) => appointment.mode);
  return (
    <>
      <h2 className="govuk-heading-m">{heading}</h2>
      {intro && <p className="govuk-body">{intro}</p>}
      {appointments.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <Table
          caption={heading}
          head={[
            'When',
            'Type',
            'Where',
            ...(withMode ? ['How'] : []),
            <span className="continuity-nowrap" key="status">
              Status
            </span>,
            <VisuallyHidden key="a">Actions</VisuallyHidden>,
          ]}
          rows={appointments.map((appointment) => ({
            key: appointment.id,
            cells: [
              formatDateTime(appointment.at),
              labelFor(APPOINTMENT_KIND_LABELS, appointment.kind),
              appointment.location,
              ...(withMode
                ? [appointment.mode ? labelFor(APPOINTMENT_MODE_LABELS, appointment.mode) : 'Not recorded']
                : []),
              <span className="continuity-nowrap" key="status">
                {appointmentStatus(appointment)}
              </span>,
              open ? <AppointmentLinks key="actions" record={record} appointment={appointment} /> : '',
            ],
          }))}
        />
      )}
      {children}
    </>
  );
}

/** An appointment's status; a missed one stands out as a red tag, so it is not taken for booked. */
function appointmentStatus(appointment: Appointment): ReactNode {
  const text = labelFor(APPOINTMENT_STATUS_LABELS, appointment.status);
  return appointment.status === 'missed' ? <Tag colour="red">{text}</Tag> : text;
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
