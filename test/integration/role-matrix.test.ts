import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes.ts';
import { ALL_ROLES, type Role } from '../../shared/domain/values.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** Ids that exist nowhere: an allowed role then gets 400/404/428, never 401 or 403. */
const pathFor = (path: string) => path.replace(/\{\w+\}/g, '01jabcdefghjkmnpqrstvwxyz0');

const cases = routes
  .filter((route) => route.roles !== 'public')
  .flatMap((route) =>
    ALL_ROLES.map((role) => ({ route, role, allowed: (route.roles as readonly Role[]).includes(role) })),
  );

describe('every route × every role matches the role table', () => {
  let stack: Stack;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
  });
  afterAll(() => stack.stop());

  it.each(cases.map((c) => [`${c.route.method} ${c.route.path}`, c.role, c.allowed, c] as const))(
    '%s as %s (allowed: %s)',
    async (_name, role, allowed, { route }) => {
      const answer = await call(stack, route.method, pathFor(route.path), {
        token: tokens[role],
        body: route.body ? {} : undefined,
      });
      if (allowed) {
        expect([401, 403]).not.toContain(answer.status);
        expect(answer.status).toBeLessThan(500);
      } else {
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('forbidden');
      }
    },
  );

  it('a forbidden role writes nothing', async () => {
    const before = await call(stack, 'GET', '/areas', { token: tokens.chair });
    const answer = await call(stack, 'POST', '/areas', {
      token: tokens.manager,
      body: { name: 'Wychavon', onsCode: 'E07000238', alertEmails: [] },
    });
    expect(answer.status).toBe(403);
    const after = await call(stack, 'GET', '/areas', { token: tokens.chair });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});
