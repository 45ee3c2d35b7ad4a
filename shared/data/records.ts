import { NotFound } from '../errors.ts';
import { conditionError } from './dynamo-errors.ts';
import { type UpdateParts, updateExpression } from './expressions.ts';
import type { Key } from './keys.ts';
import type { Table } from './table.ts';
import { getItem, updateOne } from './table-io.ts';

/** Attributes that exist for the table, not for the API: stripped from every record read. */
const STORAGE_ATTRIBUTES = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'duePK',
  'dueSK',
  'workPK',
  'workSK',
  'listedFrom',
  'urgentAt',
  // A referral's copy of its person, for the lists (shared/data/person-summary.ts).
  'personSummary',
  'type',
  'tenantId',
  // DynamoDB's time to live (shared/data/table-def.ts TTL_ATTRIBUTE).
  'expiresAt',
];

/** The API view of a stored item. */
export function toRecord<T>(item: Record<string, unknown>): T {
  const record: Record<string, unknown> = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete record[attribute];
  return record as T;
}

/** A new item: keys, type tag, record fields and the metadata every record carries. */
export function newItem(
  key: Key,
  type: string,
  fields: Record<string, unknown>,
  now: Date,
): Record<string, unknown> {
  const at = now.toISOString();
  return { ...key, type, ...fields, version: 1, createdAt: at, updatedAt: at };
}

/** A versioned update: the record's key and the expression that changes it. */
export type VersionedUpdate = UpdateParts & { Key: Key };

/**
 * The update of a record at `expectedVersion`: sets the given fields (undefined ones are left
 * alone, null ones removed), bumps the version and stamps updatedAt. Fails its condition on a
 * stale version or a missing record.
 */
export function versionedUpdate(
  key: Key,
  expectedVersion: number,
  changes: Record<string, unknown>,
  now: Date,
): VersionedUpdate {
  return {
    Key: key,
    ...updateExpression(
      { set: { ...changes, updatedAt: now.toISOString() }, add: { version: 1 } },
      {
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    ),
  };
}

/** Reads a record by key, or undefined. */
export async function findRecord<T>(table: Table, key: Key): Promise<T | undefined> {
  const item = await getItem(table, key);
  return item ? toRecord<T>(item) : undefined;
}

/** Reads a record by key; NotFound (naming `what`) when there is none. */
export async function getRecord<T>(table: Table, key: Key, what: string): Promise<T> {
  const record = await findRecord<T>(table, key);
  if (!record) throw new NotFound(what);
  return record;
}

/**
 * Applies a versioned update and answers the record as written; NotFound when it is gone,
 * VersionConflict when it moved on.
 */
export async function updateRecord<T>(table: Table, update: VersionedUpdate, what: string): Promise<T> {
  try {
    return toRecord<T>((await updateOne(table, update.Key, update, true)) ?? {});
  } catch (error) {
    throw conditionError(error, what);
  }
}
