import type { Actor } from '../domain/actor.ts';
import { londonDate } from '../domain/dates.ts';
import { putAll } from './batch-write.ts';
import { newId } from './ids.ts';
import { keys } from './keys.ts';
import { type PageRequest, prefixQuery, recordsPage } from './query-page.ts';
import type { Table } from './table.ts';

export type AuditAction = 'create' | 'read' | 'update' | 'search' | 'list';
export type AuditedRecord =
  | 'person'
  | 'referral'
  | 'timeline'
  | 'appointment'
  | 'alert'
  | 'contact'
  | 'releasePlan';

export interface AuditEntry {
  personId: string;
  action: AuditAction;
  record: AuditedRecord;
  recordId: string;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: string;
  by: { memberId: string; name: string; role: string };
  sourceIp: string;
  requestId: string;
}

/** The stored audit record of one read or change of a person's records. */
export function auditItem(
  tenantId: string,
  entry: AuditEntry,
  actor: Actor,
  now: Date,
): Record<string, unknown> {
  const id = newId(now);
  const at = now.toISOString();
  return {
    ...keys.audit(tenantId, entry.personId, at, id),
    type: 'audit',
    id,
    at,
    ...entry,
    by: { memberId: actor.memberId, name: actor.name, role: actor.role },
    sourceIp: actor.sourceIp,
    requestId: actor.requestId,
  };
}

/** Writes audit records of reads (changes write theirs inside their own transaction). */
export async function recordReads(
  table: Table,
  tenantId: string,
  entries: readonly AuditEntry[],
  actor: Actor,
  now: Date,
): Promise<void> {
  // A page of a list is two or more batches: sent together, so the audit adds one round trip.
  await putAll(
    table,
    entries.map((entry) => auditItem(tenantId, entry, actor, now)),
    4,
  );
}

/**
 * List reads already recorded by this process today (tenant, member, person, record, day): a
 * list opened again the same day records nothing new. Bounded, and forgotten each day.
 */
const listedToday = new Set<string>();
let listedDay = '';
const LISTED_KEPT = 50_000;

/**
 * Writes the audit records of people shown in a list (the caseload, the worklist, the alerts):
 * one record per member, person, listed record and day (in England's calendar, as staff count
 * days), its `at` the last listing that day. A record has a fixed key for its day, so the same
 * listing again overwrites it rather than adding one, and this process skips it altogether.
 * Reads of a person's own records (`recordReads`) are each recorded.
 */
export async function recordListReads(
  table: Table,
  tenantId: string,
  entries: readonly Omit<AuditEntry, 'action'>[],
  actor: Actor,
  now: Date,
): Promise<void> {
  const day = londonDate(now);
  if (day !== listedDay || listedToday.size > LISTED_KEPT) {
    listedToday.clear();
    listedDay = day;
  }
  const keyOf = (entry: Omit<AuditEntry, 'action'>) =>
    [table.name, tenantId, actor.memberId, entry.personId, entry.record, entry.recordId].join('|');
  const fresh = entries.filter((entry) => !listedToday.has(keyOf(entry)));
  const at = now.toISOString();
  await putAll(
    table,
    fresh.map((entry) => ({
      ...keys.audit(
        tenantId,
        entry.personId,
        `${day}T00:00:00.000Z`,
        `list-${actor.memberId}-${entry.record}-${entry.recordId}`,
      ),
      type: 'audit',
      id: `list-${day}-${actor.memberId}-${entry.recordId}`,
      at,
      ...entry,
      action: 'list',
      by: { memberId: actor.memberId, name: actor.name, role: actor.role },
      sourceIp: actor.sourceIp,
      requestId: actor.requestId,
    })),
    4,
  );
  // Only once written: a failed write is tried again by the next listing.
  for (const entry of fresh) listedToday.add(keyOf(entry));
}

/** Who read or changed a person's records, oldest first. */
export const listAudit = (table: Table, tenantId: string, personId: string, page: PageRequest) =>
  recordsPage<AuditRecord>(
    table,
    prefixQuery(keys.person(tenantId, personId).PK, keys.auditPrefix(personId)),
    page,
  );
