import type { Table } from '../shared/data/table.ts';

const RECORDER = 'benchDynamoCallRecorder';

/** A command as the parity check compares it: its name, and how many items a batch carries. */
function describe(commandName: string | undefined, input: unknown): string {
  const name = (commandName ?? 'unknown').replace(/Command$/, '');
  const { TransactItems, RequestItems } = (input ?? {}) as {
    TransactItems?: unknown[];
    RequestItems?: Record<string, unknown[]>;
  };
  if (TransactItems) return `${name}(${TransactItems.length})`;
  if (RequestItems) return `${name}(${Object.values(RequestItems).flat().length})`;
  return name;
}

/**
 * The DynamoDB commands sent through `table` while `work` runs, in order. Nothing else may use
 * the table meanwhile: the recorder sees every command of the client, not just `work`'s.
 */
export async function dynamoCallsOf(table: Table, work: () => Promise<unknown>): Promise<string[]> {
  const calls: string[] = [];
  table.db.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(describe(context.commandName, args.input));
      return next(args);
    },
    { step: 'initialize', name: RECORDER },
  );
  try {
    await work();
  } finally {
    table.db.middlewareStack.remove(RECORDER);
  }
  return calls;
}
