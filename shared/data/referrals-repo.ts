import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dueChecks, nextDue } from '../domain/alert-rules.ts';
import { monthOf } from '../domain/dates.ts';
import { isPrisonPathway } from '../domain/referral-rules.ts';
import { NotFound, VersionConflict } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Appointment, Referral } from '../schemas/referral.ts';
import { failedConditions } from './dynamo-errors.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-page.ts';
import { newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export type { Alert as AlertRecord } from './alerts-repo.ts';

import type { Alert as AlertRecord } from './alerts-repo.ts';

/** A referral with what hangs under it: its appointments and alerts. */
export interface CaseRecord {
  referral: Referral;
  appointments: Appointment[];
  alerts: AlertRecord[];
}

/** A caseload row: the referral with the next rule due, as last computed. */
export type StoredReferral = Referral & { nextDueAt?: string; nextDueRule?: string };

/**
 * Attributes derived from a referral's state: where the caseload and the report cohorts find it
 * (prison pathways by release month, the others by referral month), and its next due alert check. Recomputed on every write so they never drift.
 */
export function derivedAttributes(
  tenantId: string,
  referral: Referral,
  appointments: readonly Appointment[],
  settings: PartnershipSettings,
  raised: ReadonlySet<string>,
): Record<string, unknown> {
  const keyDate = referral.releasedOn ?? referral.expectedReleaseOn ?? referral.referredOn;
  const open = referral.status !== 'closed';
  const due = nextDue(dueChecks(referral, appointments, settings, raised));
  return {
    ...keys.caseload(tenantId, referral.areaId, open, keyDate, referral.id),
    ...(isPrisonPathway(referral.pathway)
      ? referral.releasedOn
        ? keys.releaseCohort(tenantId, monthOf(referral.releasedOn), referral.areaId, referral.id)
        : {}
      : keys.referralCohort(tenantId, monthOf(referral.referredOn), referral.areaId, referral.id)),
    nextDueAt: due?.dueAt ?? null,
    nextDueRule: due?.rule ?? null,
    ...(due ? keys.dueCheck(tenantId, referral.id, due.dueAt) : { duePK: null, dueSK: null }),
  };
}

/** The item of a new referral, with its derived attributes. */
export function newReferralItem(
  tenantId: string,
  fields: Omit<Referral, 'version' | 'createdAt' | 'updatedAt'>,
  settings: PartnershipSettings,
  now: Date,
): Record<string, unknown> {
  const base = newItem(keys.referral(tenantId, fields.id), 'referral', { ...fields }, now) as Referral &
    Record<string, unknown>;
  const derived = derivedAttributes(tenantId, base, [], settings, new Set());
  return Object.fromEntries(Object.entries({ ...base, ...derived }).filter(([, value]) => value !== null));
}

/** Adds a referral to a person (and the person's list of referrals), with its first events. */
export async function createReferral(
  table: Table,
  tenantId: string,
  item: Record<string, unknown>,
  extra: TransactItem[],
): Promise<Referral> {
  const personKey = keys.person(tenantId, String(item.personId));
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Update: {
              TableName: table.name,
              Key: personKey,
              UpdateExpression: 'SET referralIds = list_append(if_not_exists(referralIds, :none), :id)',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: { ':none': [], ':id': [item.id] },
            },
          },
          ...extra,
        ],
      }),
    );
  } catch (error) {
    if (failedConditions(error)?.includes(1)) throw new NotFound('person');
    throw error;
  }
  return toRecord<Referral>(item);
}

/** Reads a referral with its appointments and alerts in one query (timeline events excluded). */
export async function loadCase(table: Table, tenantId: string, referralId: string): Promise<CaseRecord> {
  const family = keys.referralFamily(referralId);
  const result = await table.db.send(
    new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.referral(tenantId, referralId).PK,
        ':from': family,
        ':to': `${family}#APPT#\uffff`,
      },
      ConsistentRead: true,
    }),
  );
  const items = result.Items ?? [];
  const referralItem = items.find((item) => item.type === 'referral');
  if (!referralItem) throw new NotFound('referral');
  return {
    referral: toRecord<Referral>(referralItem),
    appointments: items
      .filter((item) => item.type === 'appointment')
      .map((item) => toRecord<Appointment>(item))
      .sort((a, b) => a.at.localeCompare(b.at)),
    alerts: items.filter((item) => item.type === 'alert').map((item) => toRecord<AlertRecord>(item)),
  };
}

/**
 * Writes a change to a case in one transaction: the referral at the version it was read (its
 * derived attributes recomputed from the new state) and every item that goes with the change
 * (timeline event, audit record, appointment).
 */
export async function commitCaseChange(
  table: Table,
  tenantId: string,
  before: CaseRecord,
  changes: Partial<Referral>,
  appointmentsAfter: readonly Appointment[],
  settings: PartnershipSettings,
  extra: TransactItem[],
  now: Date,
): Promise<Referral> {
  const after = { ...before.referral, ...changes };
  const raised = new Set(before.alerts.map((alert) => alert.rule));
  const derived = derivedAttributes(tenantId, after, appointmentsAfter, settings, raised);
  const update = versionedUpdate(
    keys.referral(tenantId, after.id),
    before.referral.version,
    { ...changes, ...derived },
    now,
  );
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [{ Update: { TableName: table.name, ...update } }, ...extra],
      }),
    );
  } catch (error) {
    if (failedConditions(error)?.includes(0)) throw new VersionConflict();
    throw error;
  }
  const current = Object.fromEntries(
    Object.entries({ ...after, ...derived }).filter(([, value]) => value !== null),
  );
  return toRecord<Referral>({
    ...current,
    version: before.referral.version + 1,
    updatedAt: now.toISOString(),
  });
}

/** The open (or closed) cases of one area, from the caseload index. */
export async function caseloadOfArea(
  table: Table,
  tenantId: string,
  areaId: string,
  open: boolean,
): Promise<StoredReferral[]> {
  const items = await queryAll(table, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.caseloadPartition(tenantId, areaId, open) },
  });
  return items.map((item) => toRecord<StoredReferral>({ ...item }));
}

/**
 * The update that refreshes only a referral's derived attributes (after alerts are raised, or
 * settings change), conditional on the version read. It leaves the version alone: it records
 * no one's change, so it must not make a member's If-Match stale.
 */
export function derivedRefresh(
  table: Table,
  tenantId: string,
  current: CaseRecord,
  settings: PartnershipSettings,
  raised: ReadonlySet<string>,
): TransactItem {
  const derived = derivedAttributes(tenantId, current.referral, current.appointments, settings, raised);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':seen': current.referral.version };
  const sets: string[] = [];
  const removes: string[] = [];
  Object.entries(derived).forEach(([field, value], index) => {
    names[`#d${index}`] = field;
    if (value === null) removes.push(`#d${index}`);
    else {
      values[`:d${index}`] = value;
      sets.push(`#d${index} = :d${index}`);
    }
  });
  return {
    Update: {
      TableName: table.name,
      Key: keys.referral(tenantId, current.referral.id),
      UpdateExpression:
        `${sets.length ? `SET ${sets.join(', ')}` : ''}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`.trim(),
      ConditionExpression: '#version = :seen',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
