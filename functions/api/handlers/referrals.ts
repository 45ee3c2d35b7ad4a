import { actorOf } from '../../../shared/auth/area-access.ts';
import { referPerson } from '../../../shared/cases/create-referral.ts';
import { readCase, readTimeline } from '../../../shared/cases/read-cases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/cases.ts';

/** `POST /people/{personId}/referrals`: put a person on a pathway (201). */
export const createReferral = apiHandler(routes.createReferral, async (request, deps) => ({
  body: await referPerson(deps, actorOf(request), request.params.personId, request.body),
}));

/** `GET /referrals/{referralId}`: the case with its person summary, appointments and alerts. */
export const getReferral = apiHandler(routes.getReferral, async (request, deps) => ({
  body: await readCase(deps, actorOf(request), request.params.referralId),
}));

/** `GET /referrals/{referralId}/timeline`: every event of the case with who and when. */
export const getTimeline = apiHandler(routes.getTimeline, async (request, deps) => {
  const actor = actorOf(request);
  const { referralId } = request.params;
  const scope = cursorScope([actor.principal.tenantId], 'getTimeline', referralId);
  return {
    body: await listPage(deps, request.query, scope, (page) => readTimeline(deps, actor, referralId, page)),
  };
});
