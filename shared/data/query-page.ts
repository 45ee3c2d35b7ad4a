import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { toRecord } from './records.ts';
import type { Table } from './table.ts';

export interface PageRequest {
  limit: number;
  startKey?: Record<string, unknown>;
}

export interface Page<T> {
  items: T[];
  lastKey?: Record<string, unknown>;
}

type QueryShape = Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>;

/** One page of a Query, continuing after `startKey`. */
export async function queryPage(
  table: Table,
  query: QueryShape,
  page: PageRequest,
): Promise<Page<Record<string, unknown>>> {
  const result = await table.db.send(
    new QueryCommand({
      ...query,
      TableName: table.name,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    }),
  );
  return { items: result.Items ?? [], lastKey: result.LastEvaluatedKey };
}

/** Every item of a Query, page after page: only for partitions known to be small (members, areas). */
export async function queryAll(table: Table, query: QueryShape): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    // Large pages: fewer round trips for a report's months or an area's caseload.
    const page = await queryPage(table, query, { limit: 1000, startKey });
    items.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return items;
}

/** A page of a Query, each item as its API record. */
export async function recordsPage<T>(table: Table, query: QueryShape, page: PageRequest): Promise<Page<T>> {
  const result = await queryPage(table, query, page);
  return { items: result.items.map((item) => toRecord<T>(item)), lastKey: result.lastKey };
}

/** The Query of every item of one partition. */
export const partitionQuery = (partition: string) => ({
  KeyConditionExpression: 'PK = :pk',
  ExpressionAttributeValues: { ':pk': partition },
});

/** The Query of the items of one partition whose sort key starts with `prefix`. */
export const prefixQuery = (partition: string, prefix: string) => ({
  KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
  ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
});

/**
 * A page of a list read whole and ordered in memory (an area's caseload, its alerts), by
 * position: the page's start key holds the offset where it begins.
 */
export function slicePage<T>(rows: readonly T[], page: PageRequest): Page<T> {
  const start = Number(page.startKey?.offset ?? 0);
  const end = start + page.limit;
  return { items: rows.slice(start, end), lastKey: end < rows.length ? { offset: end } : undefined };
}
