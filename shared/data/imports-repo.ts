import type { ImportError, ReleaseRow } from '../imports/release-csv.ts';
import { putAll } from './batch-write.ts';
import { keys } from './keys.ts';
import { prefixQuery, queryAll } from './query-page.ts';
import { getRecord } from './records.ts';
import type { Table } from './table.ts';
import { changeItem, putNewOne } from './table-io.ts';

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
  await putNewOne(table, {
    ...keys.importRecord(tenantId, record.id),
    type: 'import',
    ...record,
    processed: 0,
    created: 0,
    matched: 0,
    updatedAt: record.createdAt,
  });
}

/** Reads an import of the tenant; NotFound otherwise. */
export const getImport = (table: Table, tenantId: string, importId: string): Promise<ReleaseImport> =>
  getRecord<ReleaseImport>(table, keys.importRecord(tenantId, importId), 'import');

/** The checked rows of an import, in file order. */
export async function importRows(table: Table, tenantId: string, importId: string): Promise<ReleaseRow[]> {
  const items = await queryAll(table, {
    ...prefixQuery(keys.importRecord(tenantId, importId).PK, keys.importChunkPrefix(importId)),
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
  const { status, failure, processed, created, matched } = change;
  await changeItem(table, keys.importRecord(tenantId, importId), {
    set: { updatedAt: now.toISOString(), status: status || undefined, failure: failure || undefined },
    add: { processed, created, matched },
  });
}
