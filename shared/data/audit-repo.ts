import type { Actor } from '../domain/actor.ts';
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

/** Who read or changed a person's records, oldest first. */
export const listAudit = (table: Table, tenantId: string, personId: string, page: PageRequest) =>
  recordsPage<AuditRecord>(
    table,
    prefixQuery(keys.person(tenantId, personId).PK, keys.auditPrefix(personId)),
    page,
  );
