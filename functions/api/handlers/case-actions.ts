import type { Deps } from '../../../shared/adapters/deps.ts';
import { actorOf, type MemberActor } from '../../../shared/auth/area-access.ts';
import * as cases from '../../../shared/cases/case-actions.ts';
import type { IfMatch } from '../../../shared/cases/change-case.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import type { ApiRequest } from '../../../shared/http/api-types.ts';
import { optionalIfMatch } from '../../../shared/http/if-match.ts';
import { routes } from '../routes/cases.ts';

type CaseAction<B, T> = (
  deps: Deps,
  actor: MemberActor,
  referralId: string,
  body: B,
  ifMatch: IfMatch,
) => Promise<T>;

/**
 * The handler of a case action: the case named by the path, the body, and the referral version an
 * optional `If-Match` names (these actions are not conditional, but honour one when sent).
 */
const caseAction =
  <B, T>(action: CaseAction<B, T>) =>
  async (request: ApiRequest<{ referralId: string }, unknown, B>, deps: Deps) => ({
    body: await action(deps, actorOf(request), request.params.referralId, request.body, () =>
      optionalIfMatch(request.event.headers?.['if-match']),
    ),
  });

/** `POST /referrals/{referralId}/release`: the person left prison; the alert clock starts. */
export const recordRelease = apiHandler(routes.recordRelease, caseAction(cases.recordRelease));

/** `POST /referrals/{referralId}/appointments`: book an appointment (201). */
export const createAppointment = apiHandler(routes.createAppointment, caseAction(cases.bookAppointment));

/** `PATCH /referrals/{referralId}/appointments/{appointmentId}`: attended, missed, cancelled or moved. */
export const updateAppointment = apiHandler(routes.updateAppointment, async (request, deps) => ({
  body: await cases.changeAppointment(deps, actorOf(request), request.params, request.body, request.ifMatch),
}));

/** `POST /referrals/{referralId}/engagement`: the treatment start that counts for the measure. */
export const recordEngagement = apiHandler(routes.recordEngagement, caseAction(cases.recordEngagement));

/** `POST /referrals/{referralId}/close`: end the case with its reason. */
export const closeReferral = apiHandler(routes.closeReferral, caseAction(cases.closeCase));

/** `POST /referrals/{referralId}/offences`: a further offence (DIVERT's six-month measure; 201). */
export const recordOffence = apiHandler(routes.recordOffence, caseAction(cases.recordOffence));
