import { useSearchParams } from 'react-router-dom';
import { APPOINTMENT_MODES } from '../../../../shared/schemas/referral.ts';
import type { CaseRecord } from '../../api/types.ts';
import { type AppointmentKind, appointmentKindsOf } from '../../cases/case-rules.ts';
import { APPOINTMENT_KIND_LABELS, APPOINTMENT_MODE_LABELS, choicesOf } from '../../cases/labels.ts';
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
    { path: 'mode', label: 'How it is held' },
  ],
  { first_appointment_exists: 'kind' },
);

/** What each kind of appointment is, beside its radio. */
const KIND_HINTS: Partial<Record<AppointmentKind, string>> = {
  first: 'The first treatment appointment after release or referral. A case has one at a time.',
  initial_assessment: 'The assessment the positive test requires. Failing to attend it is an offence.',
  follow_up_assessment: 'A further assessment the initial one found was needed.',
};

/** The page's title: a DIVERT case books sessions only. */
const titleOf = (record: CaseRecord) => (record.pathway === 'divert' ? 'Book a DIVERT session' : TITLE);

/**
 * `/referrals/:referralId/appointments/new`: book an appointment of a kind the case's pathway
 * books (a first or follow-up appointment, a required assessment, a DIVERT session).
 */
export function AppointmentNewPage() {
  return <CaseActionPage title={TITLE} form={(record) => <AppointmentForm record={record} />} />;
}

function AppointmentForm({ record }: { record: CaseRecord }) {
  const kinds = appointmentKindsOf(record.pathway);
  // The case page's "Book a new first appointment", "Book the initial assessment"… come with the kind chosen.
  const [params] = useSearchParams();
  const asked = params.get('kind') ?? '';
  const only = kinds.length === 1 ? kinds[0] : undefined;
  const kind = only ?? ((kinds as readonly string[]).includes(asked) ? asked : '');
  const title = titleOf(record);
  const form = useForm({ date: { ...EMPTY_DATE }, time: '', location: '', kind, mode: '' });
  const { values, bind, bindDate } = form;
  const write = useCaseWrite(record, APPOINTMENT_FORM);
  const session = values.kind === 'session';
  const what = session ? 'the session' : 'the appointment';

  const onSubmit = form.handleSubmit(async () => {
    const { at, errors: problems } = readAppointmentTime(values.date, values.time, {
      label: session ? 'Date of the session' : 'Date of the appointment',
      of: what,
    });
    if (values.location.trim() === '')
      problems.push({ field: 'location', message: `Enter where ${what} is` });
    if (values.kind === '') problems.push({ field: 'kind', message: 'Select the type of appointment' });
    if (session && values.mode === '') {
      problems.push({ field: 'mode', message: 'Select how the session is held' });
    }
    if (problems.length > 0 || !at) return inPageOrder(problems, APPOINTMENT_FORM);
    const body = {
      at,
      location: values.location.trim(),
      kind: values.kind as AppointmentKind,
      ...(values.mode ? { mode: values.mode as (typeof APPOINTMENT_MODES)[number] } : {}),
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
      title={title}
      submitText={session ? 'Book session' : 'Book appointment'}
      form={form}
      onSubmit={onSubmit}
    >
      <DateInput
        {...bindDate('date', 'at')}
        legend={session ? 'Date of the session' : 'Date of the appointment'}
        hint="For example, 14 3 2026"
      />
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
        hint={
          session
            ? 'For example, Worcester Recovery Hub, or the video call service'
            : 'For example, Worcester Recovery Hub, or by phone'
        }
        autoComplete="off"
      />
      {!only && (
        <Radios
          {...bind('kind')}
          legend="Type of appointment"
          items={kinds.map((value) => ({
            value,
            label: APPOINTMENT_KIND_LABELS[value],
            hint: KIND_HINTS[value],
          }))}
        />
      )}
      <Radios
        {...bind('mode')}
        legend={session ? 'How is the session held?' : 'How is it held? (optional)'}
        items={choicesOf(APPOINTMENT_MODES, APPOINTMENT_MODE_LABELS)}
      />
    </CaseActionForm>
  );
}
