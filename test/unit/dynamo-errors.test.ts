import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  conditionError,
  failedConditions,
  isConditionFailed,
  isUnavailable,
  translateUnavailable,
} from '../../shared/data/dynamo-errors.ts';
import { NotFound, Unavailable, VersionConflict } from '../../shared/errors.ts';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const withCode = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:8000`), { code });
const named = (name: string) => Object.assign(new Error(name), { name });

const conditionFailed = (Item?: Record<string, unknown>) =>
  new ConditionalCheckFailedException({
    message: 'The conditional request failed',
    ...meta(400),
    Item: Item as never,
  });

describe('isUnavailable', () => {
  it('is true for a refused connection', () => {
    expect(isUnavailable(withCode('ECONNREFUSED'))).toBe(true);
  });

  it('is true for a refused connection given as the cause', () => {
    expect(isUnavailable(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(
      isUnavailable(new Error('outer', { cause: new Error('middle', { cause: withCode('ECONNRESET') }) })),
    ).toBe(true);
  });

  it('is true for timeouts', () => {
    expect(isUnavailable(named('TimeoutError'))).toBe(true);
    expect(isUnavailable(withCode('ETIMEDOUT'))).toBe(true);
  });

  it('is true for a 5xx answer', () => {
    expect(isUnavailable(Object.assign(new Error('boom'), meta(500)))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('boom'), meta(503)))).toBe(true);
    expect(isUnavailable(new InternalServerError({ message: 'internal', ...meta(500) }))).toBe(true);
  });

  it('is true for throttling', () => {
    expect(
      isUnavailable(new ProvisionedThroughputExceededException({ message: 'slow down', ...meta(400) })),
    ).toBe(true);
    expect(isUnavailable(new RequestLimitExceeded({ message: 'slow down', ...meta(400) }))).toBe(true);
    expect(isUnavailable(named('ThrottlingException'))).toBe(true);
  });

  it('is false for a failed condition and other client errors', () => {
    expect(isUnavailable(conditionFailed())).toBe(false);
    expect(isUnavailable(Object.assign(named('ValidationException'), meta(400)))).toBe(false);
    expect(isUnavailable(new Error('plain'))).toBe(false);
  });

  it('is false for things that are not errors', () => {
    expect(isUnavailable('ECONNREFUSED')).toBe(false);
    expect(isUnavailable({ code: 'ECONNREFUSED' })).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });

  // Regression test for a fixed bug (shared/data/dynamo-errors.ts:22-23): the cause chain is followed without remembering
  // what was seen; only a direct self-reference is caught. Two errors that are each other's cause
  // recurse until the stack overflows (RangeError) instead of answering false.
  it('answers false for a cycle of causes instead of overflowing the stack', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    Object.assign(first, { cause: second });
    expect(isUnavailable(first)).toBe(false);
  });
});

describe('isUnavailable for cancelled transactions', () => {
  const cancelled = (...codes: string[]) =>
    new TransactionCanceledException({
      message: 'Transaction cancelled',
      ...meta(400),
      CancellationReasons: codes.map((Code) => ({ Code })),
    });

  it('is false for a transaction cancelled by a failed condition', () => {
    expect(isUnavailable(cancelled('None', 'ConditionalCheckFailed'))).toBe(false);
  });

  // Regression test for a fixed bug (shared/data/dynamo-errors.ts:16-24): DynamoDB cancels a transaction with the reason codes
  // ThrottlingError or ProvisionedThroughputExceeded when the table is overloaded, but the error
  // itself is a 400 TransactionCanceledException, so isUnavailable answers false and every
  // transactional create (areas, members, partnerships) answers 500 `internal` instead of 503.
  it('is true for a transaction cancelled by throttling', () => {
    expect(isUnavailable(cancelled('ThrottlingError', 'None'))).toBe(true);
    expect(isUnavailable(cancelled('None', 'ProvisionedThroughputExceeded'))).toBe(true);
  });
});

describe('translateUnavailable', () => {
  it('turns an outage into Unavailable and leaves other errors as they were', () => {
    expect(translateUnavailable(withCode('ECONNREFUSED'))).toBeInstanceOf(Unavailable);
    const other = new Error('other');
    expect(translateUnavailable(other)).toBe(other);
  });
});

describe('failedConditions', () => {
  it('lists the indexes whose condition failed', () => {
    const error = new TransactionCanceledException({
      message: 'Transaction cancelled',
      ...meta(400),
      CancellationReasons: [
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed' },
        { Code: 'ConditionalCheckFailed' },
      ],
    });
    expect(failedConditions(error)).toEqual([1, 2]);
  });

  it('is empty for a cancelled transaction without failed conditions', () => {
    const error = new TransactionCanceledException({
      message: 'x',
      ...meta(400),
      CancellationReasons: [{ Code: 'None' }],
    });
    expect(failedConditions(error)).toEqual([]);
    expect(failedConditions(new TransactionCanceledException({ message: 'x', ...meta(400) }))).toEqual([]);
  });

  it('is undefined for other errors', () => {
    expect(failedConditions(conditionFailed())).toBeUndefined();
    expect(failedConditions(new Error('x'))).toBeUndefined();
    expect(failedConditions(undefined)).toBeUndefined();
  });
});

describe('conditionError', () => {
  it('leaves other errors as they were', () => {
    const other = withCode('ECONNREFUSED');
    expect(conditionError(other, 'area')).toBe(other);
    expect(isConditionFailed(other)).toBe(false);
  });

  it('is NotFound when the record is missing', () => {
    const error = conditionError(conditionFailed(), 'area');
    expect(error).toBeInstanceOf(NotFound);
    expect((error as NotFound).status).toBe(404);
    expect((error as NotFound).message).toContain('area');
  });

  it('is VersionConflict with the current version for a plain item', () => {
    const error = conditionError(conditionFailed({ version: 3 }), 'area') as VersionConflict;
    expect(error).toBeInstanceOf(VersionConflict);
    expect(error.status).toBe(409);
    expect(error.code).toBe('version_conflict');
    expect(error.headers).toEqual({ etag: '"3"' });
  });

  it('is VersionConflict with the current version for a marshalled item', () => {
    const error = conditionError(
      conditionFailed({ version: { N: '3' }, PK: { S: 'T#t1' } }),
      'area',
    ) as VersionConflict;
    expect(error).toBeInstanceOf(VersionConflict);
    expect(error.headers).toEqual({ etag: '"3"' });
  });

  it('is VersionConflict without an ETag when the item has no version', () => {
    const error = conditionError(conditionFailed({ PK: { S: 'T#t1' } }), 'area') as VersionConflict;
    expect(error).toBeInstanceOf(VersionConflict);
    expect(error.headers).toBeUndefined();
  });
});
