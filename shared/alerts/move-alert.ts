import type { Clock } from '../adapters/ports.ts';
import { type MemberActor, requireAreaOf } from '../auth/area-access.ts';
import { type Alert, type AlertMove, alertMoveWrite, getAlert } from '../data/alerts-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { derivedRefresh, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { putItem, transactWrite } from '../data/table-io.ts';
import { timelineItem } from '../data/timeline.ts';
import { alertsNoLongerHolding } from '../domain/alert-rules.ts';
import { Conflict, VersionConflict } from '../errors.ts';
import { resolvedAs, SERVICE_ACTOR, withdrawalWrites } from './withdraw-alerts.ts';

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
  const others = current.alerts.filter((candidate) => candidate.id !== alert.id);
  // An escalation of this alert no longer holds once it is acknowledged or resolved.
  const cleared = alertsNoLongerHolding(
    current.referral,
    current.appointments,
    settings,
    [moved, ...others],
    now,
  ).filter((candidate) => candidate.id !== alert.id);
  const resolution = { by: SERVICE_ACTOR, note: `the alert it escalated was ${to}` };
  const alerts = [
    moved,
    ...others.map((candidate) =>
      cleared.includes(candidate) ? { ...candidate, ...resolvedAs(resolution, now) } : candidate,
    ),
  ];
  await transactWrite(
    deps.table,
    [
      alertMoveWrite(tenantId, alert, move, now),
      putItem(event),
      derivedRefresh(tenantId, current, settings, alerts, now),
      ...withdrawalWrites(tenantId, cleared, resolution, now),
    ],
    (failed) => (failed.includes(0) || failed.includes(2) ? new VersionConflict() : undefined),
  );
  return { ...moved, version: alert.version + 1, updatedAt: at };
}
