import type { CaseRecord } from '../../../api/types.ts';
import { TextInput } from '../../../components/TextInput.tsx';
import { apiFormSpec } from '../../../forms/api-form.ts';
import { useForm } from '../../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage } from '../CaseActionPage.tsx';
import { useReferralUpdate } from './use-referral-update.ts';

const TITLE = 'Change where the referral came from';
const MAX_SOURCE = 80;
const SOURCE_FORM = apiFormSpec([{ path: 'source', label: 'Referred from' }]);

/** `/referrals/:referralId/change/source`: where the referral came from. */
export function ChangeSourcePage() {
  return <CaseActionPage title={TITLE} form={(record) => <SourceForm record={record} />} />;
}

function SourceForm({ record }: { record: CaseRecord }) {
  const form = useForm({ source: record.source });
  const update = useReferralUpdate(record, SOURCE_FORM);
  const onSubmit = form.handleSubmit(async () => {
    const source = form.values.source.trim();
    if (source === '') return [{ field: 'source', message: 'Enter where the referral came from' }];
    if (source.length > MAX_SOURCE) {
      return [{ field: 'source', message: `Referred from must be ${MAX_SOURCE} characters or fewer` }];
    }
    return update({ source }, `Referred from changed to ${source}`);
  });
  return (
    <CaseActionForm record={record} title={TITLE} submitText="Save" form={form} onSubmit={onSubmit}>
      <TextInput
        {...form.bind('source')}
        label="Referred from"
        hint="Prison (e.g. HMP Hewell), custody suite or court"
        autoComplete="off"
      />
    </CaseActionForm>
  );
}
