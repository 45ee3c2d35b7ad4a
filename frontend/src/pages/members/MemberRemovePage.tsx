import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Member } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { ROLE_LABELS } from '../../auth/roles.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { WarningText } from '../../components/Text.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failures, setFailures] = useState(0);
  const [busy, setBusy] = useState(false);
  usePageTitle(TITLE, errors.length > 0);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await api.removeMember(member.id);
      navigate('/members', { state: { flash: `${member.name} has been removed` } satisfies FlashState });
    } catch (error) {
      setErrors(submitErrors(error, MEMBER_FORM));
      setFailures((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={failures} />
        <PageHeading caption={TITLE}>Are you sure you want to remove {member.name}?</PageHeading>
        <p className="govuk-body">
          {member.name} ({member.email}) is a {ROLE_LABELS[member.role].toLowerCase()} in your partnership.
        </p>
        <WarningText>
          They will lose access to Continuity at once. You can invite them again later.
        </WarningText>
        <form noValidate onSubmit={onSubmit}>
          <ButtonGroup>
            <SubmitButton warning busy={busy}>
              Remove member
            </SubmitButton>
            <Link className="govuk-link" to="/members">
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      </div>
    </div>
  );
}
