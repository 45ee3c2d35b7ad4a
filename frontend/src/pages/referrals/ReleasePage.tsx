import { Establishment, RELEASE_TYPES } from '../../../../shared/schemas/referral.ts';
import type { CaseRecord } from '../../api/types.ts';
import { choicesOf, RELEASE_TYPE_LABELS } from '../../cases/labels.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { apiFormSpec, inPageOrder } from '../../forms/api-form.ts';
import { EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage } from './CaseActionPage.tsx';
import { useCaseWrite } from './use-case-write.ts';

const TITLE = 'Record release';

const RELEASE_FORM = apiFormSpec([
  { path: 'releasedOn', label: 'Release date', date: true },
  { path: 'releaseType', label: 'Type of release' },
  { path: 'establishment', label: 'Prison code' },
]);

/** `/referrals/:referralId/release`: the person has left prison; the alert clock starts. */
export function ReleasePage() {
  return <CaseActionPage title={TITLE} form={(record) => <ReleaseForm record={record} />} />;
}

function ReleaseForm({ record }: { record: CaseRecord }) {
  const form = useForm({ releasedOn: { ...EMPTY_DATE }, releaseType: '', establishment: '' });
  const { values, bind, bindDate } = form;
  const write = useCaseWrite(record, RELEASE_FORM);

  const onSubmit = form.handleSubmit(async () => {
    const problems: FieldError[] = [];
    const releasedOn = readDate(values.releasedOn, {
      id: 'releasedOn',
      label: 'Release date',
      emptyMessage: 'Enter the date they were released',
    });
    if (releasedOn.error) problems.push(releasedOn.error);
    if (values.releaseType === '')
      problems.push({ field: 'releaseType', message: 'Select the type of release' });
    const establishment = values.establishment.trim()
      ? Establishment.safeParse(values.establishment)
      : undefined;
    if (establishment && !establishment.success) {
      problems.push({
        field: 'establishment',
        message: 'Prison code must be the 3-letter code, like HEI for HMP Hewell',
      });
    }
    if (problems.length > 0) return inPageOrder(problems, RELEASE_FORM);
    const body = {
      releasedOn: releasedOn.value as string,
      releaseType: values.releaseType as (typeof RELEASE_TYPES)[number],
      ...(establishment?.success ? { establishment: establishment.data } : {}),
    };
    return write(body, (api, options) => api.recordRelease(record.id, body, options), 'Release recorded');
  });

  return (
    <CaseActionForm record={record} title={TITLE} submitText="Record release" form={form} onSubmit={onSubmit}>
      <DateInput {...bindDate('releasedOn')} legend="Date of release" hint="For example, 14 3 2026" />
      <Radios
        {...bind('releaseType')}
        legend="Type of release"
        items={choicesOf(RELEASE_TYPES, RELEASE_TYPE_LABELS)}
      />
      <TextInput
        {...bind('establishment')}
        label="Prison released from (optional)"
        hint="The 3-letter prison code, for example HEI for HMP Hewell or BMI for HMP Birmingham"
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-input--width-4"
      />
    </CaseActionForm>
  );
}
