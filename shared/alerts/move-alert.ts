import type { Clock } from '../adapters/ports.ts';
import { type MemberActor, requireAreaOf } from '../auth/area-access.ts';
import { type Alert, type AlertMove, alertMoveWrite, getAlert } from '../data/alerts-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { derivedRefresh, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { putItem, transactWrite } from '../data/table-io.ts';
import { timelineItem } from '../data/timeline.ts';
import { Conflict, VersionConflict } from '../errors.ts';

export interface MoveAlertDeps {
  table: Table;
  clock: Clock;
}

/**
 * Moves an alert on: acknowledged (someone is dealing with it) or resolved (dealt with, the note
 * says how), with its timeline event, in one transaction conditional on the version read.
 */
export async function moveAlert(
  deps: MoveAlertDeps,
  actor: MemberActor,
  alertId: string,
  to: 'acknowledged' | 'resolved',
  note: string | undefined,
): Promise<Alert> {
  const { tenantId } = actor.principal;
  const alert = await getAlert(deps.table, tenantId, alertId);
  requireAreaOf(actor.principal, alert.areaId, 'alert');
  const allowed = to === 'acknowledged' ? alert.status === 'open' : alert.status !== 'resolved';
  if (!allowed) throw new Conflict('invalid_transition', `This alert is already ${alert.status}.`);
  const now = deps.clock();
  const at = now.toISOString();
  const by = { memberId: actor.memberId, name: actor.name };
  const move: AlertMove = {
    ...(to === 'acknowledged'
      ? { status: to, acknowledgedAt: at, acknowledgedBy: by }
      : { status: to, resolvedAt: at, resolvedBy: by }),
    ...(note ? { note } : {}),
  };
  const event = timelineItem(
    tenantId,
    alert.referralId,
    'alert_updated',
    `Alert ${alert.rule.replaceAll('_', ' ')} ${to}${note ? `: ${note}` : ''}`,
    actor,
    now,
    { alertId: alert.id, status: to },
  );
  // The case's next action, open-alert count and escalation check follow its alerts: refreshed in
  // the same transaction, at the case's version as read (a concurrent change to the case makes
  // this a conflict the caller retries).
  const current = await loadCase(deps.table, tenantId, alert.referralId);
  const settings = (await getPartnership(deps.table, tenantId)).settings;
  const moved = { ...alert, ...move };
  const alerts = current.alerts.map((candidate) => (candidate.id === alert.id ? moved : candidate));
  await transactWrite(
    deps.table,
    [
      alertMoveWrite(tenantId, alert, move, now),
      putItem(event),
      derivedRefresh(tenantId, current, settings, alerts),
    ],
    (failed) => (failed.includes(0) || failed.includes(2) ? new VersionConflict() : undefined),
  );
  return { ...moved, version: alert.version + 1, updatedAt: at };
}
