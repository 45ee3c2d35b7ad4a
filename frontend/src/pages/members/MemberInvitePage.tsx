import { useNavigate } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { MemberForm } from './MemberForm.tsx';
import { inviteBody, MEMBER_FORM, memberFormValues } from './member-form.ts';

const TITLE = 'Invite a member';

/** `/members/invite`: the chair invites someone with a role and areas. */
export function MemberInvitePage() {
  const { api } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const loaded = useLoad(() => api.allAreas(), [api]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {(areas) => (
        <MemberForm
          title={TITLE}
          submitText="Send invitation"
          inviting
          initial={memberFormValues()}
          areas={areas}
          submit={async (values) => {
            const checked = inviteBody(values);
            if (checked.errors) return checked.errors;
            try {
              const member = await idempotency.send(checked.body, (key) =>
                api.createMember(checked.body, key),
              );
              navigate('/members', {
                state: { flash: `Invitation sent to ${member.email}` } satisfies FlashState,
              });
              return undefined;
            } catch (error) {
              return submitErrors(error, MEMBER_FORM);
            }
          }}
        />
      )}
    </LoadFrame>
  );
}
