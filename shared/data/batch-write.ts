import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Table } from './table.ts';

type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Sends puts and deletes 25 a request (BatchWriteItem's limit), retrying with backoff what
 * DynamoDB leaves unprocessed under load, and failing only if it keeps leaving some.
 */
export async function batchWrite(table: Table, requests: readonly WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let pending = requests.slice(start, start + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 6) throw new Error('DynamoDB kept batch writes unprocessed');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result = await table.db.send(
        new BatchWriteCommand({ RequestItems: { [table.name]: pending as WriteRequest[] } }),
      );
      pending = (result.UnprocessedItems?.[table.name] ?? []) as WriteRequest[];
    }
  }
}

/** Puts many items. */
export const putAll = (table: Table, items: readonly Record<string, unknown>[]) =>
  batchWrite(
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
  );

/** Deletes many items by their table keys. */
export const deleteAll = (table: Table, itemKeys: readonly { PK: unknown; SK: unknown }[]) =>
  batchWrite(
    table,
    itemKeys.map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } })),
  );
