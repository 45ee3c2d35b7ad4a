import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Key } from './keys.ts';
import type { Table } from './table.ts';
import { changeItem, claimLease, getItem, releaseLease } from './table-io.ts';

/** How long a first response is kept for replay (DynamoDB's TTL deletes it after). */
const KEEP_SECONDS = 24 * 60 * 60;
/** How long an unfinished first attempt holds the key before a retry may take it over. */
const LOCK_SECONDS = 30;

/** The state of a slot whose first attempt is still running. */
const RUNNING = 'in_progress';

/** An `Idempotency-Key` slot as stored: the request it belongs to and, once done, its response. */
export interface StoredSlot {
  requestHash: string;
  state: string;
  response?: APIGatewayProxyStructuredResultV2;
}

/** Takes the slot for a first attempt: true unless another attempt holds it or has finished it. */
export function claimSlotItem(table: Table, key: Key, requestHash: string, now: Date): Promise<boolean> {
  const seconds = Math.floor(now.getTime() / 1000);
  return claimLease(table, {
    item: {
      ...key,
      type: 'idempotency',
      state: RUNNING,
      requestHash,
      lockedUntil: seconds + LOCK_SECONDS,
      expiresAt: seconds + KEEP_SECONDS,
    },
    holding: RUNNING,
    until: 'lockedUntil',
    now,
  });
}

/** The slot as it stands, read strongly. */
export const readSlotItem = async (table: Table, key: Key): Promise<StoredSlot | undefined> =>
  (await getItem(table, key)) as StoredSlot | undefined;

/** Marks the slot done with the first response, so repeats get it back. */
export async function completeSlotItem(
  table: Table,
  key: Key,
  response: APIGatewayProxyStructuredResultV2,
): Promise<void> {
  await changeItem(table, key, { set: { state: 'done', response }, remove: ['lockedUntil'] });
}

/** Frees the slot after a failed attempt, so the client may retry with the same key. */
export const releaseSlotItem = (table: Table, key: Key): Promise<void> => releaseLease(table, key, RUNNING);
