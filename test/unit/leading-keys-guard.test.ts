import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedFor, leadingKeysGuard, leadingKeysOf } from '../../infra/local/leading-keys-guard.ts';

const ddb = mockClient(DynamoDBDocumentClient);
afterAll(() => ddb.restore());

describe('the local leading-keys guard (what IAM does to a tenant session in AWS)', () => {
  it('reads the partition keys of every kind of command', () => {
    expect(leadingKeysOf('GetCommand', { Key: { PK: 'T#a', SK: 'X' } })).toEqual(['T#a']);
    expect(
      leadingKeysOf('QueryCommand', {
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':pk': 'T#a#PEOPLE#x', ':prefix': 'b' },
      }),
    ).toEqual(['T#a#PEOPLE#x']);
    expect(
      leadingKeysOf('TransactWriteCommand', {
        TransactItems: [{ Put: { Item: { PK: 'T#a' } } }, { Delete: { Key: { PK: 'PARTNERSHIPNAME#x' } } }],
      }),
    ).toEqual(['T#a', 'PARTNERSHIPNAME#x']);
    expect(
      leadingKeysOf('BatchWriteCommand', {
        RequestItems: {
          t: [{ PutRequest: { Item: { PK: 'T#a' } } }, { DeleteRequest: { Key: { PK: 'T#b' } } }],
        },
      }),
    ).toEqual(['T#a', 'T#b']);
    expect(leadingKeysOf('ScanCommand', {})).toEqual([undefined]);
  });

  it('allows the tenant’s own partitions and the name locks, and nothing else', () => {
    expect(allowedFor('a', 'T#a')).toBe(true);
    expect(allowedFor('a', 'T#a#ALERTS#x')).toBe(true);
    expect(allowedFor('a', 'PARTNERSHIPNAME#leeds')).toBe(true);
    expect(allowedFor('a', 'T#ab')).toBe(false);
    expect(allowedFor('a', 'T#b')).toBe(false);
    expect(allowedFor('a', 'OPSAUDIT')).toBe(false);
    expect(allowedFor('a', undefined)).toBe(false);
  });

  it('refuses a command outside the tenant before it reaches the table', async () => {
    // Prepare
    ddb.reset();
    ddb.on(GetCommand).resolves({ Item: { PK: 'T#a' } });
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' }));
    const table = await leadingKeysGuard({ db, name: 'T' }).forTenant('a');
    // Act and assess
    await expect(
      table.db.send(new GetCommand({ TableName: 'T', Key: { PK: 'T#a', SK: 'X' } })),
    ).resolves.toEqual({
      Item: { PK: 'T#a' },
    });
    await expect(
      table.db.send(new GetCommand({ TableName: 'T', Key: { PK: 'T#b', SK: 'X' } })),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(
      table.db.send(
        new QueryCommand({
          TableName: 'T',
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': 'T#b' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(table.db.send(new ScanCommand({ TableName: 'T' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    await expect(
      table.db.send(
        new BatchWriteCommand({ RequestItems: { T: [{ DeleteRequest: { Key: { PK: 'T#b', SK: 'x' } } }] } }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(
      table.db.send(
        new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 'T', Item: { PK: 'OPSAUDIT' } } }] }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(ddb.calls()).toHaveLength(1);
  });
});
