import { type AlertState, dueChecks, nextActionOf, raisedSlots } from '../domain/alert-rules.ts';
import { caseReference } from '../domain/case-reference.ts';
import { caseloadOrderKey } from '../domain/caseload.ts';
import { addDays, londonDate, londonDayStart, monthOf } from '../domain/dates.ts';
import { REQUIRED_ASSESSMENT_KINDS } from '../domain/pathways.ts';
import { isPrisonPathway } from '../domain/referral-rules.ts';
import type { AlertRule } from '../domain/values.ts';
import { type RiskFlag, recordedRisks, workEntry } from '../domain/worklist.ts';
import { NotFound, VersionConflict } from '../errors.ts';
import type { PartnershipSettings } from '../schemas/partnership.ts';
import type { Appointment, Referral } from '../schemas/referral.ts';
import { keys } from './keys.ts';
import type { StoredPersonSummary } from './person-summary.ts';
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

/** A caseload row: the referral with its next action and risks, as last computed. */
export type StoredReferral = Referral & {
  /** The referral's copy of its person, on list reads (shared/data/person-summary.ts). */
  personSummary?: StoredPersonSummary;
  nextDueAt?: string;
  nextDueRule?: AlertRule;
  riskFlags?: RiskFlag[];
  urgentAt?: string;
  listedFrom?: string;
  windowDays?: number;
  windowClosesOn?: string;
};

/**
 * A stored referral as the API shows it: the fields a referral stored before they existed have
 * their defaults (no programmes, no contacts), and its case reference.
 */
export function toReferral<T extends Referral = Referral>(item: Record<string, unknown>): T {
  const record = toRecord<T>(item);
  return {
    ...record,
    reference: caseReference(record.id),
    programmes: record.programmes ?? [],
    openAlerts: record.openAlerts ?? 0,
    contactCounts: record.contactCounts ?? { preRelease: 0, postRelease: 0 },
  };
}

/**
 * Attributes derived from a referral's state: where the caseload, the worklist and the report
 * cohorts find it (prison pathways by release month, the others by referral month; unreleased
 * prison cases by expected release), its next action and risks, and its next due alert check
 * (DueIndex). Recomputed on every write so they never drift. `alerts` are the case's alerts as
 * they will be after the write.
 */
export function derivedAttributes(
  tenantId: string,
  referral: Referral,
  appointments: readonly Appointment[],
  settings: PartnershipSettings,
  alerts: readonly AlertState[],
  now: Date,
): Record<string, unknown> {
  const keyDate =
    referral.status === 'closed'
      ? (referral.closedOn ?? referral.referredOn)
      : (referral.releasedOn ?? referral.expectedReleaseOn ?? referral.referredOn);
  const open = referral.status !== 'closed';
  const pending = dueChecks(referral, appointments, settings, raisedSlots(alerts, appointments), alerts, now);
  // A court review's notice lapses when its review day is over: the sweep comes back then to
  // withdraw it, though nothing else about the case is due.
  const lapses = alerts
    .filter((alert) => alert.status !== 'resolved' && alert.rule === 'court_review_due' && alert.slot)
    .map((alert) => ({ dueAt: londonDayStart(addDays(String(alert.slot).split('.')[1] as string, 1)) }));
  const due = [...pending.slice(0, 1), ...lapses].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  const next = open ? nextActionOf(pending, alerts) : undefined;
  const risks = open ? recordedRisks(referral, appointments) : [];
  const entry = workEntry(referral, next, risks);
  const prison = isPrisonPathway(referral.pathway);
  const cohort = prison
    ? referral.releasedOn
      ? keys.releaseCohort(tenantId, monthOf(referral.releasedOn), referral.areaId, referral.id)
      : open && referral.expectedReleaseOn
        ? keys.releasing(tenantId, referral.areaId, referral.expectedReleaseOn, referral.id)
        : { GSI2PK: null, GSI2SK: null }
    : keys.referralCohort(tenantId, monthOf(referral.referredOn), referral.areaId, referral.id);
  return {
    ...keys.caseload(tenantId, referral.areaId, open, caseloadOrderKey(next?.dueAt, keyDate), referral.id),
    ...cohort,
    nextDueAt: next?.dueAt ?? null,
    nextDueRule: next?.rule ?? null,
    // The window as the partnership set it when the case last changed: the day counter reads it.
    windowDays: settings.engagementWindowDays,
    windowClosesOn: referral.releasedOn ? addDays(referral.releasedOn, settings.engagementWindowDays) : null,
    openAlerts: alerts.filter((alert) => alert.status === 'open').length,
    // Drug testing on arrest's measure: a required assessment attended (the reports read it).
    assessedOn:
      appointments
        .filter((a) => a.status === 'attended' && REQUIRED_ASSESSMENT_KINDS.includes(a.kind))
        .map((a) => londonDate(new Date(a.at)))
        .sort()[0] ?? null,
    riskFlags: risks,
    ...(entry
      ? { ...keys.work(tenantId, referral.areaId, entry.urgentAt, referral.id), ...entry }
      : { workPK: null, workSK: null, listedFrom: null, urgentAt: null }),
    ...(due ? keys.dueCheck(tenantId, referral.id, due.dueAt) : { duePK: null, dueSK: null }),
  };
}

/** The fields a new referral is created with; the rest are derived or start empty. */
export type NewReferralFields = Omit<
  Referral,
  'version' | 'createdAt' | 'updatedAt' | 'reference' | 'openAlerts' | 'contactCounts' | 'programmes'
> &
  Partial<Pick<Referral, 'programmes'>>;

/** The item of a new referral, with its derived attributes. */
export function newReferralItem(
  tenantId: string,
  fields: NewReferralFields,
  settings: PartnershipSettings,
  now: Date,
): Record<string, unknown> {
  const base = newItem(
    keys.referral(tenantId, fields.id),
    'referral',
    { programmes: [], contactCounts: { preRelease: 0, postRelease: 0 }, ...fields },
    now,
  ) as Referral & Record<string, unknown>;
  const derived = derivedAttributes(tenantId, base, [], settings, [], now);
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
  return toReferral(item);
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
    referral: toReferral(referralItem),
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
  alertsAfter: readonly AlertState[],
  settings: PartnershipSettings,
  extra: TransactItem[],
  now: Date,
): Promise<Referral> {
  const after = { ...before.referral, ...changes };
  const derived = derivedAttributes(tenantId, after, appointmentsAfter, settings, alertsAfter, now);
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
  return toReferral({
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
  return items.map((item) => toReferral<StoredReferral>({ ...item }));
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
  alerts: readonly AlertState[],
  now: Date,
): TransactItem {
  const derived = derivedAttributes(tenantId, current.referral, current.appointments, settings, alerts, now);
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

/** A referral as a list reads it from an index: with its copy of its person. */
export const listedReferral = (item: Record<string, unknown>): StoredReferral => ({
  ...toReferral<StoredReferral>(item),
  ...(item.personSummary ? { personSummary: item.personSummary as StoredPersonSummary } : {}),
});
