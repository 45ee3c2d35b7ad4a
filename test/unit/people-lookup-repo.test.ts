import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type BatchGetCommandInput, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { holdersOfPrisonNumbers, identitiesOf } from '../../shared/data/people-lookup-repo.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const table = { db: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), name: 'T' };
const number = (n: number) => `A${String(n).padStart(4, '0')}BC`;

beforeEach(() => ddb.reset());

/** Answers each batch with a lock for every even-numbered prison number asked about. */
function locksForEvenNumbers() {
  ddb.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => {
    const asked = input.RequestItems?.T?.Keys ?? [];
    return {
      Responses: {
        T: asked
          .filter((key) => Number(String(key.SK).slice(-6, -2)) % 2 === 0)
          .map((key) => ({ SK: key.SK, personId: `p-${String(key.SK).slice(-7)}` })),
      },
    };
  });
}

describe('holdersOfPrisonNumbers', () => {
  it('reads the locks a hundred a request and answers who holds which', async () => {
    // Prepare
    locksForEvenNumbers();
    const numbers = Array.from({ length: 250 }, (_, n) => number(n));
    // Act
    const holders = await holdersOfPrisonNumbers(table, 't1', numbers);
    // Assess
    const calls = ddb.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems?.T);
    expect(calls.map((request) => request?.Keys?.length)).toEqual([100, 100, 50]);
    expect(calls[0]?.Keys?.[0]).toEqual(keys.prisonNumberLock('t1', number(0)));
    expect(holders.size).toBe(125);
    expect(holders.get(number(4))).toBe(`p-${number(4)}`);
    expect(holders.has(number(5))).toBe(false);
  });

  it('reads a file of 10,000 prison numbers in 100 requests, a few at a time', async () => {
    // Prepare: each answer takes a moment, so requests overlap as they would in DynamoDB.
    let inFlight = 0;
    let most = 0;
    ddb.on(BatchGetCommand).callsFake(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      return { Responses: { T: [] } };
    });
    // Act
    await holdersOfPrisonNumbers(
      table,
      't1',
      Array.from(
        { length: 10_000 },
        (_, n) => `${String.fromCharCode(65 + (n % 26))}${String(n).padStart(4, '0')}AA`,
      ),
    );
    // Assess: no read of one item at a time, and several batches in flight, but bounded.
    expect(ddb.commandCalls(BatchGetCommand)).toHaveLength(100);
    expect(ddb.calls()).toHaveLength(100);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
  });

  it('asks for each prison number once, and for nothing when there are none', async () => {
    // Prepare
    locksForEvenNumbers();
    // Act
    await holdersOfPrisonNumbers(table, 't1', [number(2), number(2), number(3)]);
    await holdersOfPrisonNumbers(table, 't1', []);
    // Assess
    const calls = ddb.commandCalls(BatchGetCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input.RequestItems?.T?.Keys).toHaveLength(2);
  });

  it('asks again for what DynamoDB left unprocessed', async () => {
    // Prepare
    const left = keys.prisonNumberLock('t1', number(2));
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { T: [] }, UnprocessedKeys: { T: { Keys: [left] } } })
      .resolvesOnce({ Responses: { T: [{ SK: left.SK, personId: 'p-2' }] } });
    // Act
    const holders = await holdersOfPrisonNumbers(table, 't1', [number(2)]);
    // Assess
    expect(holders.get(number(2))).toBe('p-2');
    expect(ddb.commandCalls(BatchGetCommand)[1]?.args[0].input.RequestItems?.T?.Keys).toEqual([left]);
  });
});

describe('identitiesOf', () => {
  it('reads only who each person is, through name placeholders', async () => {
    // Prepare
    ddb.on(BatchGetCommand).resolves({
      Responses: {
        T: [{ id: 'p1', givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1980-01-02', areaId: 'a1' }],
      },
    });
    // Act
    const people = await identitiesOf(table, 't1', ['p1', 'p2']);
    // Assess
    const request = ddb.commandCalls(BatchGetCommand)[0]?.args[0].input.RequestItems?.T;
    expect(Object.values(request?.ExpressionAttributeNames ?? {}).sort()).toEqual([
      'areaId',
      'dateOfBirth',
      'familyName',
      'givenName',
      'id',
    ]);
    expect(request?.ProjectionExpression).not.toMatch(/\bid\b/);
    expect(people.get('p1')).toEqual({
      id: 'p1',
      givenName: 'Ann',
      familyName: 'Lee',
      dateOfBirth: '1980-01-02',
      areaId: 'a1',
    });
    expect(people.has('p2')).toBe(false);
  });
});
