import { alertCounts, alertsPage, listedAlert } from '../../../shared/alerts/list-alerts.ts';
import { moveAlert } from '../../../shared/alerts/move-alert.ts';
import { actorOf, areasToList } from '../../../shared/auth/area-access.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/alerts.ts';

/** `GET /alerts`: alerts of the caller's areas, open first, newest first within each status. */
export const listAlerts = apiHandler(routes.listAlerts, async (request, deps) => {
  const actor = actorOf(request);
  const { principal, memberId } = actor;
  const { status } = request.query;
  const areas = areasToList(principal, request.query.areaId);
  const scope = cursorScope([principal.tenantId, memberId], 'listAlerts', status ?? '', areas.join(','));
  return {
    body: await listPage(deps, request.query, scope, (page) => alertsPage(deps, actor, areas, status, page)),
  };
});

/** `GET /alerts/counts`: open and acknowledged alerts in the caller's areas, for the navigation. */
export const getAlertCounts = apiHandler(routes.getAlertCounts, async (request, deps) => ({
  body: await alertCounts(deps.table, actorOf(request).principal),
}));

/** `POST /alerts/{alertId}/acknowledge`: someone is dealing with the alert. */
export const acknowledgeAlert = apiHandler(routes.acknowledgeAlert, async (request, deps) => ({
  body: listedAlert(
    await moveAlert(deps, actorOf(request), request.params.alertId, 'acknowledged', request.body.note),
  ),
}));

/** `POST /alerts/{alertId}/resolve`: the alert is dealt with; the note says how. */
export const resolveAlert = apiHandler(routes.resolveAlert, async (request, deps) => ({
  body: listedAlert(
    await moveAlert(deps, actorOf(request), request.params.alertId, 'resolved', request.body.note),
  ),
}));
