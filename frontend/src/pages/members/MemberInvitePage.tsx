import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { LoadFailed } from '../errors/LoadFailed.tsx';
import { MemberForm } from './MemberForm.tsx';
import { inviteBody, MEMBER_FORM, memberFormValues } from './member-form.ts';

const TITLE = 'Invite a member';

/** `/members/invite`: the chair invites someone with a role and areas. */
export function MemberInvitePage() {
  const { api } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const areas = useLoad(() => api.allAreas(), [api]);
  usePageTitle(TITLE);
  if (areas.state === 'error') return <LoadFailed error={areas.error} onRetry={areas.reload} />;
  if (areas.state === 'loading') {
    return (
      <>
        <PageHeading>{TITLE}</PageHeading>
        <Loading />
      </>
    );
  }
  return (
    <MemberForm
      title={TITLE}
      submitText="Send invitation"
      inviting
      initial={memberFormValues()}
      areas={areas.data}
      submit={async (values) => {
        const checked = inviteBody(values);
        if (checked.errors) return checked.errors;
        try {
          const member = await api.createMember(checked.body, idempotency.keyFor(checked.body));
          idempotency.settle();
          navigate('/members', {
            state: { flash: `Invitation sent to ${member.email}` } satisfies FlashState,
          });
          return undefined;
        } catch (error) {
          if (!(error instanceof ApiError && error.outcomeUnknown)) idempotency.settle();
          return submitErrors(error, MEMBER_FORM);
        }
      }}
    />
  );
}
