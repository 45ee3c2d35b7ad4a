import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { caseReference } from '../../../shared/alerts/alert-email.ts';
import { actorOf, areasToList, requireAreaOf } from '../../../shared/auth/area-access.ts';
import { type Alert, alertsOfArea, getAlert } from '../../../shared/data/alerts-repo.ts';
import { failedConditions } from '../../../shared/data/dynamo-errors.ts';
import { keys } from '../../../shared/data/keys.ts';
import { timelineItem } from '../../../shared/data/timeline.ts';
import { Conflict, VersionConflict } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { listResponse, pageRequest } from '../../../shared/http/pagination.ts';
import type { AcknowledgeBody, AlertsQuery, ResolveBody } from '../../../shared/schemas/alert.ts';
import { route } from '../routes.ts';

type AlertParams = { alertId: string };
const STATUS_ORDER = { open: 0, acknowledged: 1, resolved: 2 } as const;
const view = (alert: Alert) => ({ ...alert, caseReference: caseReference(alert.referralId) });

/** `GET /alerts`: alerts of the caller's areas, open first, newest first within each status. */
export const listAlerts = apiHandler<unknown, z.output<typeof AlertsQuery>>(
  route('listAlerts'),
  async (request, deps) => {
    const actor = actorOf(request);
    const { tenantId } = actor.principal;
    const { status, limit, cursor } = request.query;
    const areas = areasToList(actor.principal, request.query.areaId);
    const all = (await Promise.all(areas.map((areaId) => alertsOfArea(deps.table, tenantId, areaId)))).flat();
    const rows = all
      .filter((alert) => !status || alert.status === status)
      .sort(
        (a, b) =>
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
          b.raisedAt.localeCompare(a.raisedAt) ||
          a.id.localeCompare(b.id),
      );
    const scope = `${tenantId}|${actor.memberId}|listAlerts|${status ?? ''}|${areas.join(',')}`;
    const start = Number((await pageRequest(deps, { limit, cursor }, scope)).startKey?.offset ?? 0);
    const page = rows.slice(start, start + limit).map(view);
    return {
      body: await listResponse(
        deps,
        { items: page, lastKey: start + limit < rows.length ? { offset: start + limit } : undefined },
        scope,
      ),
    };
  },
);

/** `GET /alerts/counts`: open and acknowledged alerts in the caller's areas, for the navigation. */
export const getAlertCounts = apiHandler(route('getAlertCounts'), async (request, deps) => {
  const actor = actorOf(request);
  const all = (
    await Promise.all(
      actor.principal.areaIds.map((areaId) => alertsOfArea(deps.table, actor.principal.tenantId, areaId)),
    )
  ).flat();
  return {
    body: {
      open: all.filter((alert) => alert.status === 'open').length,
      acknowledged: all.filter((alert) => alert.status === 'acknowledged').length,
    },
  };
});

/** Moves an alert on (acknowledged or resolved) with its timeline event, conditional on the version read. */
async function moveAlert(
  request: Parameters<Parameters<typeof apiHandler>[1]>[0],
  deps: Parameters<Parameters<typeof apiHandler>[1]>[1],
  to: 'acknowledged' | 'resolved',
  note: string | undefined,
) {
  const actor = actorOf(request);
  const { tenantId } = actor.principal;
  const alert = await getAlert(deps.table, tenantId, (request.params as AlertParams).alertId);
  requireAreaOf(actor.principal, alert.areaId, 'alert');
  const allowed = to === 'acknowledged' ? alert.status === 'open' : alert.status !== 'resolved';
  if (!allowed) throw new Conflict('invalid_transition', `This alert is already ${alert.status}.`);
  const now = deps.clock();
  const at = now.toISOString();
  const by = { memberId: actor.memberId, name: actor.name };
  const fields: Record<string, unknown> =
    to === 'acknowledged'
      ? { status: to, acknowledgedAt: at, acknowledgedBy: by }
      : { status: to, resolvedAt: at, resolvedBy: by };
  if (note) fields.note = note;
  const names = Object.fromEntries(Object.keys(fields).map((field, index) => [`#f${index}`, field]));
  const values = Object.fromEntries(Object.values(fields).map((value, index) => [`:v${index}`, value]));
  try {
    await deps.table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: deps.table.name,
              Key: keys.alert(tenantId, alert.referralId, alert.rule),
              UpdateExpression: `SET ${Object.keys(names)
                .map((name, index) => `${name} = :v${index}`)
                .join(', ')}, #version = #version + :one, #updatedAt = :now`,
              ConditionExpression: '#version = :seen',
              ExpressionAttributeNames: { ...names, '#version': 'version', '#updatedAt': 'updatedAt' },
              ExpressionAttributeValues: { ...values, ':one': 1, ':now': at, ':seen': alert.version },
            },
          },
          {
            Put: {
              TableName: deps.table.name,
              Item: timelineItem(
                tenantId,
                alert.referralId,
                'alert_updated',
                `Alert ${alert.rule.replaceAll('_', ' ')} ${to}${note ? `: ${note}` : ''}`,
                actor,
                now,
                {
                  alertId: alert.id,
                  status: to,
                },
              ),
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (failedConditions(error)?.includes(0)) throw new VersionConflict();
    throw error;
  }
  return {
    body: view({ ...alert, ...(fields as Partial<Alert>), version: alert.version + 1, updatedAt: at }),
  };
}

/** `POST /alerts/{alertId}/acknowledge`: someone is dealing with the alert. */
export const acknowledgeAlert = apiHandler<AlertParams, unknown, z.output<typeof AcknowledgeBody>>(
  route('acknowledgeAlert'),
  (request, deps) => moveAlert(request, deps, 'acknowledged', request.body.note),
);

/** `POST /alerts/{alertId}/resolve`: the alert is dealt with; the note says how. */
export const resolveAlert = apiHandler<AlertParams, unknown, z.output<typeof ResolveBody>>(
  route('resolveAlert'),
  (request, deps) => moveAlert(request, deps, 'resolved', request.body.note),
);
