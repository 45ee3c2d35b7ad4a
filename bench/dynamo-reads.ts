import type { Table } from '../shared/data/table.ts';

const COUNTER = 'benchDynamoReadCounter';

/** The DynamoDB work of one piece of work: calls by command, and items read. */
export interface DynamoWork {
  /** Commands sent, by name (`Query`, `TransactWriteItems`, ...). */
  calls: Record<string, number>;
  /** Items DynamoDB read to answer: a query's scanned items, a get's item, a batch get's items. */
  itemsRead: number;
  /** Items the DueIndex queries read (the sweep's entries). */
  dueEntriesRead: number;
}

/** Items a command's answer says were read. */
function itemsReadBy(output: unknown): number {
  const { ScannedCount, Count, Item, Responses } = (output ?? {}) as {
    ScannedCount?: number;
    Count?: number;
    Item?: unknown;
    Responses?: unknown;
  };
  if (typeof ScannedCount === 'number') return ScannedCount;
  if (typeof Count === 'number') return Count;
  if (Item) return 1;
  if (Responses && typeof Responses === 'object' && !Array.isArray(Responses)) {
    return Object.values(Responses as Record<string, unknown[]>).reduce(
      (sum, items) => sum + items.length,
      0,
    );
  }
  return 0;
}

/**
 * Counts the DynamoDB calls and the items read through `table` while `work` runs. Nothing else
 * may use the table meanwhile: the counter sees every command of the client.
 */
export async function dynamoWorkOf<T>(
  table: Table,
  work: () => Promise<T>,
): Promise<{ result: T } & DynamoWork> {
  const counted: DynamoWork = { calls: {}, itemsRead: 0, dueEntriesRead: 0 };
  table.db.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      counted.calls[name] = (counted.calls[name] ?? 0) + 1;
      const answer = await next(args);
      const read = itemsReadBy(answer.output);
      counted.itemsRead += read;
      if ((args.input as { IndexName?: string }).IndexName === 'DueIndex') counted.dueEntriesRead += read;
      return answer;
    },
    { step: 'initialize', name: COUNTER },
  );
  try {
    const result = await work();
    return { result, ...counted };
  } finally {
    table.db.middlewareStack.remove(COUNTER);
  }
}
