import { dueChecks, nextDue } from '../domain/alert-rules.ts';
import { monthOf } from '../domain/dates.ts';
import { isPrisonPathway } from '../domain/referral-rules.ts';
import type { AlertRule } from '../domain/values.ts';
import { NotFound, VersionConflict } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Appointment, Referral } from '../schemas/referral.ts';
import { keys } from './keys.ts';
import { queryAll } from './query-page.ts';
import { newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';
import { itemExists, putItem, putNew, type TransactItem, transactWrite, updateItem } from './table-io.ts';

export type { Alert as AlertRecord } from './alerts-repo.ts';

import type { Alert as AlertRecord } from './alerts-repo.ts';

/** A referral with what hangs under it: its appointments and alerts. */
export interface CaseRecord {
  referral: Referral;
  appointments: Appointment[];
  alerts: AlertRecord[];
}

/** A caseload row: the referral with the next rule due, as last computed. */
export type StoredReferral = Referral & { nextDueAt?: string; nextDueRule?: AlertRule };

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
  await transactWrite(
    table,
    [
      putNew(item),
      updateItem(
        keys.person(tenantId, String(item.personId)),
        { append: { referralIds: [item.id] } },
        itemExists,
      ),
      ...extra,
    ],
    (failed) => (failed.includes(1) ? new NotFound('person') : undefined),
  );
  return toRecord<Referral>(item);
}

/** Reads a referral with its appointments and alerts in one query (timeline events excluded). */
export async function loadCase(table: Table, tenantId: string, referralId: string): Promise<CaseRecord> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': keys.referral(tenantId, referralId).PK,
      ':from': keys.referralFamily(referralId),
      ':to': keys.referralFamilyEnd(referralId),
    },
    ConsistentRead: true,
  });
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
  await transactWrite(table, [{ Update: update }, ...extra], (failed) =>
    failed.includes(0) ? new VersionConflict() : undefined,
  );
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
  tenantId: string,
  current: CaseRecord,
  settings: PartnershipSettings,
  raised: ReadonlySet<string>,
): TransactItem {
  const derived = derivedAttributes(tenantId, current.referral, current.appointments, settings, raised);
  return updateItem(
    keys.referral(tenantId, current.referral.id),
    { set: derived },
    {
      ConditionExpression: '#version = :seen',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':seen': current.referral.version },
    },
  );
}

/** The item of a newly booked appointment, put only if new. */
export function newAppointmentWrite(
  tenantId: string,
  referralId: string,
  fields: Pick<Appointment, 'id' | 'at' | 'location' | 'kind' | 'status'>,
  now: Date,
): { appointment: Appointment; write: TransactItem } {
  const { id, ...rest } = fields;
  const item = newItem(
    keys.appointment(tenantId, referralId, id),
    'appointment',
    { id, referralId, ...rest },
    now,
  );
  return { appointment: toRecord<Appointment>(item), write: putNew(item) };
}

/** The write of a changed appointment, conditional on the version it was read at. */
export const appointmentWrite = (tenantId: string, updated: Appointment, seenVersion: number): TransactItem =>
  putItem(
    { ...keys.appointment(tenantId, updated.referralId, updated.id), type: 'appointment', ...updated },
    { ConditionExpression: 'version = :seen', ExpressionAttributeValues: { ':seen': seenVersion } },
  );
