import { actorOf, areasToList } from '../../../shared/auth/area-access.ts';
import { caseloadPage } from '../../../shared/cases/caseload.ts';
import { failedToAttendCsv, failedToAttendList } from '../../../shared/cases/failed-to-attend.ts';
import { readCase, readTimeline } from '../../../shared/cases/read-cases.ts';
import { worklistCounts, worklistPage } from '../../../shared/cases/worklist.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/views.ts';

/** `GET /worklist`: the open cases of the caller's areas that need someone, most urgent first. */
export const getWorklist = apiHandler(routes.getWorklist, async (request, deps) => {
  const actor = actorOf(request);
  const assignee = request.query.assignee ?? 'all';
  const areas = areasToList(actor.principal, request.query.areaId);
  const scope = cursorScope(
    [actor.principal.tenantId, actor.memberId],
    'getWorklist',
    assignee,
    areas.join(','),
  );
  return {
    body: await listPage(deps, request.query, scope, (page) =>
      worklistPage(deps, actor, { areas, assignee }, page),
    ),
  };
});

/** `GET /worklist/counts`: the counts across the top of the worklist, over all of it. */
export const getWorklistCounts = apiHandler(routes.getWorklistCounts, async (request, deps) => {
  const actor = actorOf(request);
  const areas = areasToList(actor.principal, request.query.areaId);
  return { body: await worklistCounts(deps, actor, { areas, assignee: request.query.assignee ?? 'all' }) };
});

/**
 * `GET /referrals`: the caseload of the caller's areas, overdue first (one index page per area),
 * by expected release, or sorted by a column across the whole caseload.
 */
export const listReferrals = apiHandler(routes.listReferrals, async (request, deps) => {
  const actor = actorOf(request);
  const { areaId: _areaId, limit: _limit, cursor: _cursor, ...filter } = request.query;
  const areas = areasToList(actor.principal, request.query.areaId);
  const scope = cursorScope(
    [actor.principal.tenantId, actor.memberId],
    'listReferrals',
    JSON.stringify(request.query, [
      'areaId',
      'status',
      'pathway',
      'due',
      'assignee',
      'releasingWithinDays',
      'programme',
      'sort',
      'order',
    ]),
  );
  return {
    body: await listPage(deps, request.query, scope, (page) =>
      caseloadPage(deps, actor, { areas, ...filter }, page),
    ),
  };
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
  return {
    body: await listPage(deps, request.query, scope, (page) => readTimeline(deps, actor, referralId, page)),
  };
});

/** `GET /failed-to-attend`: the manager's list of cases closed as failed to attend, for the police. */
export const listFailedToAttend = apiHandler(routes.listFailedToAttend, async (request, deps) => ({
  body: { items: await failedToAttendList(deps, actorOf(request), request.query) },
}));

/** `GET /failed-to-attend.csv`: the same list as CSV. */
export const listFailedToAttendCsv = apiHandler(routes.listFailedToAttendCsv, async (request, deps) => ({
  text: {
    contentType: 'text/csv; charset=utf-8',
    content: failedToAttendCsv(await failedToAttendList(deps, actorOf(request), request.query)),
    filename: 'failed-to-attend.csv',
  },
}));
