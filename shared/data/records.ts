import type { Key } from './keys.ts';

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
  'type',
  'tenantId',
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

export interface VersionedUpdate {
  Key: Key;
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * The update of a record at `expectedVersion`: sets the given fields (undefined ones are left
 * alone, null ones removed), bumps the version and stamps updatedAt. Fails its condition on a stale version or
 * a missing record.
 */
export function versionedUpdate(
  key: Key,
  expectedVersion: number,
  changes: Record<string, unknown>,
  now: Date,
): VersionedUpdate {
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = {
    ':expected': expectedVersion,
    ':one': 1,
    ':now': now.toISOString(),
  };
  const sets = ['#version = #version + :one', '#updatedAt = :now'];
  const removes: string[] = [];
  Object.entries(changes).forEach(([field, value], index) => {
    if (value === undefined) return;
    names[`#f${index}`] = field;
    if (value === null) {
      removes.push(`#f${index}`);
    } else {
      values[`:v${index}`] = value;
      sets.push(`#f${index} = :v${index}`);
    }
  });
  return {
    Key: key,
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
