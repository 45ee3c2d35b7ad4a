import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import { call } from './harness.ts';

describe('when DynamoDB is unreachable', () => {
  let dynamo: DynamoDbLocal;
  let stack: LocalStack;
  let chair: string;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal();
    stack = await startLocalStack({
      port: 0,
      dynamoEndpoint: dynamo.endpoint,
      tableName: `down-${randomUUID()}`,
      seedDemo: true,
      quiet: true,
    });
    chair = await stack.token('chair@example.test');
    await dynamo.stop();
  });
  afterAll(async () => {
    await stack.stop();
    await dynamo.stop();
  });

  it('answers 503 unavailable with Retry-After, never 500', async () => {
    const read = await call(stack, 'GET', '/areas', { token: chair });
    expect(read.status).toBe(503);
    expect(read.body.error.code).toBe('unavailable');
    expect(read.headers.get('retry-after')).toBeTruthy();
    const write = await call(stack, 'POST', '/areas', {
      token: chair,
      body: { name: 'Malvern Hills', onsCode: 'E07000235' },
    });
    expect(write.status).toBe(503);
  });

  it('still answers /health, which needs no dependency', async () => {
    expect((await call(stack, 'GET', '/health')).status).toBe(200);
  });
});
