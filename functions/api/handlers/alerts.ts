import { caseReference } from '../../../shared/alerts/alert-email.ts';
import { alertCounts, alertsToWorkOn } from '../../../shared/alerts/list-alerts.ts';
import { moveAlert } from '../../../shared/alerts/move-alert.ts';
import { actorOf, areasToList } from '../../../shared/auth/area-access.ts';
import type { Alert } from '../../../shared/data/alerts-repo.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { cursorScope, listResponse, positionPage } from '../../../shared/http/pagination.ts';
import { routes } from '../routes/alerts.ts';

/** An alert as the API shows it: with the case reference its email names. */
const view = (alert: Alert) => ({ ...alert, caseReference: caseReference(alert.referralId) });

/** `GET /alerts`: alerts of the caller's areas, open first, newest first within each status. */
export const listAlerts = apiHandler(routes.listAlerts, async (request, deps) => {
  const { principal, memberId } = actorOf(request);
  const { status } = request.query;
  const areas = areasToList(principal, request.query.areaId);
  const rows = await alertsToWorkOn(deps.table, principal, areas, status);
  const scope = cursorScope([principal.tenantId, memberId], 'listAlerts', status ?? '', areas.join(','));
  const page = await positionPage(deps, rows, request.query, scope);
  return { body: await listResponse(deps, { ...page, items: page.items.map(view) }, scope) };
});

/** `GET /alerts/counts`: open and acknowledged alerts in the caller's areas, for the navigation. */
export const getAlertCounts = apiHandler(routes.getAlertCounts, async (request, deps) => ({
  body: await alertCounts(deps.table, actorOf(request).principal),
}));

/** `POST /alerts/{alertId}/acknowledge`: someone is dealing with the alert. */
export const acknowledgeAlert = apiHandler(routes.acknowledgeAlert, async (request, deps) => ({
  body: view(
    await moveAlert(deps, actorOf(request), request.params.alertId, 'acknowledged', request.body.note),
  ),
}));

/** `POST /alerts/{alertId}/resolve`: the alert is dealt with; the note says how. */
export const resolveAlert = apiHandler(routes.resolveAlert, async (request, deps) => ({
  body: view(await moveAlert(deps, actorOf(request), request.params.alertId, 'resolved', request.body.note)),
}));
