import { useNavigate } from 'react-router-dom';
import type { Endpoints } from '../../api/endpoints.ts';
import type { CaseRecord } from '../../api/types.ts';
import { useSession } from '../../auth/session-context.ts';
import type { FlashState } from '../../components/use-flash.ts';
import { readableSubmitErrors } from '../../forms/api-form.ts';
import type { FieldError, FormSpec } from '../../forms/field-errors.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { casePath } from './CaseActionPage.tsx';

/** The referral's version and a key for this body: a stale page gets 409, a retry writes once. */
export interface CaseWrite {
  version: number;
  idempotencyKey: string;
}

/**
 * Sends one case action with the case's version (`If-Match`) and an `Idempotency-Key`, then
 * returns to the case page with a success banner; answers the errors to show if it failed.
 */
export function useCaseWrite(record: CaseRecord, spec: FormSpec) {
  const { api } = useSession();
  const navigate = useNavigate();
  // Keyed to the case: the same answer on another case is another request.
  const idempotency = useIdempotencyKey(record.id);
  return async <B>(
    body: B,
    send: (api: Endpoints, write: CaseWrite) => Promise<unknown>,
    flash: string,
  ): Promise<FieldError[] | undefined> => {
    try {
      await idempotency.send(body, (idempotencyKey) =>
        send(api, { version: record.version, idempotencyKey }),
      );
      navigate(casePath(record.id), { state: { flash } satisfies FlashState });
      return undefined;
    } catch (error) {
      return readableSubmitErrors(error, spec);
    }
  };
}
