import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { mapBounded } from '../../shared/concurrency/pool.ts';
import { keys } from '../../shared/data/keys.ts';
import {
  claimLease,
  deleteItem,
  putItem,
  putNew,
  transactWrite,
  updateItem,
} from '../../shared/data/table-io.ts';
import { NotFound } from '../../shared/errors.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const table = { db: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), name: 'T' };
const meta = { $metadata: { httpStatusCode: 400 } };
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    ...meta,
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

beforeEach(() => ddb.reset());

describe('transactWrite', () => {
  it('sends the builders’ writes on the table, in order', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const key = keys.area('t1', 'a1');
    await transactWrite(table, [
      putNew({ ...key, id: 'a1' }),
      putItem({ ...keys.partnership('t1') }),
      updateItem(key, { set: { name: 'Leeds' } }),
      deleteItem(keys.areaOnsCodeLock('t1', 'E1'), true),
    ]);
    const sent = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(sent.map((item) => Object.keys(item)[0])).toEqual(['Put', 'Put', 'Update', 'Delete']);
    expect(sent.every((item) => Object.values(item)[0]?.TableName === 'T')).toBe(true);
    expect(sent[0]?.Put?.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(sent[1]?.Put?.ConditionExpression).toBeUndefined();
    expect(sent[3]?.Delete?.ConditionExpression).toBe('attribute_exists(PK)');
  });

  it('lets the caller name the error of a failed condition, by the item that failed', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
    await expect(
      transactWrite(table, [putNew({ PK: 'a', SK: 'b' })], (failed) =>
        failed.includes(1) ? new NotFound('person') : undefined,
      ),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('rethrows DynamoDB’s error when the caller names none, or nothing failed a condition', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed'));
    await expect(transactWrite(table, [], () => undefined)).rejects.toBeInstanceOf(
      TransactionCanceledException,
    );
    ddb.on(TransactWriteCommand).rejects(cancelled('TransactionConflict'));
    await expect(transactWrite(table, [], () => new NotFound('x'))).rejects.toBeInstanceOf(
      TransactionCanceledException,
    );
  });
});

describe('claimLease', () => {
  const lease = {
    item: { PK: 'T#t1', SK: 'ALERTMAIL#a', state: 'sending', leaseUntil: 160 },
    holding: 'sending',
    until: 'leaseUntil',
    retryable: ['failed'],
    now: new Date(100_000),
  };

  it('claims when absent, retryable, or held past its lease; the condition says so', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await claimLease(table, lease)).toBe(true);
    const input = ddb.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input?.ConditionExpression).toBe(
      'attribute_not_exists(PK) OR #state = :retry0 OR (#state = :holding AND #until < :now)',
    );
    expect(input?.ExpressionAttributeNames).toEqual({ '#state': 'state', '#until': 'leaseUntil' });
    expect(input?.ExpressionAttributeValues).toEqual({
      ':retry0': 'failed',
      ':holding': 'sending',
      ':now': 100,
    });
  });

  it('answers false when another attempt holds it, and throws any other error', async () => {
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'held', ...meta }));
    expect(await claimLease(table, lease)).toBe(false);
    ddb.on(PutCommand).rejects(new Error('boom'));
    await expect(claimLease(table, lease)).rejects.toThrow('boom');
  });
});

describe('mapBounded', () => {
  it('keeps at most `limit` running, and answers in item order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3], 2, async (delay, index) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running -= 1;
      return index * 10;
    });
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(most).toBe(2);
  });

  it('answers nothing for no items, and rejects with the first failure', async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
    await expect(
      mapBounded([1, 2], 2, async (n) => {
        if (n === 2) throw new Error('row 2');
        return n;
      }),
    ).rejects.toThrow('row 2');
  });

  it('starts no new item after a failure, and rejects once the work already started is done', async () => {
    // Prepare
    const started: number[] = [];
    const finished: number[] = [];
    // Act
    const run = mapBounded([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 0) throw new Error('item 0');
      await new Promise((resolve) => setTimeout(resolve, 5));
      finished.push(n);
      return n;
    });
    // Assess
    await expect(run).rejects.toThrow('item 0');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });
});
