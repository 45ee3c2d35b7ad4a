import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Appointment, CaseRecord } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { appointmentChanges } from '../../cases/case-rules.ts';
import { APPOINTMENT_KIND_LABELS, labelFor } from '../../cases/labels.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { formatDateTime } from '../../format/dates.ts';
import { apiFormSpec, inPageOrder, readableSubmitErrors } from '../../forms/api-form.ts';
import { EMPTY_DATE } from '../../forms/date-parts.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { readAppointmentTime } from './appointment-time.ts';
import { CaseActionForm, CaseActionPage, casePath } from './CaseActionPage.tsx';

const TITLE = 'Update appointment';

const UPDATE_FORM = apiFormSpec([
  { path: 'status', label: 'What happened' },
  { path: 'at', label: 'New date', date: true },
  { path: 'at-time', label: 'New time' },
]);

const STATUS_CHOICES = [
  { value: 'attended', label: 'Attended', flash: 'marked attended' },
  { value: 'missed', label: 'Missed', flash: 'marked missed' },
  { value: 'cancelled', label: 'Cancelled', flash: 'cancelled' },
  { value: 'rescheduled', label: 'Moved to a new time', flash: 'moved' },
] as const;
type Status = (typeof STATUS_CHOICES)[number]['value'];

/** `/referrals/:referralId/appointments/:appointmentId/edit`: mark attended, missed or cancelled, or move it. */
export function AppointmentEditPage() {
  const { appointmentId = '' } = useParams();
  return (
    <CaseActionPage
      title={TITLE}
      form={(record) => {
        const appointment = record.appointments.find((candidate) => candidate.id === appointmentId);
        return appointment ? (
          <AppointmentUpdateForm record={record} appointment={appointment} />
        ) : (
          <NotFoundPage />
        );
      }}
    />
  );
}

function AppointmentUpdateForm({ record, appointment }: { record: CaseRecord; appointment: Appointment }) {
  const { api } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const allowed = appointmentChanges(appointment);
  const choices = STATUS_CHOICES.filter((choice) => allowed[choice.value]);
  const asked = params.get('status');
  const form = useForm({
    status: choices.some((choice) => choice.value === asked) ? (asked as Status) : ('' as Status | ''),
    date: { ...EMPTY_DATE },
    time: '',
  });
  const { values, field, bind, bindDate } = form;
  const kind = labelFor(APPOINTMENT_KIND_LABELS, appointment.kind);

  const onSubmit = form.handleSubmit(async (): Promise<FieldError[] | undefined> => {
    if (values.status === '')
      return [{ field: 'status', message: 'Select what happened to the appointment' }];
    let at: string | undefined;
    if (values.status === 'rescheduled') {
      const read = readAppointmentTime(values.date, values.time);
      if (read.errors.length > 0) return inPageOrder(read.errors, UPDATE_FORM);
      at = read.at;
    }
    try {
      const saved = await api.updateAppointment(
        record.id,
        appointment.id,
        { status: values.status, ...(at ? { at } : {}) },
        appointment.version,
      );
      const done = STATUS_CHOICES.find((choice) => choice.value === values.status)?.flash ?? 'updated';
      navigate(casePath(record.id), {
        state: {
          flash:
            values.status === 'rescheduled'
              ? `${kind} moved to ${formatDateTime(saved.at)}`
              : `${kind} on ${formatDateTime(appointment.at)} ${done}`,
        } satisfies FlashState,
      });
      return undefined;
    } catch (error) {
      return readableSubmitErrors(error, UPDATE_FORM);
    }
  });

  const newTime = (
    <>
      <DateInput {...bindDate('date', 'at')} legend="New date" hint="For example, 14 3 2026" small />
      <TextInput
        {...bind('time', 'at-time')}
        label="New time"
        hint="UK time, for example 10:30 or 14:00"
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-input--width-5"
      />
    </>
  );

  return (
    <CaseActionForm record={record} title={TITLE} submitText="Save" form={form} onSubmit={onSubmit}>
      <p className="govuk-body">
        {kind} on {formatDateTime(appointment.at)} at {appointment.location}.
      </p>
      {choices.length === 0 ? (
        <p className="govuk-body">This appointment can no longer be changed.</p>
      ) : (
        <Radios
          {...bind('status')}
          legend="What happened?"
          hint={allowed.attended ? undefined : 'You can mark it attended or missed once its time has come.'}
          items={choices.map((choice) => ({
            value: choice.value,
            label: choice.label,
            conditional: choice.value === 'rescheduled' ? newTime : undefined,
          }))}
          onChange={(value) => field('status')(value as Status)}
        />
      )}
    </CaseActionForm>
  );
}
