import { useSearchParams } from 'react-router-dom';
import type { CaseRecord } from '../../api/types.ts';
import { type CloseReason, closeReasonsOf } from '../../cases/case-rules.ts';
import { CLOSE_REASON_LABELS, choicesOf } from '../../cases/labels.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { Radios } from '../../components/Radios.tsx';
import { WarningText } from '../../components/Text.tsx';
import { apiFormSpec, inPageOrder } from '../../forms/api-form.ts';
import { EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage } from './CaseActionPage.tsx';
import { useCaseWrite } from './use-case-write.ts';

const TITLE = 'Close case';

const CLOSE_FORM = apiFormSpec([
  { path: 'reason', label: 'Reason' },
  { path: 'closedOn', label: 'Date closed', date: true },
]);

/** `/referrals/:referralId/close`: end the case with its reason. */
export function ClosePage() {
  return <CaseActionPage title={TITLE} form={(record) => <CloseForm record={record} />} />;
}

/** What closing for some reasons leads to, beside their radio. */
const REASON_HINTS: Partial<Record<CloseReason, string>> = {
  failed_to_attend:
    'They did not attend a required assessment without good cause. The case goes on the managers’ failed-to-attend list, for the police under the local protocol.',
  completed_programme: 'They took part in the DIVERT sessions to the end.',
  failed_to_engage: 'They did not take part in the DIVERT sessions.',
};

function CloseForm({ record }: { record: CaseRecord }) {
  // Only the reasons the case's pathway may close for; the case page's "Close as…" comes with one chosen.
  const reasons = closeReasonsOf(record.pathway);
  const [params] = useSearchParams();
  const asked = params.get('reason') ?? '';
  const form = useForm({
    reason: (reasons as readonly string[]).includes(asked) ? asked : '',
    closedOn: { ...EMPTY_DATE },
  });
  const { values, bind, bindDate } = form;
  const write = useCaseWrite(record, CLOSE_FORM);

  const onSubmit = form.handleSubmit(async () => {
    const problems: FieldError[] = [];
    if (values.reason === '') problems.push({ field: 'reason', message: 'Select why the case is closing' });
    const closedOn = readDate(values.closedOn, {
      id: 'closedOn',
      label: 'Date closed',
      emptyMessage: 'Enter the date the case closed',
    });
    if (closedOn.error) problems.push(closedOn.error);
    if (problems.length > 0 || !closedOn.value) return inPageOrder(problems, CLOSE_FORM);
    const body = { reason: values.reason as CloseReason, closedOn: closedOn.value };
    return write(
      body,
      (api, options) => api.closeCase(record.id, body, options),
      `Case closed: ${CLOSE_REASON_LABELS[body.reason].toLowerCase()}`,
    );
  });

  return (
    <CaseActionForm
      record={record}
      title={TITLE}
      submitText="Close case"
      warning
      form={form}
      onSubmit={onSubmit}
    >
      <WarningText>
        Once the case is closed, only a further offence can be added to it, and no more alerts are raised.
      </WarningText>
      <Radios
        {...bind('reason')}
        legend="Why is the case closing?"
        items={choicesOf(reasons, CLOSE_REASON_LABELS).map((choice) => ({
          ...choice,
          hint: REASON_HINTS[choice.value as CloseReason],
        }))}
      />
      <DateInput {...bindDate('closedOn')} legend="Date closed" hint="For example, 14 3 2026" />
    </CaseActionForm>
  );
}
