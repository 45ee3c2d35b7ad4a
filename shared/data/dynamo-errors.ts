import { Conflict, NotFound, Unavailable, VersionConflict } from '../errors.ts';

const UNAVAILABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** Cancellation reasons that mean the table was overloaded, not that the request was wrong. */
const OVERLOAD_REASONS = new Set([
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
  'InternalServerError',
]);

const cancellationCodes = (error: Error): string[] =>
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (reason) => reason.Code ?? '',
  );

/** True for errors that mean the table could not be reached or was overloaded. */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const named = error as Error & { code?: string; $metadata?: { httpStatusCode?: number } };
  if (UNAVAILABLE_NAMES.has(named.name)) return true;
  if (named.code && UNAVAILABLE_CODES.has(named.code)) return true;
  if ((named.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (
    named.name === 'TransactionCanceledException' &&
    cancellationCodes(error).some((code) => OVERLOAD_REASONS.has(code))
  ) {
    return true;
  }
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isUnavailable(cause, depth + 1);
}

/** True when a write lost a race with another transaction on the same items. */
export function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransactionConflictException') return true;
  return (
    error.name === 'TransactionCanceledException' && cancellationCodes(error).includes('TransactionConflict')
  );
}

/**
 * Turns a dependency outage into the API's 503, and a write that lost a race with a concurrent
 * one into 409; leaves every other error as it was. Nothing was written in either case.
 */
export function translateUnavailable(error: unknown): unknown {
  if (isUnavailable(error)) return new Unavailable();
  if (isWriteConflict(error)) {
    return new Conflict(
      'concurrent_change',
      'Someone changed the same records at the same moment: try again.',
    );
  }
  return error;
}

/** The indexes of the items whose condition failed in a cancelled transaction. */
export function failedConditions(error: unknown): number[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
}

export const isConditionFailed = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * Maps a failed versioned-update condition (sent with ReturnValuesOnConditionCheckFailure
 * ALL_OLD) to NotFound when the record is missing or VersionConflict when it moved on.
 */
export function conditionError(error: unknown, what: string): unknown {
  if (!isConditionFailed(error)) return error;
  return staleOrMissing((error as { Item?: Record<string, unknown> }).Item, what);
}

/** A versioned change that failed its condition, told by the record as it is: gone, or moved on. */
export function staleOrMissing(current: Record<string, unknown> | undefined, what: string): Error {
  if (!current) return new NotFound(what);
  const version = current.version as number | { N?: string } | undefined;
  return new VersionConflict(
    typeof version === 'number' ? version : version?.N ? Number(version.N) : undefined,
  );
}
