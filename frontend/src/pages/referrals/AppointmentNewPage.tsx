import { useSearchParams } from 'react-router-dom';
import { APPOINTMENT_KINDS } from '../../../../shared/schemas/referral.ts';
import type { CaseRecord } from '../../api/types.ts';
import { APPOINTMENT_KIND_LABELS } from '../../cases/labels.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { apiFormSpec, inPageOrder } from '../../forms/api-form.ts';
import { EMPTY_DATE } from '../../forms/date-parts.ts';
import { useForm } from '../../forms/use-form.ts';
import { readAppointmentTime } from './appointment-time.ts';
import { CaseActionForm, CaseActionPage } from './CaseActionPage.tsx';
import { useCaseWrite } from './use-case-write.ts';

const TITLE = 'Book an appointment';

const APPOINTMENT_FORM = apiFormSpec(
  [
    { path: 'at', label: 'Date of the appointment', date: true },
    { path: 'at-time', label: 'Time' },
    { path: 'location', label: 'Where' },
    { path: 'kind', label: 'Type of appointment' },
  ],
  { first_appointment_exists: 'kind' },
);

/** `/referrals/:referralId/appointments/new`: book a first or follow-up appointment. */
export function AppointmentNewPage() {
  return <CaseActionPage title={TITLE} form={(record) => <AppointmentForm record={record} />} />;
}

function AppointmentForm({ record }: { record: CaseRecord }) {
  // "Book a new first appointment" on the case page comes here with the kind chosen.
  const [params] = useSearchParams();
  const asked = params.get('kind') ?? '';
  const kind = (APPOINTMENT_KINDS as readonly string[]).includes(asked) ? asked : '';
  const form = useForm({ date: { ...EMPTY_DATE }, time: '', location: '', kind });
  const { values, bind, bindDate } = form;
  const write = useCaseWrite(record, APPOINTMENT_FORM);

  const onSubmit = form.handleSubmit(async () => {
    const { at, errors: problems } = readAppointmentTime(values.date, values.time);
    if (values.location.trim() === '')
      problems.push({ field: 'location', message: 'Enter where the appointment is' });
    if (values.kind === '') problems.push({ field: 'kind', message: 'Select the type of appointment' });
    if (problems.length > 0 || !at) return inPageOrder(problems, APPOINTMENT_FORM);
    const body = {
      at,
      location: values.location.trim(),
      kind: values.kind as (typeof APPOINTMENT_KINDS)[number],
    };
    return write(
      body,
      (api, options) => api.bookAppointment(record.id, body, options),
      `${APPOINTMENT_KIND_LABELS[body.kind]} booked for ${formatDateTime(at)}`,
    );
  });

  return (
    <CaseActionForm
      record={record}
      title={TITLE}
      submitText="Book appointment"
      form={form}
      onSubmit={onSubmit}
    >
      <DateInput {...bindDate('date', 'at')} legend="Date of the appointment" hint="For example, 14 3 2026" />
      <TextInput
        {...bind('time', 'at-time')}
        label="Time"
        hint="UK time, for example 10:30 or 14:00"
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-input--width-5"
      />
      <TextInput
        {...bind('location')}
        label="Where"
        hint="For example, Worcester Recovery Hub, or by phone"
        autoComplete="off"
      />
      <Radios
        {...bind('kind')}
        legend="Type of appointment"
        items={APPOINTMENT_KINDS.map((value) => ({
          value,
          label: APPOINTMENT_KIND_LABELS[value],
          hint:
            value === 'first'
              ? 'The first appointment after release or referral. A case has one at a time.'
              : undefined,
        }))}
      />
    </CaseActionForm>
  );
}
