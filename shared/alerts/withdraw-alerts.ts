import { type Alert, alertMoveWrite } from '../data/alerts-repo.ts';
import { putItem, type TransactItem } from '../data/table-io.ts';
import { timelineItem } from '../data/timeline.ts';
import type { Actor } from '../domain/actor.ts';
import { ALERT_CATALOGUE } from '../domain/alert-catalogue.ts';
import { SERVICE_MEMBER_ID } from '../domain/alert-rules.ts';

/** The service, as the actor of what it does by itself: resolving alerts whose condition cleared. */
export const SERVICE_ACTOR = { memberId: SERVICE_MEMBER_ID, name: 'Continuity' };

/** Who resolves alerts whose condition cleared, and the note they get. */
export interface Resolution {
  by: Pick<Actor, 'memberId' | 'name'>;
  note: string;
}

/** The fields that resolve an alert as `resolution` says. */
export const resolvedAs = (resolution: Resolution, now: Date) => ({
  status: 'resolved' as const,
  resolvedAt: now.toISOString(),
  resolvedBy: { memberId: resolution.by.memberId, name: resolution.by.name },
  note: resolution.note,
});

/**
 * The writes that resolve alerts whose condition no longer holds, each with its timeline event;
 * `extra` adds fields to an alert's own write (its move to another area), so each alert has one.
 */
export function withdrawalWrites(
  tenantId: string,
  alerts: readonly Alert[],
  resolution: Resolution,
  now: Date,
  extra: (alert: Alert) => Record<string, unknown> = () => ({}),
): TransactItem[] {
  return alerts.flatMap((alert) => [
    alertMoveWrite(tenantId, alert, { ...resolvedAs(resolution, now), ...extra(alert) }, now),
    putItem(
      timelineItem(
        tenantId,
        alert.referralId,
        'alert_updated',
        `Alert "${ALERT_CATALOGUE[alert.rule].name}" resolved: ${resolution.note}`,
        resolution.by,
        now,
        { alertId: alert.id, status: 'resolved' },
      ),
    ),
  ]);
}
