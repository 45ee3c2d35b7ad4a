import { useParams } from 'react-router-dom';
import type { Assignee, CaseRecord } from '../../../api/types.ts';
import { useLoad } from '../../../api/use-load.ts';
import { ROLE_LABELS } from '../../../auth/roles.ts';
import { useSession } from '../../../auth/session-context.ts';
import { Radios } from '../../../components/Radios.tsx';
import { usePageTitle } from '../../../components/use-page-title.ts';
import { apiFormSpec } from '../../../forms/api-form.ts';
import { useForm } from '../../../forms/use-form.ts';
import { LoadFrame } from '../../LoadFrame.tsx';
import { CaseActionForm } from '../CaseActionPage.tsx';
import { useReferralUpdate } from './use-referral-update.ts';

const TITLE = 'Change who the case is assigned to';
const ASSIGNEE_FORM = apiFormSpec([{ path: 'assignedTo', label: 'Assigned to' }]);
/** The radio that unassigns the case (sent as `null`). */
const NOBODY = 'nobody';

/** `/referrals/:referralId/change/assignee`: any caseworker or manager of the case's area, or nobody. */
export function ChangeAssigneePage() {
  const { referralId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(
    () => Promise.all([api.getCase(referralId), api.assignees(referralId)]),
    [api, referralId],
  );
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([record, assignees]) => <AssigneeForm record={record} assignees={assignees.items} />}
    </LoadFrame>
  );
}

function AssigneeForm({ record, assignees }: { record: CaseRecord; assignees: readonly Assignee[] }) {
  const { me } = useSession();
  const form = useForm({ assignedTo: record.assignedTo ?? NOBODY });
  const update = useReferralUpdate(record, ASSIGNEE_FORM);
  const onSubmit = form.handleSubmit(async () => {
    const chosen = form.values.assignedTo;
    if (chosen === (record.assignedTo ?? NOBODY)) {
      return [{ field: 'assignedTo', message: 'Select someone else, or cancel to keep the case as it is' }];
    }
    const name = assignees.find((assignee) => assignee.id === chosen)?.name;
    return chosen === NOBODY
      ? update({ assignedTo: null }, 'Case unassigned')
      : update({ assignedTo: chosen }, `Case assigned to ${name ?? 'them'}`);
  });
  return (
    <CaseActionForm record={record} title={TITLE} submitText="Save" form={form} onSubmit={onSubmit}>
      <Radios
        {...form.bind('assignedTo')}
        legend="Who should hold this case?"
        hint="Caseworkers and managers who cover the case’s area"
        items={[
          ...assignees.map((assignee) => ({
            value: assignee.id,
            label: assignee.id === me?.memberId ? `${assignee.name} (you)` : assignee.name,
            hint: ROLE_LABELS[assignee.role as keyof typeof ROLE_LABELS] ?? assignee.role,
          })),
          { value: NOBODY, label: 'Nobody (unassigned)' },
        ]}
      />
    </CaseActionForm>
  );
}
