import { useParams } from 'react-router-dom';
import type { CaseRecord, CustodySuite } from '../../../api/types.ts';
import { useLoad } from '../../../api/use-load.ts';
import { useSession } from '../../../auth/session-context.ts';
import { custodySuiteChoices, custodySuiteName } from '../../../cases/registers.ts';
import { Radios } from '../../../components/Radios.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { apiFormSpec } from '../../../forms/api-form.ts';
import { useForm } from '../../../forms/use-form.ts';
import { LoadFrame } from '../../LoadFrame.tsx';
import { CaseActionForm } from '../CaseActionPage.tsx';
import { useReferralUpdate } from './use-referral-update.ts';

const TITLE = 'Change the custody suite';
const SUITE_FORM = apiFormSpec([{ path: 'custodySuiteId', label: 'Custody suite' }]);

/** `/referrals/:referralId/change/custody-suite`: the partnership's custody suite the person was in. */
export function ChangeCustodySuitePage() {
  const { referralId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(
    () => Promise.all([api.getCase(referralId), api.allCustodySuites()]),
    [api, referralId],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([record, suites]) => <SuiteForm record={record} suites={suites} />}
    </LoadFrame>
  );
}

function SuiteForm({ record, suites }: { record: CaseRecord; suites: readonly CustodySuite[] }) {
  const form = useForm({ custodySuiteId: record.custodySuiteId ?? '' });
  const update = useReferralUpdate(record, SUITE_FORM);
  const onSubmit = form.handleSubmit(async () => {
    const custodySuiteId = form.values.custodySuiteId;
    if (custodySuiteId === '') return [{ field: 'custodySuiteId', message: 'Select the custody suite' }];
    if (custodySuiteId === record.custodySuiteId) {
      return [
        { field: 'custodySuiteId', message: 'Select another custody suite, or cancel to keep this one' },
      ];
    }
    return update({ custodySuiteId }, `Custody suite changed to ${custodySuiteName(suites, custodySuiteId)}`);
  });
  return (
    <CaseActionForm record={record} title={TITLE} submitText="Save" form={form} onSubmit={onSubmit}>
      <Radios
        {...form.bind('custodySuiteId')}
        legend="Which custody suite was the person in?"
        items={custodySuiteChoices(suites, record.areaId)}
      />
    </CaseActionForm>
  );
}
