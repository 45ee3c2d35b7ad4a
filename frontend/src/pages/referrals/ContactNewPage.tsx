import { useNavigate } from 'react-router-dom';
import type { CaseRecord, ContactMethod, ContactOutcome } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import { choicesOf } from '../../cases/labels.ts';
import { CONTACT_METHOD_LABELS, CONTACT_OUTCOME_LABELS } from '../../cases/release-labels.ts';
import { CONTACT_METHODS, CONTACT_OUTCOMES } from '../../cases/release-values.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { Radios } from '../../components/Radios.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { formatDateTime } from '../../format/dates.ts';
import { apiFormSpec, inPageOrder, readableSubmitErrors } from '../../forms/api-form.ts';
import { EMPTY_DATE } from '../../forms/date-parts.ts';
import { useForm } from '../../forms/use-form.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { readAppointmentTime } from './appointment-time.ts';
import { CaseActionForm, CaseActionPage, casePath } from './CaseActionPage.tsx';

const TITLE = 'Add a contact';
const MAX_NOTE = 1000;

const CONTACT_FORM = apiFormSpec([
  { path: 'at', label: 'Date of the contact', date: true },
  { path: 'at-time', label: 'Time' },
  { path: 'method', label: 'How' },
  { path: 'outcome', label: 'What happened' },
  { path: 'note', label: 'Note' },
]);

/** `/referrals/:referralId/contacts/new`: a visit, call or message, before or after release. */
export function ContactNewPage() {
  return <CaseActionPage title={TITLE} form={(record) => <ContactForm record={record} />} />;
}

function ContactForm({ record }: { record: CaseRecord }) {
  const { api } = useSession();
  const navigate = useNavigate();
  // Keyed to the case: the same contact on another case is another request.
  const idempotency = useIdempotencyKey(record.id);
  const form = useForm({ date: { ...EMPTY_DATE }, time: '', method: '', outcome: '', note: '' });
  const { values, bind, bindDate } = form;

  const onSubmit = form.handleSubmit(async () => {
    const { at, errors: problems } = readAppointmentTime(values.date, values.time, {
      label: 'Date of the contact',
      of: 'the contact',
    });
    if (values.method === '') problems.push({ field: 'method', message: 'Select how you were in contact' });
    if (values.outcome === '') problems.push({ field: 'outcome', message: 'Select what happened' });
    const note = values.note.trim();
    if (note.length > MAX_NOTE) {
      problems.push({
        field: 'note',
        message: `Note must be ${MAX_NOTE.toLocaleString('en-GB')} characters or fewer`,
      });
    }
    if (problems.length > 0 || !at) return inPageOrder(problems, CONTACT_FORM);
    const body = {
      at,
      method: values.method as ContactMethod,
      outcome: values.outcome as ContactOutcome,
      ...(note ? { note } : {}),
    };
    try {
      await idempotency.send(body, (key) => api.addContact(record.id, body, key));
      navigate(casePath(record.id), {
        state: { flash: `Contact on ${formatDateTime(at)} added` } satisfies FlashState,
      });
      return undefined;
    } catch (error) {
      return readableSubmitErrors(error, CONTACT_FORM);
    }
  });

  return (
    <CaseActionForm record={record} title={TITLE} submitText="Add contact" form={form} onSubmit={onSubmit}>
      <DateInput {...bindDate('date', 'at')} legend="Date of the contact" hint="For example, 14 3 2026" />
      <TextInput
        {...bind('time', 'at-time')}
        label="Time"
        hint="UK time, for example 10:30 or 14:00"
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-input--width-5"
      />
      <Radios
        {...bind('method')}
        legend="How were you in contact?"
        hint="A prison visit before release is in person"
        items={choicesOf(CONTACT_METHODS, CONTACT_METHOD_LABELS)}
      />
      <Radios
        {...bind('outcome')}
        legend="What happened?"
        items={choicesOf(CONTACT_OUTCOMES, CONTACT_OUTCOME_LABELS)}
      />
      <Textarea
        {...bind('note')}
        label="Note (optional)"
        hint="What was agreed, or what to try next"
        rows={3}
      />
    </CaseActionForm>
  );
}
