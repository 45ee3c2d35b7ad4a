import type { ImportMatch } from '../imports/match-rows.ts';
import type { ImportError, ReleaseRow } from '../imports/release-csv.ts';
import { putAll } from './batch-write.ts';
import { isConditionFailed } from './dynamo-errors.ts';
import { keys } from './keys.ts';
import { prefixQuery, queryAll } from './query-page.ts';
import { getRecord } from './records.ts';
import type { Table } from './table.ts';
import { changeItem, putNewOne } from './table-io.ts';

/**
 * `checked`: looked at, nothing written, waiting for its uploader to apply it (an upload with
 * `?confirm=false`); `queued` then `running` while the import worker applies it.
 */
export type ImportStatus = 'checked' | 'queued' | 'running' | 'completed' | 'failed';

/** A release list import, as `GET /imports/{importId}` shows it. */
export interface ReleaseImport {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  created: number;
  /** Rows matched to a person already in Continuity: found by the check, then counted again as applied. */
  matched: number;
  /** Rows the check found would add a new person (absent on imports older than the check). */
  new?: number;
  /** The first matched rows and whom they match (see `MAX_MATCHES_KEPT`). */
  matches?: ImportMatch[];
  errors: ImportError[];
  errorCount: number;
  failure?: string;
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
  record: Omit<ReleaseImport, 'processed' | 'created' | 'updatedAt'>,
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

/** A change of an import's progress: its status, counts to add, and row errors to append. */
export interface ImportProgress {
  status?: ImportStatus;
  processed?: number;
  created?: number;
  matched?: number;
  failure?: string;
  /** Row errors found while applying, appended to those kept (the caller keeps them bounded). */
  errors?: readonly ImportError[];
  errorCount?: number;
  /** Forgets the errors kept so far (a retried run finds them again). */
  clearErrors?: boolean;
}

/** Records progress: the status, how many rows were processed, created and matched, and row errors. */
export async function recordProgress(
  table: Table,
  tenantId: string,
  importId: string,
  change: ImportProgress,
  now: Date,
): Promise<void> {
  const { status, failure, processed, created, matched, errors, errorCount, clearErrors } = change;
  await changeItem(table, keys.importRecord(tenantId, importId), {
    set: {
      updatedAt: now.toISOString(),
      status: status || undefined,
      failure: failure || undefined,
      errors: clearErrors ? [] : undefined,
    },
    add: { processed, created, matched, errorCount },
    ...(errors?.length && !clearErrors ? { append: { errors } } : {}),
  });
}

/**
 * Moves a checked import without errors to `queued`, in one conditional write so that two
 * applies cannot both queue it; answers false when it was not (or no longer) checked and clean.
 */
export async function queueChecked(
  table: Table,
  tenantId: string,
  importId: string,
  now: Date,
): Promise<boolean> {
  try {
    await changeItem(
      table,
      keys.importRecord(tenantId, importId),
      { set: { status: 'queued', updatedAt: now.toISOString() } },
      {
        ConditionExpression: '#status = :checked AND #errorCount = :none',
        ExpressionAttributeNames: { '#status': 'status', '#errorCount': 'errorCount' },
        ExpressionAttributeValues: { ':checked': 'checked', ':none': 0 },
      },
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Puts a queued import back to `checked` (its event could not be sent), if nothing has started it. */
export async function unqueue(table: Table, tenantId: string, importId: string, now: Date): Promise<void> {
  try {
    await changeItem(
      table,
      keys.importRecord(tenantId, importId),
      { set: { status: 'checked', updatedAt: now.toISOString() } },
      {
        ConditionExpression: '#status = :queued',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':queued': 'queued' },
      },
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}
