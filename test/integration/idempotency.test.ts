import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, demoAreas, personBody } from './case-fixtures.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('an Idempotency-Key is bound to its method, path, query and body', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areaId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areaId = (await demoAreas(stack, tokens.chair)).worcs;
  });
  afterAll(() => stack.stop());

  const addPerson = async () =>
    (await call(stack, 'POST', '/people', { token: tokens.caseworker, body: personBody(areaId) })).body
      .id as string;

  it('refuses the same key and body on another person’s referrals, and writes nothing for them', async () => {
    // Prepare: two people, and one referral body sent with one key.
    const [first, second] = [await addPerson(), await addPerson()];
    const body = { pathway: 'continuity_of_care', areaId, source: 'HMP Hewell', referredOn: daysAgo(3) };
    const headers = { 'idempotency-key': 'referral-retry-1' };
    const made = await call(stack, 'POST', `/people/${first}/referrals`, {
      token: tokens.caseworker,
      body,
      headers,
    });
    expect(made.status).toBe(201);

    // Act: the same key and body, for the second person.
    const crossed = await call(stack, 'POST', `/people/${second}/referrals`, {
      token: tokens.caseworker,
      body,
      headers,
    });

    // Assess: refused, not answered with the first person's referral; the second has none.
    expect(crossed.status).toBe(409);
    expect(crossed.body.error.code).toBe('idempotency_key_reused');
    const secondPerson = await call(stack, 'GET', `/people/${second}`, { token: tokens.caseworker });
    expect(secondPerson.body.referralIds ?? []).toEqual([]);
    // The true repeat still replays the first answer.
    const repeat = await call(stack, 'POST', `/people/${first}/referrals`, {
      token: tokens.caseworker,
      body,
      headers,
    });
    expect(repeat.status).toBe(201);
    expect(repeat.body.id).toBe(made.body.id);
  });

  it('refuses the same key with another query string', async () => {
    // Prepare
    const csv = 'given_name\nx\n';
    const send = (query: string) =>
      fetch(`${stack.apiUrl}/imports/releases${query}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens.manager}`,
          'content-type': 'text/csv',
          'idempotency-key': 'import-query-1',
        },
        body: csv,
      });
    // Act
    const first = await send('');
    const other = await send('?confirm=false');
    // Assess
    expect(first.status).toBe(202);
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
  });
});
