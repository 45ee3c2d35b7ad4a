import { ALERT_EVENT_SOURCE, ALERT_RAISED, type AlertRaisedDetail } from '../../events/alert-events.ts';
import { logger } from '../adapters/logger.ts';
import type { Clock, EventPublisher } from '../adapters/ports.ts';
import { type Alert, clearOutbox, newAlertItem } from '../data/alerts-repo.ts';
import { failedConditions } from '../data/dynamo-errors.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import { toRecord } from '../data/records.ts';
import { derivedRefresh, loadCase } from '../data/referrals-repo.ts';
import type { Table } from '../data/table.ts';
import { putItem, putNew, transactWrite } from '../data/table-io.ts';
import { timelineItem } from '../data/timeline.ts';
import { ALERT_CATALOGUE } from '../domain/alert-catalogue.ts';
import { alertsNoLongerHolding, dueChecks, raisedSlots } from '../domain/alert-rules.ts';
import { NotFound } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import { resolvedAs, SERVICE_ACTOR, withdrawalWrites } from './withdraw-alerts.ts';

/** How the sweep resolves an alert whose condition cleared with time. */
const CLEARED = { by: SERVICE_ACTOR, note: 'its condition no longer holds' };

export interface AlertDeps {
  table: Table;
  clock: Clock;
  publisher: EventPublisher;
}

/** Timeline events written by the service itself name it as the actor. */
const RAISER = { memberId: 'service', name: 'Continuity (automatic alert)' };

/** Settings of each tenant, read once per sweep. */
export type SettingsCache = Map<string, Promise<PartnershipSettings>>;

const settingsOf = (deps: AlertDeps, tenantId: string, cache: SettingsCache) => {
  let settings = cache.get(tenantId);
  if (!settings) {
    settings = getPartnership(deps.table, tenantId).then((partnership) => partnership.settings);
    cache.set(tenantId, settings);
  }
  return settings;
};

/** The bus event of a raised alert: ids only. */
export function alertRaisedEvent(
  tenantId: string,
  alert: Pick<Alert, 'id' | 'referralId' | 'areaId' | 'rule' | 'dueAt' | 'raisedAt'>,
) {
  const detail: AlertRaisedDetail = {
    tenantId,
    alertId: alert.id,
    referralId: alert.referralId,
    areaId: alert.areaId,
    rule: alert.rule,
    dueAt: alert.dueAt,
    raisedAt: alert.raisedAt,
  };
  return { source: ALERT_EVENT_SOURCE, detailType: ALERT_RAISED, detail };
}

/**
 * Publishes a raised alert and takes it out of the outbox. If publishing fails the alert stays
 * in the outbox and the next sweep publishes it: a lost event only delays an email.
 */
export async function publishAlert(deps: AlertDeps, tenantId: string, alert: Alert): Promise<boolean> {
  try {
    await deps.publisher.publish([alertRaisedEvent(tenantId, alert)]);
  } catch (error) {
    logger.warn('alert not published; the next sweep retries', {
      tenantId,
      alertId: alert.id,
      error: String(error),
    });
    return false;
  }
  await clearOutbox(deps.table, tenantId, alert);
  return true;
}

/**
 * Re-reads a case and raises every rule now due that has not been raised, each with a
 * conditional write (once per referral and rule), moves the case's due check on, and publishes
 * what it raised. A concurrent change or a concurrent raise makes this a no-op: the next run
 * sees the new state.
 */
export async function raiseDueAlerts(
  deps: AlertDeps,
  tenantId: string,
  referralId: string,
  cache: SettingsCache = new Map(),
): Promise<Alert[]> {
  let current: Awaited<ReturnType<typeof loadCase>>;
  try {
    current = await loadCase(deps.table, tenantId, referralId);
  } catch (error) {
    if (error instanceof NotFound) return [];
    throw error;
  }
  const settings = await settingsOf(deps, tenantId, cache);
  const now = deps.clock();
  // Alerts whose condition no longer holds are resolved first (an escalation of an alert that
  // cleared), so nothing is raised on their account.
  const cleared = alertsNoLongerHolding(
    current.referral,
    current.appointments,
    settings,
    current.alerts,
    now,
  );
  const settled = current.alerts.map((alert) =>
    cleared.includes(alert) ? { ...alert, ...resolvedAs(CLEARED, now) } : alert,
  );
  const raised = raisedSlots(settled, current.appointments);
  const due = dueChecks(current.referral, current.appointments, settings, raised, settled, now).filter(
    (check) => check.dueAt <= now.toISOString(),
  );
  // An alert the service withdrew (its condition had cleared) is raised anew over its old item,
  // its version carried on so no one's If-Match on the old alert can apply to the new one.
  const replaced = new Map(current.alerts.map((alert) => [alert.id, alert]));
  const items = due.map((check) => {
    const item = newAlertItem(tenantId, current.referral, check, now);
    const before = replaced.get(String(item.id));
    return before ? { ...item, version: before.version + 1 } : item;
  });
  const raisedNow = items.map((item) => toRecord<Alert>(item));
  const afterwards = [
    ...settled.filter((alert) => !items.some((item) => item.id === alert.id)),
    ...raisedNow,
  ];
  try {
    await transactWrite(deps.table, [
      derivedRefresh(tenantId, current, settings, afterwards, now),
      ...withdrawalWrites(tenantId, cleared, CLEARED, now),
      ...items.map((item) => {
        const before = replaced.get(String(item.id));
        return before
          ? putItem(item, {
              ConditionExpression: '#version = :seen',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':seen': before.version },
            })
          : putNew(item);
      }),
      ...due.map((check) =>
        putItem(
          timelineItem(
            tenantId,
            referralId,
            'alert_raised',
            ALERT_CATALOGUE[check.rule].timeline,
            RAISER,
            now,
            { rule: check.rule, dueAt: check.dueAt },
          ),
        ),
      ),
    ]);
  } catch (error) {
    // Someone changed the case, or another sweep raised the same alert, since it was read.
    if (failedConditions(error)?.length) return [];
    throw error;
  }
  const alerts = raisedNow;
  for (const alert of alerts) {
    logger.info('alert raised', { tenantId, alertId: alert.id, rule: alert.rule });
    await publishAlert(deps, tenantId, alert);
  }
  return alerts;
}
