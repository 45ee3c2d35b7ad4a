import * as batch from '../shared/data/batch-write.ts';
import type { Key } from '../shared/data/keys.ts';
import type { Table } from '../shared/data/table.ts';

/**
 * Seeding straight into the table with the service's own batch writes, `parallel` batches of 25
 * in flight: thousands of times faster than through the API and with none of its side effects.
 */
export const putAll = (table: Table, items: readonly Record<string, unknown>[], parallel = 8) =>
  batch.putAll(table, items, parallel);

/** Deletes the items with these keys (missing ones are no error), `parallel` batches at a time. */
export const deleteAll = (table: Table, itemKeys: readonly Key[], parallel = 8) =>
  batch.deleteAll(table, itemKeys, parallel);
