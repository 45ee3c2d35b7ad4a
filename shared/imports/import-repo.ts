import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putAll } from '../data/batch-write.ts';
import { keys } from '../data/keys.ts';
import { queryAll } from '../data/query-page.ts';
import { toRecord } from '../data/records.ts';
import type { Table } from '../data/table.ts';
import { NotFound } from '../errors.ts';
import type { ImportError, ReleaseRow } from './release-csv.ts';

export type ImportStatus = 'queued' | 'running' | 'completed' | 'failed';

/** A release list import, as `GET /imports/{importId}` shows it. */
export interface ReleaseImport {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  created: number;
  matched: number;
  errors: ImportError[];
  errorCount: number;
  createdAt: string;
  updatedAt: string;
  createdBy: { memberId: string; name: string; role: string };
}

/** Rows kept per chunk item: small enough for DynamoDB's item size with room to spare. */
const ROWS_PER_CHUNK = 250;

/** Records a new import; a clean one also stores its checked rows, in chunks, for the worker. */
export async function createImport(
  table: Table,
  tenantId: string,
  record: Omit<ReleaseImport, 'processed' | 'created' | 'matched' | 'updatedAt'>,
  rows: readonly ReleaseRow[],
): Promise<void> {
  const chunks: Record<string, unknown>[] = [];
  for (let start = 0, chunk = 0; start < rows.length; start += ROWS_PER_CHUNK, chunk++) {
    chunks.push({
      ...keys.importChunk(tenantId, record.id, chunk),
      type: 'importChunk',
      rows: rows.slice(start, start + ROWS_PER_CHUNK),
    });
  }
  await putAll(table, chunks);
  await table.db.send(
    new PutCommand({
      TableName: table.name,
      Item: {
        ...keys.importRecord(tenantId, record.id),
        type: 'import',
        ...record,
        processed: 0,
        created: 0,
        matched: 0,
        updatedAt: record.createdAt,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** Reads an import of the tenant; NotFound otherwise. */
export async function getImport(table: Table, tenantId: string, importId: string): Promise<ReleaseImport> {
  const result = await table.db.send(
    new GetCommand({
      TableName: table.name,
      Key: keys.importRecord(tenantId, importId),
      ConsistentRead: true,
    }),
  );
  if (!result.Item) throw new NotFound('import');
  return toRecord<ReleaseImport>(result.Item);
}

/** The checked rows of an import, in file order. */
export async function importRows(table: Table, tenantId: string, importId: string): Promise<ReleaseRow[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.importRecord(tenantId, importId).PK,
      ':prefix': keys.importChunkPrefix(importId),
    },
    ConsistentRead: true,
  });
  return items.flatMap((item) => item.rows as ReleaseRow[]);
}

/** Records progress: the status, and how many rows were processed, created and matched. */
export async function recordProgress(
  table: Table,
  tenantId: string,
  importId: string,
  change: { status?: ImportStatus; processed?: number; created?: number; matched?: number; failure?: string },
  now: Date,
): Promise<void> {
  // Attribute names go through placeholders: some (status, processed) are DynamoDB reserved words.
  const names: Record<string, string> = { '#updatedAt': 'updatedAt' };
  const sets = ['#updatedAt = :now'];
  const values: Record<string, unknown> = { ':now': now.toISOString() };
  if (change.status) {
    names['#status'] = 'status';
    sets.push('#status = :status');
    values[':status'] = change.status;
  }
  if (change.failure) {
    names['#failure'] = 'failure';
    sets.push('#failure = :failure');
    values[':failure'] = change.failure;
  }
  const adds = (['processed', 'created', 'matched'] as const)
    .filter((field) => change[field] !== undefined)
    .map((field) => {
      values[`:${field}`] = change[field];
      names[`#${field}`] = field;
      return `#${field} :${field}`;
    });
  await table.db.send(
    new UpdateCommand({
      TableName: table.name,
      Key: keys.importRecord(tenantId, importId),
      UpdateExpression: `SET ${sets.join(', ')}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}
