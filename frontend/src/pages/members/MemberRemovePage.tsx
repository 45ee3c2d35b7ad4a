import { useNavigate, useParams } from 'react-router-dom';
import type { Member } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { ROLE_LABELS } from '../../auth/roles.ts';
import { useSession } from '../../auth/session-context.ts';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { WarningText } from '../../components/Text.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { MEMBER_FORM } from './member-form.ts';

const TITLE = 'Remove member';

/** `/members/:memberId/remove`: the chair confirms, then the member's access ends at once. */
export function MemberRemovePage() {
  const { memberId = '' } = useParams();
  const { api } = useSession();
  const loaded = useLoad(() => api.getMember(memberId), [api, memberId]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {(member) => <ConfirmRemoval member={member} />}
    </LoadFrame>
  );
}

function ConfirmRemoval({ member }: { member: Member }) {
  const { api } = useSession();
  const navigate = useNavigate();
  const form = useForm({});

  const onSubmit = form.handleSubmit(async () => {
    try {
      await api.removeMember(member.id);
    } catch (error) {
      return submitErrors(error, MEMBER_FORM);
    }
    navigate('/members', { state: { flash: `${member.name} has been removed` } satisfies FlashState });
    return undefined;
  });

  return (
    <QuestionPage
      title={TITLE}
      caption={TITLE}
      heading={`Are you sure you want to remove ${member.name}?`}
      form={form}
    >
      <p className="govuk-body">
        {member.name} ({member.email}) is a {ROLE_LABELS[member.role].toLowerCase()} in your partnership.
      </p>
      <WarningText>They will lose access to Continuity at once. You can invite them again later.</WarningText>
      <QuestionForm
        onSubmit={onSubmit}
        submitText="Remove member"
        busy={form.busy}
        warning
        cancelTo="/members"
      />
    </QuestionPage>
  );
}
