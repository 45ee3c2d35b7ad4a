import type { CaseRecord } from '../../../api/types.ts';
import { labelFor, TEST_RESULT_LABELS } from '../../../cases/labels.ts';
import { formatDate } from '../../../format/dates.ts';
import { apiFormSpec, inPageOrder } from '../../../forms/api-form.ts';
import { useForm } from '../../../forms/use-form.ts';
import { CaseActionForm, CaseActionPage } from '../CaseActionPage.tsx';
import { TestFields } from '../PathwayFields.tsx';
import { readTest, TEST_FIELDS, testValuesOf, withPathwayAliases } from '../pathway-form.ts';
import { useReferralUpdate } from './use-referral-update.ts';

const TITLE = 'Change the drug test';
const TEST_FORM = withPathwayAliases(apiFormSpec(TEST_FIELDS), 0);

/** `/referrals/:referralId/change/test`: the positive drug test on arrest that requires the assessments. */
export function ChangeTestPage() {
  return <CaseActionPage title={TITLE} form={(record) => <TestForm record={record} />} />;
}

function TestForm({ record }: { record: CaseRecord }) {
  const form = useForm({ test: testValuesOf(record.test) });
  const update = useReferralUpdate(record, TEST_FORM);
  const onSubmit = form.handleSubmit(async () => {
    const test = readTest(form.values.test, true);
    if (!test.value) return inPageOrder(test.errors, TEST_FORM);
    return update(
      { test: test.value },
      `Drug test changed to ${labelFor(TEST_RESULT_LABELS, test.value.result).toLowerCase()} on ${formatDate(test.value.testedOn)}`,
    );
  });
  return (
    <CaseActionForm record={record} title={TITLE} submitText="Save" form={form} onSubmit={onSubmit}>
      <TestFields values={form.values.test} onChange={form.field('test')} errors={form.errors} />
    </CaseActionForm>
  );
}
