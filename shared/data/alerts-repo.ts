import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertRule } from '../domain/values.ts';
import { NotFound } from '../errors.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-page.ts';
import { toRecord } from './records.ts';
import type { Table } from './table.ts';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** An alert: raised once per referral and rule, then acknowledged and resolved by staff. */
export interface Alert {
  id: string;
  rule: AlertRule;
  referralId: string;
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

/** An alert's id: its referral and rule, so the alert of a rule has one id forever. */
export const alertIdOf = (referralId: string, rule: string): string => `${referralId}-${rule}`;

/** The referral and rule named by an alert id, or undefined for a malformed one. */
export function parseAlertId(alertId: string): { referralId: string; rule: string } | undefined {
  const at = alertId.indexOf('-');
  if (at <= 0) return undefined;
  return { referralId: alertId.slice(0, at), rule: alertId.slice(at + 1) };
}

/** The item of a newly raised alert, in its area's list and in the outbox until published. */
export function newAlertItem(
  tenantId: string,
  referral: { id: string; areaId: string },
  rule: AlertRule,
  dueAt: string,
  now: Date,
): Record<string, unknown> {
  const id = alertIdOf(referral.id, rule);
  const raisedAt = now.toISOString();
  return {
    ...keys.alert(tenantId, referral.id, rule),
    ...keys.alertsOfArea(tenantId, referral.areaId, raisedAt, id),
    ...keys.alertOutbox(tenantId, referral.id, rule, raisedAt),
    type: 'alert',
    tenantId,
    id,
    rule,
    referralId: referral.id,
    areaId: referral.areaId,
    status: 'open',
    dueAt,
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
  const result = await table.db.send(
    new GetCommand({
      TableName: table.name,
      Key: keys.alert(tenantId, parsed.referralId, parsed.rule),
      ConsistentRead: true,
    }),
  );
  if (!result.Item) throw new NotFound('alert');
  return toRecord<Alert>(result.Item);
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
  alert: { referralId: string; rule: string },
): Promise<void> {
  await table.db.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.alert(tenantId, alert.referralId, alert.rule),
      UpdateExpression: 'REMOVE duePK, dueSK',
      ConditionExpression: 'attribute_exists(PK)',
    }),
  );
}
