import { useNavigate, useParams } from 'react-router-dom';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { MemberForm } from './MemberForm.tsx';
import { changeBody, MEMBER_FORM, memberFormValues } from './member-form.ts';

const TITLE = 'Change member';

/** `/members/:memberId/edit`: the chair changes a member's name, role and areas. */
export function MemberEditPage() {
  const { memberId = '' } = useParams();
  const { api } = useSession();
  const navigate = useNavigate();
  const loaded = useLoad(() => Promise.all([api.getMember(memberId), api.allAreas()]), [api, memberId]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {([member, areas]) => (
        <MemberForm
          title={TITLE}
          caption={member.email}
          submitText="Save changes"
          inviting={false}
          initial={memberFormValues(member)}
          areas={areas}
          submit={async (values) => {
            const checked = changeBody(values);
            if (checked.errors) return checked.errors;
            try {
              const saved = await api.updateMember(member.id, checked.body, member.version);
              navigate('/members', {
                state: { flash: `Changes to ${saved.name} saved` } satisfies FlashState,
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
