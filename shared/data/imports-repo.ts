import type { ImportMatch } from '../imports/match-rows.ts';
import type { ImportError, ReleaseRow } from '../imports/release-csv.ts';
import { putAll } from './batch-write.ts';
import { isConditionFailed } from './dynamo-errors.ts';
import { keys } from './keys.ts';
import { prefixQuery, queryAll } from './query-page.ts';
import { getRecord } from './records.ts';
import type { Table } from './table.ts';
import { TTL_ATTRIBUTE } from './table-def.ts';
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
  /** Open referrals whose expected release date the import changed (absent on older imports). */
  updated?: number;
  /** The first of those changes (see `MAX_UPDATES_KEPT`). */
  updates?: ImportUpdate[];
  errors: ImportError[];
  errorCount: number;
  failure?: string;
  createdAt: string;
  updatedAt: string;
  createdBy: { memberId: string; name: string; role: string };
  /** A checked import: applying it is refused after this time, and DynamoDB then deletes it. */
  checkedUntil?: string;
}

/** An expected release date an import changed on a referral awaiting release. */
export interface ImportUpdate {
  row: number;
  referralId: string;
  reference: string;
  from: string | null;
  to: string;
}

/** Changes of expected release dates kept on an import's record; `updated` counts them all. */
export const MAX_UPDATES_KEPT = 100;

/**
 * How long a checked import's rows (names, dates of birth, prison numbers) are kept waiting to be
 * applied, and how long any import's rows are kept for its worker: a list is checked and applied
 * the same day, and the rows are no use after that.
 */
export const IMPORT_ROWS_KEEP_DAYS = 14;

/** The time to live (epoch seconds) `days` after `iso`. */
const expiry = (iso: string, days: number) => Math.ceil(Date.parse(iso) / 1000) + days * 86_400;

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
      [TTL_ATTRIBUTE]: expiry(record.createdAt, IMPORT_ROWS_KEEP_DAYS),
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
    // A checked import that nobody applies goes, with its matches, when its rows do.
    ...(record.status === 'checked'
      ? {
          checkedUntil: new Date(
            Date.parse(record.createdAt) + IMPORT_ROWS_KEEP_DAYS * 86_400_000,
          ).toISOString(),
          [TTL_ATTRIBUTE]: expiry(record.createdAt, IMPORT_ROWS_KEEP_DAYS),
        }
      : {}),
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
  updated?: number;
  updates?: readonly ImportUpdate[];
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
  const { updated, updates } = change;
  const append = {
    ...(errors?.length && !clearErrors ? { errors } : {}),
    ...(updates?.length && !clearErrors ? { updates } : {}),
  };
  await changeItem(table, keys.importRecord(tenantId, importId), {
    set: {
      updatedAt: now.toISOString(),
      status: status || undefined,
      failure: failure || undefined,
      errors: clearErrors ? [] : undefined,
      updates: clearErrors ? [] : undefined,
    },
    add: { processed, created, matched, errorCount, updated },
    ...(Object.keys(append).length ? { append } : {}),
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
      // Applied, it is kept like any import: no longer deleted with its check.
      { set: { status: 'queued', updatedAt: now.toISOString() }, remove: [TTL_ATTRIBUTE] },
      {
        ConditionExpression: '#status = :checked AND #errorCount = :none AND #until > :now',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#errorCount': 'errorCount',
          '#until': 'checkedUntil',
        },
        ExpressionAttributeValues: { ':checked': 'checked', ':none': 0, ':now': now.toISOString() },
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
