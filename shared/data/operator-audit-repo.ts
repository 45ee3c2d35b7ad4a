import { newId } from './ids.ts';
import { keys } from './keys.ts';
import { type PageRequest, partitionQuery, recordsPage } from './query-page.ts';
import type { Table } from './table.ts';
import { putOne } from './table-io.ts';

export interface OperatorAuditRecord {
  id: string;
  at: string;
  action: 'export' | 'offboard' | 'purge';
  partnershipId: string;
  by: { userId: string; email?: string };
  items: number;
  /** An export page's: the age recipient it was encrypted to. */
  recipient?: string;
  sourceIp: string;
  requestId: string;
}

/** Records an operator's (or the purge job's) action on a partnership's data as a whole. */
export async function recordOperatorAction(
  table: Table,
  entry: Omit<OperatorAuditRecord, 'id' | 'at'>,
  now: Date,
): Promise<void> {
  const id = newId(now);
  const at = now.toISOString();
  await putOne(table, { ...keys.operatorAudit(at, id), type: 'operatorAudit', id, at, ...entry });
}

/** The operator audit, oldest first. */
export const listOperatorAudit = (table: Table, page: PageRequest) =>
  recordsPage<OperatorAuditRecord>(table, partitionQuery(keys.operatorAuditPartition), page);
