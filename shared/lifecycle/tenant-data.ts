import { deleteAll } from '../data/batch-write.ts';
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
      await deleteAll(table, page.items as { PK: string; SK: string }[]);
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
