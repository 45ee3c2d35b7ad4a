import { keys } from './keys.ts';
import type { Table } from './table.ts';
import { changeItem, claimLease, getItem } from './table-io.ts';

/** How long one delivery holds an alert's email before another delivery may try it. */
const LEASE_SECONDS = 60;

/**
 * Claims the right to send an alert's email: only when it was never sent and no other delivery
 * holds it (or its hold lapsed, or it failed). This is what makes a redelivered event, or two
 * deliveries at once, send one email.
 */
export const claimMail = (table: Table, tenantId: string, alertId: string, now: Date): Promise<boolean> =>
  claimLease(table, {
    item: {
      ...keys.alertMail(tenantId, alertId),
      type: 'alertMail',
      alertId,
      state: 'sending',
      leaseUntil: Math.floor(now.getTime() / 1000) + LEASE_SECONDS,
    },
    holding: 'sending',
    until: 'leaseUntil',
    retryable: ['failed'],
    now,
  });

/** Records what became of a send: its state, when, to how many, and one more attempt. */
export async function markMail(
  table: Table,
  tenantId: string,
  alertId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await changeItem(table, keys.alertMail(tenantId, alertId), { set: fields, add: { attempts: 1 } });
}

/** The state of an alert's email (for tests and operators). */
export async function mailStateOf(table: Table, tenantId: string, alertId: string) {
  return (await getItem(table, keys.alertMail(tenantId, alertId))) as
    | { state: string; attempts?: number; sentAt?: string; recipients?: number }
    | undefined;
}
