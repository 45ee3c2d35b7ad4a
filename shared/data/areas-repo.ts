import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Duplicate, NotFound } from '../errors.ts';
import type { Area } from '../schemas/area.ts';
import { conditionError, failedConditions } from './dynamo-errors.ts';
import { newId } from './ids.ts';
import { keys, tenantPartition } from './keys.ts';
import { type PageRequest, queryAll, queryPage } from './query-page.ts';
import { newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';

export interface AreaFields {
  name: string;
  onsCode: string;
  alertEmails: string[];
}

const duplicateOnsCode = (onsCode: string) =>
  new Duplicate(`Another area of this partnership already has the ONS code ${onsCode}.`);

/** Adds an area; its ONS code must be new to the partnership. */
export async function createArea(
  table: Table,
  tenantId: string,
  fields: AreaFields,
  now: Date,
): Promise<Area> {
  const id = newId(now);
  const item = newItem(keys.area(tenantId, id), 'area', { id, ...fields }, now);
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Put: {
              TableName: table.name,
              Item: { ...keys.areaOnsCodeLock(tenantId, fields.onsCode), type: 'areaOnsCode', areaId: id },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (failedConditions(error)?.includes(1)) throw duplicateOnsCode(fields.onsCode);
    throw error;
  }
  return toRecord<Area>(item);
}

/** Reads one area of the tenant, or undefined. */
export async function findArea(table: Table, tenantId: string, areaId: string): Promise<Area | undefined> {
  const result = await table.db.send(
    new GetCommand({ TableName: table.name, Key: keys.area(tenantId, areaId), ConsistentRead: true }),
  );
  return result.Item ? toRecord<Area>(result.Item) : undefined;
}

/** Reads one area of the tenant; another tenant's id is NotFound. */
export async function getArea(table: Table, tenantId: string, areaId: string): Promise<Area> {
  const result = await table.db.send(
    new GetCommand({ TableName: table.name, Key: keys.area(tenantId, areaId), ConsistentRead: true }),
  );
  if (!result.Item) throw new NotFound('area');
  return toRecord<Area>(result.Item);
}

const areaQuery = (tenantId: string) => ({
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
  ExpressionAttributeValues: { ':pk': tenantPartition(tenantId), ':prefix': keys.areaPrefix },
});

/** A page of the tenant's areas, oldest first. */
export async function listAreas(table: Table, tenantId: string, page: PageRequest) {
  const result = await queryPage(table, areaQuery(tenantId), page);
  return { items: result.items.map((item) => toRecord<Area>(item)), lastKey: result.lastKey };
}

/** Every area id of the tenant (a partnership has a handful of local authorities). */
export async function areaIdsOf(table: Table, tenantId: string): Promise<Set<string>> {
  const items = await queryAll(table, { ...areaQuery(tenantId), ProjectionExpression: 'id' });
  return new Set(items.map((item) => String(item.id)));
}

/** Changes an area at `expectedVersion`, moving the ONS code lock when the code changes. */
export async function updateArea(
  table: Table,
  tenantId: string,
  areaId: string,
  expectedVersion: number,
  changes: Partial<AreaFields>,
  now: Date,
): Promise<Area> {
  const update = versionedUpdate(keys.area(tenantId, areaId), expectedVersion, changes, now);
  const current = changes.onsCode === undefined ? undefined : await getArea(table, tenantId, areaId);
  if (!current || current.onsCode === changes.onsCode) {
    try {
      const result = await table.db.send(
        new UpdateCommand({
          TableName: table.name,
          ...update,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return toRecord<Area>(result.Attributes ?? {});
    } catch (error) {
      throw conditionError(error, 'area');
    }
  }
  const newCode = changes.onsCode as string;
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: table.name, ...update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
          { Delete: { TableName: table.name, Key: keys.areaOnsCodeLock(tenantId, current.onsCode) } },
          {
            Put: {
              TableName: table.name,
              Item: { ...keys.areaOnsCodeLock(tenantId, newCode), type: 'areaOnsCode', areaId },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
  } catch (error) {
    const failed = failedConditions(error);
    if (failed?.includes(0)) {
      // Re-read to tell a vanished area from a stale version.
      const latest = await getArea(table, tenantId, areaId);
      throw conditionError(
        Object.assign(new Error('stale'), { name: 'ConditionalCheckFailedException', Item: latest }),
        'area',
      );
    }
    if (failed?.includes(2)) throw duplicateOnsCode(newCode);
    throw error;
  }
  return getArea(table, tenantId, areaId);
}
