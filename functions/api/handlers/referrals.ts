import { actorOf, areasToList } from '../../../shared/auth/area-access.ts';
import { referPerson } from '../../../shared/cases/create-referral.ts';
import { caseloadOf, caseloadRows, readCase, readTimeline } from '../../../shared/cases/read-cases.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listResponse, pageRequest, positionPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/cases.ts';

/** `POST /people/{personId}/referrals`: put a person on a pathway (201). */
export const createReferral = apiHandler(routes.createReferral, async (request, deps) => ({
  body: await referPerson(deps, actorOf(request), request.params.personId, request.body),
}));

/**
 * `GET /referrals`: the caseload of the caller's areas, overdue first, paged by position (an area's
 * caseload is read whole, filtered and ordered).
 */
export const listReferrals = apiHandler(routes.listReferrals, async (request, deps) => {
  const actor = actorOf(request);
  const { status, pathway, due } = request.query;
  const areas = areasToList(actor.principal, request.query.areaId);
  const rows = await caseloadOf(deps, actor, { areas, status, pathway, due });
  const scope = cursorScope(
    [actor.principal.tenantId, actor.memberId],
    'listReferrals',
    JSON.stringify(request.query, ['areaId', 'status', 'pathway', 'due']),
  );
  const page = await positionPage(deps, rows, request.query, scope);
  const items = await caseloadRows(deps, actor, page.items);
  return { body: await listResponse(deps, { ...page, items }, scope) };
});

/** `GET /referrals/{referralId}`: the case with its person summary, appointments and alerts. */
export const getReferral = apiHandler(routes.getReferral, async (request, deps) => ({
  body: await readCase(deps, actorOf(request), request.params.referralId),
}));

/** `GET /referrals/{referralId}/timeline`: every event of the case with who and when. */
export const getTimeline = apiHandler(routes.getTimeline, async (request, deps) => {
  const actor = actorOf(request);
  const { referralId } = request.params;
  const scope = cursorScope([actor.principal.tenantId], 'getTimeline', referralId);
  const page = await readTimeline(deps, actor, referralId, () => pageRequest(deps, request.query, scope));
  return { body: await listResponse(deps, page, scope) };
});
