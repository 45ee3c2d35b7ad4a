import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFound } from '../errors.ts';
import type { Partnership, PartnershipSettings } from '../schemas/partnership.ts';
import { PartnershipSettings as SettingsSchema } from '../schemas/partnership.ts';
import { conditionError } from './dynamo-errors.ts';
import { keys } from './keys.ts';
import { type PageRequest, queryPage } from './query-page.ts';
import { newItem, toRecord, versionedUpdate } from './records.ts';
import type { Table } from './table.ts';

/** Settings of a new partnership: the defaults of DESIGN.md §3. */
export const defaultSettings = (): PartnershipSettings => SettingsSchema.parse({});

/** The stored item of a new partnership (written with its first chair in one transaction). */
export function newPartnershipItem(tenantId: string, name: string, now: Date): Record<string, unknown> {
  const item = newItem(
    keys.partnership(tenantId),
    'partnership',
    { id: tenantId, name, settings: defaultSettings() },
    now,
  );
  return { ...item, ...keys.partnershipListing(String(item.createdAt), tenantId) };
}

/** Reads a partnership, or undefined when it does not exist. */
export async function findPartnership(table: Table, tenantId: string): Promise<Partnership | undefined> {
  const result = await table.db.send(
    new GetCommand({ TableName: table.name, Key: keys.partnership(tenantId), ConsistentRead: true }),
  );
  return result.Item ? toRecord<Partnership>(result.Item) : undefined;
}

/** Reads a partnership; NotFound when it does not exist. */
export async function getPartnership(table: Table, tenantId: string): Promise<Partnership> {
  const partnership = await findPartnership(table, tenantId);
  if (!partnership) throw new NotFound('partnership');
  return partnership;
}

/** Every partnership, oldest first, for the operator. */
export async function listPartnerships(table: Table, page: PageRequest) {
  const result = await queryPage(
    table,
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': 'PARTNERSHIPS' },
    },
    page,
  );
  return { items: result.items.map((item) => toRecord<Partnership>(item)), lastKey: result.lastKey };
}

/** Changes name and settings of the partnership at `expectedVersion`. */
export async function updatePartnership(
  table: Table,
  tenantId: string,
  expectedVersion: number,
  changes: { name?: string; settings?: PartnershipSettings },
  now: Date,
): Promise<Partnership> {
  try {
    const result = await table.db.send(
      new UpdateCommand({
        TableName: table.name,
        ...versionedUpdate(keys.partnership(tenantId), expectedVersion, changes, now),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return toRecord<Partnership>(result.Attributes ?? {});
  } catch (error) {
    throw conditionError(error, 'partnership');
  }
}
