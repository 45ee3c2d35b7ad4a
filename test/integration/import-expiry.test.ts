import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('a checked release list that nobody applies', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
  });
  afterAll(() => stack.stop());

  it('is let go with its rows after 14 days, and can no longer be applied', async () => {
    // Prepare: a clean list, checked only.
    const template = await call(stack, 'GET', '/imports/releases/template.csv', { token: tokens.manager });
    const [header] = String(template.body).split(/\r?\n/);
    const soon = addDays(dateOf(stack.clock.now()), 20);
    const posted = await call(stack, 'POST', '/imports/releases?confirm=false', {
      token: tokens.manager,
      rawBody: `${header}\nAlex,Turner,1985-04-02,male,C4701AB,Worcestershire,opiate,HEI,${soon}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    const path = `/imports/${posted.body.importId}`;
    const checked = await call(stack, 'GET', path, { token: tokens.manager });
    expect(checked.body.status).toBe('checked');
    expect(Date.parse(checked.body.checkedUntil) - Date.parse(checked.body.createdAt)).toBe(14 * 86_400_000);
    // The rows, holding names and dates of birth, carry DynamoDB's time to live.
    const chunks = await stack.table.db.send(
      new QueryCommand({
        TableName: stack.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.importRecord('demo-worcs-hereford', posted.body.importId).PK,
          ':prefix': keys.importChunkPrefix(posted.body.importId),
        },
      }),
    );
    expect(chunks.Items?.length).toBeGreaterThan(0);
    for (const item of chunks.Items ?? []) expect(typeof item.expiresAt).toBe('number');

    // Act: fifteen days later.
    stack.clock.advance(15 * 86_400_000);
    const applied = await call(stack, 'POST', `${path}/apply`, { token: tokens.manager });

    // Assess
    expect(applied.status).toBe(409);
    expect(applied.body.error.code).toBe('import_not_checked');
    expect((await call(stack, 'GET', path, { token: tokens.manager })).body.status).toBe('checked');
  });
});
