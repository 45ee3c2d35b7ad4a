import type { CaseRecord } from '../../../api/types.ts';
import { DateInput } from '../../../components/DateInput.tsx';
import { Textarea } from '../../../components/Textarea.tsx';
import { formatDate } from '../../../format/dates.ts';
import { apiFormSpec, inPageOrder } from '../../../forms/api-form.ts';
import { datePartsOf, readDate } from '../../../forms/date-parts.ts';
import type { FieldError } from '../../../forms/field-errors.ts';
import { useForm } from '../../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage } from '../CaseActionPage.tsx';
import type { DateFact } from './date-facts.ts';
import { readReason } from './reason.ts';
import { useReferralUpdate } from './use-referral-update.ts';

/** `/referrals/:referralId/change/…`: corrects one of the case's dates, with a reason when it was recorded. */
export function ChangeDatePage({ fact }: { fact: DateFact }) {
  return (
    <CaseActionPage title={fact.title} form={(record) => <ChangeDateForm record={record} fact={fact} />} />
  );
}

function ChangeDateForm({ record, fact }: { record: CaseRecord; fact: DateFact }) {
  const spec = apiFormSpec([
    { path: fact.path, label: fact.legend, date: true },
    { path: 'reason', label: 'Reason for the correction' },
  ]);
  const current = fact.current(record);
  const form = useForm({ date: datePartsOf(current), reason: '' });
  const { values, bind, bindDate } = form;
  const update = useReferralUpdate(record, spec);

  const onSubmit = form.handleSubmit(async () => {
    const problems: FieldError[] = [];
    const date = readDate(
      values.date,
      { id: fact.path, label: fact.legend, emptyMessage: fact.emptyMessage ?? '' },
      fact.emptyMessage !== undefined,
    );
    const field = `${fact.path}-day`;
    if (date.error) problems.push(date.error);
    else if (!date.value && !current)
      problems.push({ field, message: `Enter the ${fact.legend.toLowerCase()}` });
    else if (date.value === current) {
      problems.push({ field, message: `${fact.legend} is already ${formatDate(current ?? '')}` });
    }
    const reason = fact.needsReason ? readReason(values.reason) : {};
    if (reason.error) problems.push(reason.error);
    if (problems.length > 0) return inPageOrder(problems, spec);
    const value = date.value ?? null;
    return update(
      { [fact.path]: value, ...(reason.value ? { reason: reason.value } : {}) },
      fact.flash(value),
    );
  });

  return (
    <CaseActionForm record={record} title={fact.title} submitText="Save" form={form} onSubmit={onSubmit}>
      {current && fact.needsReason && <p className="govuk-body">Recorded as {formatDate(current)}.</p>}
      <DateInput {...bindDate('date', fact.path)} legend={fact.legend} hint={fact.hint} />
      {fact.needsReason && (
        <Textarea
          {...bind('reason')}
          label="Why is it being corrected?"
          hint="The case’s timeline keeps this with the old and the new date."
          rows={3}
        />
      )}
    </CaseActionForm>
  );
}
