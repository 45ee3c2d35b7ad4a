import { useParams } from 'react-router-dom';
import { Establishment, RELEASE_TYPES } from '../../../../shared/schemas/referral.ts';
import type { CaseRecord, EstablishmentList } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { choicesOf, RELEASE_TYPE_LABELS } from '../../cases/labels.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { Radios } from '../../components/Radios.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { apiFormSpec, inPageOrder } from '../../forms/api-form.ts';
import { EMPTY_DATE, readDate } from '../../forms/date-parts.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { CaseActionForm } from './CaseActionPage.tsx';
import { useCaseWrite } from './use-case-write.ts';

const TITLE = 'Record release';

const RELEASE_FORM = apiFormSpec([
  { path: 'releasedOn', label: 'Release date', date: true },
  { path: 'releaseType', label: 'Type of release' },
  { path: 'establishment', label: 'Prison released from' },
]);

/**
 * `/referrals/:referralId/release`: the person has left prison; the alert clock starts. The prison
 * is typed by name or code, the register's names suggested as they type.
 */
export function ReleasePage() {
  const { referralId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(
    () =>
      Promise.all([
        api.getCase(referralId),
        // Without the register the name can still be typed; the API checks it.
        api.establishments().catch((): EstablishmentList => ({ items: [] })),
      ]),
    [api, referralId],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([record, prisons]) => <ReleaseForm record={record} prisons={prisons} />}
    </LoadFrame>
  );
}

function ReleaseForm({ record, prisons }: { record: CaseRecord; prisons: EstablishmentList }) {
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
        message: 'Prison released from must be the prison’s name or code, like HMP Hewell or HEI',
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
        hint="Start typing the prison’s name, for example HMP Hewell, or its code, for example HEI"
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-!-width-two-thirds"
        suggestions={prisons.items.map((prison) => prison.name)}
      />
    </CaseActionForm>
  );
}
