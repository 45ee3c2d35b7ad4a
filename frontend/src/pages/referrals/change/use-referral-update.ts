import { useNavigate } from 'react-router-dom';
import type { CaseRecord, UpdateReferralInput } from '../../../api/types.ts';
import { useSession } from '../../../auth/session-context.ts';
import type { FlashState } from '../../../components/use-flash.ts';
import { readableSubmitErrors } from '../../../forms/api-form.ts';
import type { FieldError, FormSpec } from '../../../forms/field-errors.ts';
import { casePath } from '../CaseActionPage.tsx';

/** What to say when the case was closed while the form was open. */
const CLOSED_MESSAGE = 'This case has been closed, so its details can no longer be changed.';

/**
 * Sends one correction of a case (`PATCH /referrals/{id}`) with the case's version as
 * `If-Match`, so a page left open while someone else changed the case gets 409 and says so; then
 * returns to the case page with a success banner. Answers the errors to show if it failed.
 */
export function useReferralUpdate(record: CaseRecord, spec: FormSpec) {
  const { api } = useSession();
  const navigate = useNavigate();
  return async (body: UpdateReferralInput, flash: string): Promise<FieldError[] | undefined> => {
    try {
      await api.updateReferral(record.id, body, record.version);
      navigate(casePath(record.id), { state: { flash } satisfies FlashState });
      return undefined;
    } catch (error) {
      const errors = readableSubmitErrors(error, spec);
      return errors.map((entry) =>
        (error as { code?: string }).code === 'referral_closed' ? { message: CLOSED_MESSAGE } : entry,
      );
    }
  };
}
