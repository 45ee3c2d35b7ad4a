import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mapBounded } from '../concurrency/pool.ts';
import type { Key } from './keys.ts';
import type { Table } from './table.ts';

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Key } };

/** BatchWriteItem's limit. */
const BATCH = 25;

/** Sends one batch, resending with backoff what DynamoDB leaves unprocessed under load. */
async function writeBatch(table: Table, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 6) throw new Error('DynamoDB kept batch writes unprocessed');
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    const result = await table.db.send(new BatchWriteCommand({ RequestItems: { [table.name]: pending } }));
    pending = (result.UnprocessedItems?.[table.name] ?? []) as WriteRequest[];
  }
}

/**
 * Sends puts and deletes 25 a request, `parallel` requests in flight (one by default, gentle on
 * the request path), failing only if DynamoDB keeps leaving some unprocessed.
 */
export async function batchWrite(
  table: Table,
  requests: readonly WriteRequest[],
  parallel = 1,
): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += BATCH) {
    batches.push(requests.slice(start, start + BATCH));
  }
  await mapBounded(batches, parallel, (batch) => writeBatch(table, batch));
}

/** Puts many items (replacing any with the same keys). */
export const putAll = (table: Table, items: readonly Record<string, unknown>[], parallel?: number) =>
  batchWrite(
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
    parallel,
  );

/** Deletes many items by their table keys (missing ones are no error). */
export const deleteAll = (table: Table, itemKeys: readonly Key[], parallel?: number) =>
  batchWrite(
    table,
    itemKeys.map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } })),
    parallel,
  );
