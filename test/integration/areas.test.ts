import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('areas', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
  });
  afterAll(() => stack.stop());

  const create = (body: unknown, headers: Record<string, string> = {}) =>
    call(stack, 'POST', '/areas', { token: tokens.chair, body, headers });

  it('adds an area, normalising the ONS code and emails, and answers it with an ETag', async () => {
    const answer = await create({
      name: 'Malvern Hills',
      onsCode: ' e07000235 ',
      alertEmails: ['Team@Example.test'],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      name: 'Malvern Hills',
      onsCode: 'E07000235',
      alertEmails: ['team@example.test'],
      version: 1,
    });
    expect(answer.headers.get('etag')).toBe('"1"');
    const read = await call(stack, 'GET', `/areas/${answer.body.id}`, { token: tokens.caseworker });
    expect(read.body).toEqual(answer.body);
  });

  it.each([
    [{ name: 'Bad', onsCode: 'E1234' }, 'onsCode', /ONS code.*got "E1234"/],
    [{ name: 'Welsh', onsCode: 'W06000015' }, 'onsCode', /English local authority/],
    [{ name: '', onsCode: 'E07000236' }, 'name', /must not be empty/],
    [{ onsCode: 'E07000236' }, 'name', /required/],
    [{ name: 'X', onsCode: 'E07000236', alertEmails: ['not-an-email'] }, 'alertEmails.0', /email address/],
    [{ name: 'X', onsCode: 'E07000236', colour: 'red' }, 'colour', /not a field/],
  ])('refuses %j naming %s, and writes nothing', async (body, field, message) => {
    const before = (await call(stack, 'GET', '/areas', { token: tokens.chair })).body.items.length;
    const answer = await create(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.fields[field]).toMatch(message);
    expect((await call(stack, 'GET', '/areas', { token: tokens.chair })).body.items).toHaveLength(before);
  });

  it('refuses a second area with the same ONS code', async () => {
    const answer = await create({ name: 'Worcestershire again', onsCode: 'E10000034' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('duplicate');
  });

  it.each([
    [
      'malformed JSON',
      { rawBody: '{"name": ', headers: { 'content-type': 'application/json' } },
      400,
      'malformed_json',
    ],
    [
      'an empty body',
      { rawBody: '', headers: { 'content-type': 'application/json' } },
      400,
      'malformed_json',
    ],
    [
      'another media type',
      { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'unsupported_media_type',
    ],
    ['an oversized body', { body: { name: 'x'.repeat(70_000), onsCode: 'E07000236' } }, 413, 'too_large'],
  ])('answers %s with the error shape', async (_name, options, status, code) => {
    const answer = await call(stack, 'POST', '/areas', { token: tokens.chair, ...options });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
  });

  it('changes an area with If-Match, moving its ONS code', async () => {
    const created = await create({ name: 'Wyre Forest', onsCode: 'E07000239' });
    const changed = await call(stack, 'PATCH', `/areas/${created.body.id}`, {
      token: tokens.chair,
      body: { onsCode: 'E07000237', alertEmails: ['wyre@example.test'] },
      headers: { 'if-match': created.headers.get('etag') as string },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ onsCode: 'E07000237', version: 2, name: 'Wyre Forest' });
    expect(changed.headers.get('etag')).toBe('"2"');
    // The old code is free again, the new one taken.
    expect((await create({ name: 'Reuse old code', onsCode: 'E07000239' })).status).toBe(201);
    expect((await create({ name: 'Clash new code', onsCode: 'E07000237' })).status).toBe(409);
  });

  it('needs If-Match, and refuses a stale one', async () => {
    const created = await create({ name: 'Redditch', onsCode: 'E07000236' });
    const path = `/areas/${created.body.id}`;
    const without = await call(stack, 'PATCH', path, {
      token: tokens.chair,
      body: { name: 'Redditch Borough' },
    });
    expect(without.status).toBe(428);
    const ok = await call(stack, 'PATCH', path, {
      token: tokens.chair,
      body: { name: 'Redditch Borough' },
      headers: { 'if-match': '"1"' },
    });
    expect(ok.status).toBe(200);
    const stale = await call(stack, 'PATCH', path, {
      token: tokens.chair,
      body: { name: 'Stale' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.headers.get('etag')).toBe('"2"');
  });

  it('lets one of two concurrent changes with the same If-Match win', async () => {
    const created = await create({ name: 'Bromsgrove', onsCode: 'E07000234' });
    const change = (name: string) =>
      call(stack, 'PATCH', `/areas/${created.body.id}`, {
        token: tokens.chair,
        body: { name },
        headers: { 'if-match': '"1"' },
      });
    const answers = await Promise.all([change('Bromsgrove A'), change('Bromsgrove B')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('answers a repeated Idempotency-Key with the first response and creates one area', async () => {
    const body = { name: 'Wychavon', onsCode: 'E07000238' };
    const headers = { 'idempotency-key': 'create-wychavon-1' };
    const first = await create(body, headers);
    const second = await create(body, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    const all = (await call(stack, 'GET', '/areas?limit=200', { token: tokens.chair })).body.items;
    expect(all.filter((area: { onsCode: string }) => area.onsCode === 'E07000238')).toHaveLength(1);
    const reused = await create({ ...body, name: 'Different' }, headers);
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('pages with limit and an opaque cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        stack,
        'GET',
        `/areas?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        {
          token: tokens.analyst,
        },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((area: { id: string }) => area.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = (await call(stack, 'GET', '/areas?limit=200', { token: tokens.chair })).body.items;
    expect(seen).toEqual(all.map((area: { id: string }) => area.id));
    expect((await call(stack, 'GET', '/areas?limit=0', { token: tokens.chair })).status).toBe(400);
    expect((await call(stack, 'GET', '/areas?limit=201', { token: tokens.chair })).status).toBe(400);
  });

  it('answers an unknown area id with 404 and a malformed one with 400', async () => {
    expect(
      (await call(stack, 'GET', '/areas/01jzzzzzzzzzzzzzzzzzzzzzzz', { token: tokens.chair })).status,
    ).toBe(404);
    expect((await call(stack, 'GET', '/areas/bad%23id', { token: tokens.chair })).status).toBe(400);
  });
});
