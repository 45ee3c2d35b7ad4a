import { createHash } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { claimSlotItem, completeSlotItem, readSlotItem, releaseSlotItem } from '../data/idempotency-repo.ts';
import { type Key, keys } from '../data/keys.ts';
import type { Table } from '../data/table.ts';
import { Conflict, ValidationFailed } from '../errors.ts';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

export interface IdempotencySlot {
  key: Key;
  requestHash: string;
}

/** What a key is bound to: the request's method, path with its parameters, query string and body. */
export interface IdempotentRequest {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  body: string;
}

/**
 * The fingerprint a key is bound to. The query's parameters are sorted, so their order in the
 * address does not matter; anything else that differs makes it another request.
 */
export function requestFingerprint(request: IdempotentRequest): string {
  const query = Object.entries(request.query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([request.method.toUpperCase(), request.path, query, request.body]))
    .digest('base64url');
}

/** Validates the header and names the slot of this caller, operation and key, bound to the request. */
export function idempotencySlot(
  header: string | undefined,
  scope: string,
  operationId: string,
  userId: string,
  request: IdempotentRequest,
): IdempotencySlot | undefined {
  if (header === undefined) return undefined;
  if (!KEY_PATTERN.test(header)) {
    throw new ValidationFailed('Idempotency-Key is not valid.', {
      'Idempotency-Key': 'must be 1–128 letters, digits, or . _ : -; a UUID is best',
    });
  }
  const user = createHash('sha256').update(userId).digest('base64url').slice(0, 16);
  return {
    key: keys.idempotency(scope, operationId, `${user}#${header}`),
    requestHash: requestFingerprint(request),
  };
}

/**
 * Claims the slot for this request. Answers the stored first response when the same request
 * was already answered; refuses the key on another path, query or body (so a retry meant for
 * one record can never be answered with another's), or while a first attempt is still running.
 */
export async function claimSlot(
  table: Table,
  slot: IdempotencySlot,
  now: Date,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
  const claimed = await claimSlotItem(table, slot.key, slot.requestHash, now);
  if (claimed) return undefined;
  const existing = await readSlotItem(table, slot.key);
  if (existing?.requestHash !== slot.requestHash) {
    throw new Conflict(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request (another record, query or body): send a new key.',
    );
  }
  if (existing.state !== 'done') {
    throw new Conflict(
      'idempotency_in_progress',
      'A request with this Idempotency-Key is still being handled: try again in a moment.',
    );
  }
  return existing.response;
}

/** Stores the first response so repeats get it back. */
export async function completeSlot(
  table: Table,
  slot: IdempotencySlot,
  response: APIGatewayProxyStructuredResultV2,
): Promise<void> {
  await completeSlotItem(table, slot.key, response);
}

/** Frees the slot after a failed attempt, so the client may retry with the same key. */
export async function releaseSlot(table: Table, slot: IdempotencySlot): Promise<void> {
  await releaseSlotItem(table, slot.key);
}
