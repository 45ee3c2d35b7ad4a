import { Link, useParams } from 'react-router-dom';
import type { CaseRecord } from '../../../api/types.ts';
import { useLoad } from '../../../api/use-load.ts';
import { useSession } from '../../../auth/session-context.ts';
import { programmeName } from '../../../cases/labels.ts';
import { caseCaption } from '../../../cases/names.ts';
import { Checkboxes } from '../../../components/Checkboxes.tsx';
import { QuestionPage } from '../../../components/QuestionPage.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { apiFormSpec } from '../../../forms/api-form.ts';
import { useForm } from '../../../forms/use-form.ts';
import { LoadFrame } from '../../LoadFrame.tsx';
import { CaseActionForm, casePath } from '../CaseActionPage.tsx';
import { useReferralUpdate } from './use-referral-update.ts';

const TITLE = 'Change programmes';
const PROGRAMMES_FORM = apiFormSpec([{ path: 'programmes', label: 'Programmes' }]);

/** `/referrals/:referralId/change/programmes`: the partnership's programmes this case is on. */
export function ChangeProgrammesPage() {
  const { referralId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(
    () => Promise.all([api.getCase(referralId), api.getPartnership()]),
    [api, referralId],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([record, partnership]) => (
        <ProgrammesForm record={record} offered={partnership.settings.programmes} />
      )}
    </LoadFrame>
  );
}

function ProgrammesForm({ record, offered }: { record: CaseRecord; offered: readonly string[] }) {
  // A programme the case is on stays offered even if the partnership has stopped running it.
  const choices = [...new Set([...offered, ...record.programmes])];
  const form = useForm({ programmes: [...record.programmes] });
  const update = useReferralUpdate(record, PROGRAMMES_FORM);
  const onSubmit = form.handleSubmit(async () =>
    update({ programmes: form.values.programmes }, 'Programmes saved'),
  );
  if (choices.length === 0) {
    return (
      <QuestionPage title={TITLE} caption={caseCaption(record)} form={form}>
        <p className="govuk-body">
          Your partnership does not run any programmes yet. The partnership&rsquo;s chair chooses them in the
          partnership settings.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={casePath(record.id)}>
            Back to the case
          </Link>
        </p>
      </QuestionPage>
    );
  }
  return (
    <CaseActionForm record={record} title={TITLE} submitText="Save" form={form} onSubmit={onSubmit}>
      <Checkboxes
        {...form.bind('programmes')}
        legend="Which programmes is this case on?"
        hint="Select all that apply, or none"
        items={choices.map((value) => ({ value, label: programmeName(value) }))}
      />
    </CaseActionForm>
  );
}
