import { alertIdOf, parseAlertId } from '../domain/alert-id.ts';
import { type DueCheck, slotOf } from '../domain/alert-rules.ts';
import type { AlertRule } from '../domain/values.ts';
import { NotFound } from '../errors.ts';
import { keys } from './keys.ts';
import { type Page, queryAll, queryPage } from './query-page.ts';
import { getRecord, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import { changeItem, itemExists, type TransactItem } from './table-io.ts';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/**
 * An alert: raised once per referral and slot (its rule, or its rule and what it is about), then
 * acknowledged and resolved by staff, or resolved by the service when its condition stops holding.
 */
export interface Alert {
  id: string;
  rule: AlertRule;
  /** Absent on alerts raised before slots existed: their slot is their rule. */
  slot?: string;
  /** The first appointment a `first_appointment_missed` alert is about. */
  appointmentId?: string;
  /** The alert an `alert_unacknowledged` alert escalates. */
  escalates?: { alertId: string; rule: AlertRule };
  /** When its escalation clock starts, if not at `raisedAt` (alerts raised before escalation existed). */
  escalateFrom?: string;
  referralId: string;
  /** Absent on alerts raised before it was kept: the alerts list then reads it from the referral. */
  personId?: string;
  areaId: string;
  status: AlertStatus;
  dueAt: string;
  raisedAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: { memberId: string; name: string };
  resolvedAt?: string;
  resolvedBy?: { memberId: string; name: string };
  note?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The item of a newly raised alert, in its area's list and in the outbox until published. */
export function newAlertItem(
  tenantId: string,
  referral: { id: string; areaId: string; personId: string },
  check: Pick<DueCheck, 'rule' | 'slot' | 'dueAt' | 'appointmentId' | 'escalates'>,
  now: Date,
): Record<string, unknown> {
  const id = alertIdOf(referral.id, check.slot);
  const raisedAt = now.toISOString();
  return {
    ...keys.alert(tenantId, referral.id, check.slot),
    ...keys.alertsOfArea(tenantId, referral.areaId, raisedAt, id),
    ...keys.alertOutbox(tenantId, referral.id, check.slot, raisedAt),
    type: 'alert',
    tenantId,
    id,
    rule: check.rule,
    slot: check.slot,
    ...(check.appointmentId ? { appointmentId: check.appointmentId } : {}),
    ...(check.escalates
      ? { escalates: { alertId: alertIdOf(referral.id, check.escalates.slot), rule: check.escalates.rule } }
      : {}),
    referralId: referral.id,
    personId: referral.personId,
    areaId: referral.areaId,
    status: 'open',
    dueAt: check.dueAt,
    raisedAt,
    version: 1,
    createdAt: raisedAt,
    updatedAt: raisedAt,
  };
}

/** Reads an alert by id; NotFound when it is not the tenant's. */
export async function getAlert(table: Table, tenantId: string, alertId: string): Promise<Alert> {
  const parsed = parseAlertId(alertId);
  if (!parsed) throw new NotFound('alert');
  return getRecord<Alert>(table, keys.alert(tenantId, parsed.referralId, parsed.slot), 'alert');
}

/** Every alert of an area (an area raises a few a day; resolved ones are kept for the record). */
export async function alertsOfArea(table: Table, tenantId: string, areaId: string): Promise<Alert[]> {
  const items = await queryAll(table, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.alertsPartition(tenantId, areaId) },
  });
  return items.map((item) => toRecord<Alert>(item));
}

/** Removes a published alert from the outbox. */
export async function clearOutbox(
  table: Table,
  tenantId: string,
  alert: Pick<Alert, 'referralId' | 'rule' | 'slot'>,
): Promise<void> {
  await changeItem(
    table,
    keys.alert(tenantId, alert.referralId, slotOf(alert)),
    { remove: ['duePK', 'dueSK'] },
    itemExists,
  );
}

/** The fields an alert's move (acknowledged or resolved) sets. */
export type AlertMove = Pick<Alert, 'status'> &
  Partial<Pick<Alert, 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolvedBy' | 'note'>>;

/** The write of an alert's move, conditional on the version it was read at. */
export const alertMoveWrite = (
  tenantId: string,
  alert: Alert,
  move: AlertMove | Record<string, unknown>,
  now: Date,
): TransactItem => ({
  Update: versionedUpdate(keys.alert(tenantId, alert.referralId, slotOf(alert)), alert.version, move, now),
});

/** The fields that put an alert in another area's list (its case moved there). */
export const alertAreaMove = (tenantId: string, alert: Alert, areaId: string): Record<string, unknown> => ({
  areaId,
  ...keys.alertsOfArea(tenantId, areaId, alert.raisedAt, alert.id),
});

/**
 * A page of the due-check index up to `now` in one shard: the cases whose next check is due and
 * the raised alerts not yet published, across tenants (read by the sweep only).
 */
export const dueEntries = (
  table: Table,
  partition: string,
  now: string,
  startKey: Record<string, unknown> | undefined,
): Promise<Page<Record<string, unknown>>> =>
  queryPage(
    table,
    {
      IndexName: 'DueIndex',
      KeyConditionExpression: 'duePK = :pk AND dueSK <= :now',
      ExpressionAttributeValues: { ':pk': partition, ':now': keys.dueUpTo(now) },
    },
    { limit: 200, startKey },
  );
