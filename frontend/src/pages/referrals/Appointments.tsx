import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Appointment, CaseRecord } from '../../api/types.ts';
import { appointmentChanges } from '../../cases/case-rules.ts';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_STATUS_LABELS, labelFor } from '../../cases/labels.ts';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDateTime } from '../../format/dates.ts';

/** A case's appointments, earliest first, each with the changes it can take now. */
export function Appointments({ record }: { record: CaseRecord }) {
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
                {appointmentStatus(appointment)}
              </span>,
              open ? <AppointmentLinks key="actions" record={record} appointment={appointment} /> : '',
            ],
          }))}
        />
      )}
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
