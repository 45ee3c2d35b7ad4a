import { keys } from './keys.ts';
import { putNew, type TransactItem } from './table-io.ts';

/** How long an applied HMPPS event is remembered: longer than the queue could ever redeliver it. */
const REMEMBER_DAYS = 400;

/**
 * The marker that an HMPPS event was applied to one case, written in the change's transaction
 * and only if new: the same event delivered twice fails it, and so changes nothing.
 */
export const hmppsEventMarker = (tenantId: string, eventKey: string, now: Date): TransactItem =>
  putNew({
    ...keys.hmppsEvent(tenantId, eventKey),
    type: 'hmppsEvent',
    receivedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + REMEMBER_DAYS * 86_400,
  });
