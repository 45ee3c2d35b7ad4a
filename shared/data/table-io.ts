import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { failedConditions, isConditionFailed } from './dynamo-errors.ts';
import { type Condition, type UpdateChanges, type UpdateParts, updateExpression } from './expressions.ts';
import type { Key } from './keys.ts';
import type { Table } from './table.ts';

type SdkTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type OnTable<T> = Omit<NonNullable<T>, 'TableName'>;

/**
 * One write of a transaction on the single table. Builders make these without the table's
 * name; `transactWrite` adds it when it sends them.
 */
export type TransactItem =
  | { Put: OnTable<SdkTransactItem['Put']> }
  | { Update: OnTable<SdkTransactItem['Update']> }
  | { Delete: OnTable<SdkTransactItem['Delete']> }
  | { ConditionCheck: OnTable<SdkTransactItem['ConditionCheck']> };

type Item = Record<string, unknown>;

const NOT_THERE = 'attribute_not_exists(PK)';
const THERE = 'attribute_exists(PK)';

/** Puts an item only if none has its key: creates, and locks (an email, an ONS code). */
export const putNew = (item: Item): TransactItem => ({ Put: { Item: item, ConditionExpression: NOT_THERE } });

/** Puts an item, replacing any with its key (timeline events and audit records have fresh keys). */
export const putItem = (item: Item, condition?: Condition): TransactItem => ({
  Put: { Item: item, ...condition },
});

/** Updates an item with the shared expression builder. */
export const updateItem = (key: Key, changes: UpdateChanges, condition?: Condition): TransactItem => ({
  Update: { Key: key, ...updateExpression(changes, condition) },
});

/** Deletes an item; `mustExist` makes a missing one fail the transaction. */
export const deleteItem = (key: Key, mustExist = false): TransactItem => ({
  Delete: { Key: key, ...(mustExist ? { ConditionExpression: THERE } : {}) },
});

/** The condition that the item exists (for an update of a known record). */
export const itemExists: Condition = { ConditionExpression: THERE };

/**
 * Writes the items in one transaction. When conditions fail, `onFailed` gets the indexes of the
 * items whose condition failed and may answer the error to throw instead (NotFound, Duplicate).
 */
export async function transactWrite(
  table: Table,
  items: readonly TransactItem[],
  onFailed?: (failed: number[]) => unknown,
): Promise<void> {
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: items.map(
          (item) =>
            Object.fromEntries(
              Object.entries(item).map(([kind, write]) => [kind, { TableName: table.name, ...write }]),
            ) as SdkTransactItem,
        ),
      }),
    );
  } catch (error) {
    const failed = failedConditions(error);
    const instead = failed?.length && onFailed ? await onFailed(failed) : undefined;
    throw instead ?? error;
  }
}

/** Reads one item, strongly consistent (a removal or a change is seen at once). */
export async function getItem(table: Table, key: Key): Promise<Item | undefined> {
  const result = await table.db.send(
    new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }),
  );
  return result.Item;
}

/** Puts one item (a failed condition throws DynamoDB's ConditionalCheckFailedException). */
export async function putOne(table: Table, item: Item, condition?: Condition): Promise<void> {
  await table.db.send(new PutCommand({ TableName: table.name, Item: item, ...condition }));
}

/**
 * Updates one item. With `returnNew` it answers the item as written; a failed condition throws
 * DynamoDB's error carrying the item as it was (for `conditionError`).
 */
export async function updateOne(
  table: Table,
  key: Key,
  parts: UpdateParts,
  returnNew = false,
): Promise<Item | undefined> {
  const result = await table.db.send(
    new UpdateCommand({
      TableName: table.name,
      Key: key,
      ...parts,
      ...(returnNew ? { ReturnValues: 'ALL_NEW', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } : {}),
    }),
  );
  return result.Attributes;
}

/** Changes one item with the shared expression builder (no record version: counters, states). */
export async function changeItem(
  table: Table,
  key: Key,
  changes: UpdateChanges,
  condition?: Condition,
): Promise<void> {
  await updateOne(table, key, updateExpression(changes, condition));
}

/** Puts one item only if none has its key (a failed condition throws). */
export const putNewOne = (table: Table, item: Item): Promise<void> =>
  putOne(table, item, { ConditionExpression: NOT_THERE });

/** Reads many items by key, 100 a request (BatchGetItem's limit), retrying what is left unprocessed. */
export async function getMany(table: Table, itemKeys: readonly Key[]): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < itemKeys.length; start += 100) {
    let requested = itemKeys.slice(start, start + 100);
    for (let attempt = 0; requested.length > 0; attempt++) {
      if (attempt > 5) throw new Error('DynamoDB kept batch reads unprocessed');
      const result = await table.db.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: requested as Key[] } } }),
      );
      found.push(...(result.Responses?.[table.name] ?? []));
      requested = (result.UnprocessedKeys?.[table.name]?.Keys ?? []) as Key[];
      if (requested.length) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
  return found;
}

/**
 * A lease on an item: claimed when the item is absent, in a state that may be retried, or held
 * by another attempt whose lease has lapsed. What makes a redelivered alert send one email and a
 * repeated `Idempotency-Key` run its request once.
 */
export interface Lease {
  /** The item to put, holding the lease (its state attribute is `state`). */
  item: Item;
  /** The state of an attempt in flight. */
  holding: string;
  /** The attribute that holds the lease's end, in epoch seconds. */
  until: string;
  /** States another attempt may take over at once (a failed send). */
  retryable?: readonly string[];
  now: Date;
}

/**
 * Gives a lease up after a failed attempt, so another may claim it at once; only while it is still
 * `holding` (never a finished one). A lease no longer held throws the failed condition.
 */
export async function releaseLease(table: Table, key: Key, holding: string): Promise<void> {
  await table.db.send(
    new DeleteCommand({
      TableName: table.name,
      Key: key,
      ConditionExpression: '#state = :holding',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':holding': holding },
    }),
  );
}

/** Claims a lease; answers false when another attempt holds it or it is done. */
export async function claimLease(table: Table, lease: Lease): Promise<boolean> {
  const retryable = (lease.retryable ?? []).map((_, index) => `#state = :retry${index}`);
  const condition = {
    ConditionExpression: [NOT_THERE, ...retryable, `(#state = :holding AND #until < :now)`].join(' OR '),
    ExpressionAttributeNames: { '#state': 'state', '#until': lease.until },
    ExpressionAttributeValues: {
      ...Object.fromEntries((lease.retryable ?? []).map((state, index) => [`:retry${index}`, state])),
      ':holding': lease.holding,
      ':now': Math.floor(lease.now.getTime() / 1000),
    },
  };
  try {
    await putOne(table, lease.item, condition);
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}
