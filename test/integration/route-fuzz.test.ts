import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList as routes } from '../../functions/api/routes.ts';
import type { Role } from '../../shared/domain/values.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** Ids no record has: reaching a handler with one answers 404 and writes nothing. */
const MISSING_ID = '01jzzzzzzzzzzzzzzzzzzzzzzz';
const pathWith = (path: string, id = MISSING_ID) => path.replace(/\{\w+\}/g, encodeURIComponent(id));

const UNICODE = ['\u0000', '\ud800', '\u202e', '\u200b', '😀'.repeat(50), 'Ω≈ç√', '\ufeff', 'e\u0301', '𝕬'];
const RAW_BODIES = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '{"a":1}}',
  '\u0000',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  JSON.stringify({ name: 'x'.repeat(100_000) }),
  JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, n) => [`k${n}`, n]))),
];
const oddJson = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.dictionary(
    fc.string(),
    fc.oneof(fc.constantFrom(...UNICODE), fc.string({ unit: 'grapheme' }), fc.integer(), fc.constant(null)),
    { maxKeys: 6 },
  ),
  fc.letrec((tie) => ({
    deep: fc.oneof(
      { depthSize: 'small' },
      fc.constant('x'),
      fc.dictionary(fc.string(), tie('deep'), { maxKeys: 2 }),
    ),
  })).deep,
);
const QUERIES = [
  'limit=-1',
  'limit=abc',
  'limit=100000',
  'cursor=%25%25%25',
  `cursor=${'A'.repeat(3000)}`,
  'from=2026-13',
  'to=20261',
  'areaId=%23%23',
  'status=nope',
  'q=',
  `q=${'x'.repeat(500)}`,
  'due=later',
  'sort=sideways',
  'order=up',
  'assignee=nobody',
  'releasingWithinDays=0',
  'releasingWithinDays=1e9',
];
const PATH_IDS = ['a#b', '..', '%00', 'x'.repeat(300), '😀', 'ab'];

describe('every route under malformed input', () => {
  let stack: Stack;
  let tokens: Record<Role, string>;

  const count = async () => {
    let total = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await stack.table.db.send(
        new ScanCommand({
          TableName: stack.tableName,
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      total += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return total;
  };

  beforeAll(async () => {
    stack = await startTestStack({ throttle: false });
    tokens = await demoTokens(stack);
  });
  afterAll(() => stack.stop());

  const targets = routes.filter((route) => route.roles !== 'public');

  it.each(targets.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers 4xx and writes nothing',
    async (_name, route) => {
      const token = tokens[(route.roles as readonly Role[])[0] as Role];
      const before = await count();
      const statuses: number[] = [];
      const send = async (path: string, options: Parameters<typeof call>[3]) => {
        const answer = await call(stack, route.method, path, {
          token,
          headers: { 'if-match': '"1"', ...options?.headers },
          ...options,
        });
        statuses.push(answer.status);
        expect(answer.status, `${route.method} ${path}`).toBeLessThan(500);
        if (answer.status >= 400)
          expect(answer.body?.error?.code, `${route.method} ${path}`).toEqual(expect.any(String));
        return answer.status;
      };
      if (route.body || route.method !== 'GET') {
        for (const raw of RAW_BODIES) {
          expect(
            await send(pathWith(route.path), {
              rawBody: raw,
              headers: { 'content-type': 'application/json' },
            }),
          ).toBeGreaterThanOrEqual(400);
        }
        await fc.assert(
          fc.asyncProperty(oddJson, async (body) => {
            expect(await send(pathWith(route.path), { body: body ?? null })).toBeGreaterThanOrEqual(400);
          }),
          { numRuns: 15 },
        );
      }
      if (route.path.includes('{')) {
        for (const id of PATH_IDS)
          expect(await send(pathWith(route.path, id), {})).toBeGreaterThanOrEqual(400);
      }
      // Routes that take a query must refuse junk; the others ignore it, as API Gateway passes it on.
      for (const query of QUERIES) await send(`${pathWith(route.path)}?${query}`, {});
      expect(statuses.length).toBeGreaterThan(0);
      expect(await count()).toBe(before);
    },
  );

  it('answers an oversized body with 413 before any handler runs', async () => {
    const answer = await call(stack, 'POST', '/areas', {
      token: tokens.chair,
      rawBody: 'x'.repeat(11 * 1024 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(413);
  });
});

describe('rate limits', () => {
  let stack: Stack;
  afterAll(() => stack.stop());

  it('answer 429 with Retry-After past a route’s burst', async () => {
    stack = await startTestStack();
    const operator = await stack.token('operator@example.test');
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => call(stack, 'GET', '/admin/partnerships', { token: operator })),
    );
    const throttled = answers.filter((answer) => answer.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]?.body.error.code).toBe('throttled');
    expect(throttled[0]?.headers.get('retry-after')).toBeTruthy();
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(10);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await call(stack, 'GET', '/admin/partnerships', { token: operator })).status).toBe(200);
  });
});
