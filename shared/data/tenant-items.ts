import { deleteAll } from './batch-write.ts';
import { type Key, keys, tenantPartition } from './keys.ts';
import { type PageRequest, partitionQuery, prefixQuery, queryAll, queryPage } from './query-page.ts';
import type { Table } from './table.ts';

/** Read only the keys: what deleting needs. */
const KEYS_ONLY = { ProjectionExpression: 'PK, SK' };

/** A page of every item a partnership holds (its whole partition), for export. */
export const tenantItems = (table: Table, tenantId: string, page: PageRequest) =>
  queryPage(table, { ...partitionQuery(tenantPartition(tenantId)), ConsistentRead: true }, page);

/** The keys of a tenant's items under a sort-key prefix (a case's family, a person's audit trail). */
export const keysUnder = async (table: Table, tenantId: string, prefix: string): Promise<Key[]> =>
  (await queryAll(table, {
    ...prefixQuery(tenantPartition(tenantId), prefix),
    ...KEYS_ONLY,
  })) as unknown as Key[];

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
  const partition = tenantPartition(tenantId);
  let deleted = 0;
  for (const query of [prefixQuery(partition, keys.memberPrefix), partitionQuery(partition)]) {
    while (deleted < budget) {
      const page = await queryPage(
        table,
        { ...query, ...KEYS_ONLY, ConsistentRead: true },
        { limit: Math.min(500, budget - deleted) },
      );
      if (page.items.length === 0) break;
      await deleteAll(table, page.items as unknown as Key[]);
      deleted += page.items.length;
    }
  }
  const left = await queryPage(
    table,
    { ...partitionQuery(partition), ProjectionExpression: 'PK', ConsistentRead: true },
    { limit: 1 },
  );
  return { deleted, complete: left.items.length === 0 };
}
