import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys, tenantPartition } from '../data/keys.ts';
import { type PageRequest, queryPage } from '../data/query-page.ts';
import type { Table } from '../data/table.ts';

/** A page of every item a partnership holds (its whole partition), for export. */
export async function tenantItems(table: Table, tenantId: string, page: PageRequest) {
  return queryPage(
    table,
    {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': tenantPartition(tenantId) },
      ConsistentRead: true,
    },
    page,
  );
}

/** Deletes items by key, 25 a request, retrying what DynamoDB leaves unprocessed. */
export async function deleteKeys(
  table: Table,
  itemKeys: readonly { PK: unknown; SK: unknown }[],
): Promise<void> {
  for (let start = 0; start < itemKeys.length; start += 25) {
    let requests = itemKeys
      .slice(start, start + 25)
      .map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } }));
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt > 6) throw new Error('DynamoDB kept deletes unprocessed');
      const result = await table.db.send(new BatchWriteCommand({ RequestItems: { [table.name]: requests } }));
      requests = (result.UnprocessedItems?.[table.name] ?? []) as typeof requests;
      if (requests.length) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/**
 * Deletes every item under a partnership's partition, up to `budget` items a call so a request
 * stays within its time limit. Members go first, so access ends before anything else is gone.
 * Answers how many were deleted and whether the partition is now empty.
 */
export async function deleteTenantItems(
  table: Table,
  tenantId: string,
  budget = 2_000,
): Promise<{ deleted: number; complete: boolean }> {
  let deleted = 0;
  for (const prefix of [keys.memberPrefix, '']) {
    while (deleted < budget) {
      const page = await queryPage(
        table,
        {
          KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
          ExpressionAttributeValues: {
            ':pk': tenantPartition(tenantId),
            ...(prefix ? { ':prefix': prefix } : {}),
          },
          ProjectionExpression: 'PK, SK',
          ConsistentRead: true,
        },
        { limit: Math.min(500, budget - deleted) },
      );
      if (page.items.length === 0) break;
      await deleteKeys(table, page.items as { PK: string; SK: string }[]);
      deleted += page.items.length;
    }
  }
  const left = await queryPage(
    table,
    {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': tenantPartition(tenantId) },
      ProjectionExpression: 'PK',
      ConsistentRead: true,
    },
    { limit: 1 },
  );
  return { deleted, complete: left.items.length === 0 };
}
