import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../data/ids.ts';
import { keys } from '../data/keys.ts';
import { type PageRequest, queryPage } from '../data/query-page.ts';
import { toRecord } from '../data/records.ts';
import type { Table } from '../data/table.ts';

export interface OperatorAuditRecord {
  id: string;
  at: string;
  action: 'export' | 'offboard' | 'purge';
  partnershipId: string;
  by: { userId: string; email?: string };
  items: number;
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
  await table.db.send(
    new PutCommand({
      TableName: table.name,
      Item: { ...keys.operatorAudit(at, id), type: 'operatorAudit', id, at, ...entry },
    }),
  );
}

/** The operator audit, oldest first. */
export async function listOperatorAudit(table: Table, page: PageRequest) {
  const result = await queryPage(
    table,
    { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'OPSAUDIT' } },
    page,
  );
  return { items: result.items.map((item) => toRecord<OperatorAuditRecord>(item)), lastKey: result.lastKey };
}
