import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAreas, nextPrisonNumber, personBody } from './case-fixtures.ts';
import { call, DEMO, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('people', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let hereford: string;
  let areas: { worcs: string; hereford: string };

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    hereford = await stack.token(DEMO['caseworker.hereford']);
    areas = await demoAreas(stack, tokens.chair);
  });
  afterAll(() => stack.stop());

  const create = (body: unknown, token = tokens.caseworker) =>
    call(stack, 'POST', '/people', { token, body });

  it('adds a person, normalising the prison and NHS numbers', async () => {
    const answer = await create(
      personBody(areas.worcs, { prisonNumber: ' a9876zz ', nhsNumber: '943 476 5919' }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      prisonNumber: 'A9876ZZ',
      nhsNumber: '9434765919',
      version: 1,
      referralIds: [],
    });
    expect(answer.headers.get('etag')).toBe('"1"');
  });

  it.each([
    [{ nhsNumber: '9434765918' }, 'nhsNumber', /not a valid NHS number/],
    [{ nhsNumber: '12345' }, 'nhsNumber', /10 digits/],
    [{ prisonNumber: '12345AB' }, 'prisonNumber', /letter, 4 digits and 2 letters/],
    [{ dateOfBirth: '2090-01-01' }, 'dateOfBirth', /in the past, got 2090-01-01/],
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', /real date/],
    [{ sex: 'unknown' }, 'sex', /one of female, male, other, not_known/],
    [{ substanceGroup: 'cannabis' }, 'substanceGroup', /one of/],
    [{ flags: ['brave'] }, 'flags.0', /one of/],
    [{ givenName: '' }, 'givenName', /must not be empty/],
  ])('refuses %j naming %s', async (override, field, message) => {
    const answer = await create(personBody(areas.worcs, override));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields[field]).toMatch(message);
  });

  it('refuses a person in an area the caseworker does not cover', async () => {
    const answer = await create(personBody(areas.hereford));
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.areaId).toMatch(/not one of your areas/);
  });

  it('keeps prison numbers unique in the partnership, naming the existing person', async () => {
    const prisonNumber = nextPrisonNumber();
    const first = await create(personBody(areas.worcs, { prisonNumber }));
    const second = await create(personBody(areas.hereford, { prisonNumber }), hereford);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'duplicate', existingId: first.body.id });
  });

  it('finds people by name or prison number, only in the caller’s areas', async () => {
    const prisonNumber = nextPrisonNumber();
    const made = await create(
      personBody(areas.worcs, { givenName: 'Siobhán', familyName: "O'Brien-Smyth", prisonNumber }),
    );
    const byName = await call(stack, 'GET', '/people?q=obrien', { token: tokens.caseworker });
    expect(byName.body.items.map((p: { id: string }) => p.id)).toContain(made.body.id);
    const byFull = await call(stack, 'GET', `/people?q=${encodeURIComponent('Siobhan OBrien')}`, {
      token: tokens.manager,
    });
    expect(byFull.body.items.map((p: { id: string }) => p.id)).toEqual([made.body.id]);
    const byNumber = await call(stack, 'GET', `/people?q=${prisonNumber.toLowerCase()}`, {
      token: tokens.caseworker,
    });
    expect(byNumber.body.items.map((p: { id: string }) => p.id)).toEqual([made.body.id]);
    const otherArea = await call(stack, 'GET', `/people?q=${prisonNumber}`, { token: hereford });
    expect(otherArea.body.items).toEqual([]);
    expect((await call(stack, 'GET', '/people?q=o', { token: tokens.caseworker })).status).toBe(400);
    expect((await call(stack, 'GET', '/people?q=%27-%27', { token: tokens.caseworker })).status).toBe(400);
    const cyrillic = await create(personBody(areas.worcs, { givenName: 'Иван', familyName: 'Петров' }));
    const found = await call(stack, 'GET', `/people?q=${encodeURIComponent('петр')}`, {
      token: tokens.caseworker,
    });
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([cyrillic.body.id]);
  });

  it('pages a search across areas', async () => {
    for (let i = 0; i < 3; i++) await create(personBody(areas.worcs, { familyName: `Pagewood${i}` }));
    for (let i = 0; i < 2; i++)
      await create(personBody(areas.hereford, { familyName: `Pagewood${i}` }), hereford);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        stack,
        'GET',
        `/people?q=pagewood&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        {
          token: tokens.manager,
        },
      );
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
  });

  it('hides another area’s person (404) and changes one only with If-Match', async () => {
    const made = await create(personBody(areas.worcs));
    expect((await call(stack, 'GET', `/people/${made.body.id}`, { token: hereford })).status).toBe(404);
    const path = `/people/${made.body.id}`;
    expect(
      (await call(stack, 'PATCH', path, { token: tokens.caseworker, body: { familyName: 'Hale-Jones' } }))
        .status,
    ).toBe(428);
    const changed = await call(stack, 'PATCH', path, {
      token: tokens.caseworker,
      body: { familyName: 'Hale-Jones', nhsNumber: null },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ familyName: 'Hale-Jones', version: 2 });
    expect(changed.body.nhsNumber).toBeUndefined();
    const found = await call(stack, 'GET', '/people?q=hale-jones', { token: tokens.caseworker });
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(made.body.id);
  });

  it('moves a prison number between people only when it is free', async () => {
    const a = await create(personBody(areas.worcs));
    const b = await create(personBody(areas.worcs));
    const clash = await call(stack, 'PATCH', `/people/${b.body.id}`, {
      token: tokens.caseworker,
      body: { prisonNumber: a.body.prisonNumber },
      headers: { 'if-match': '"1"' },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.existingId).toBe(a.body.id);
    const freed = await call(stack, 'PATCH', `/people/${a.body.id}`, {
      token: tokens.caseworker,
      body: { prisonNumber: nextPrisonNumber() },
      headers: { 'if-match': '"1"' },
    });
    expect(freed.status).toBe(200);
    const taken = await call(stack, 'PATCH', `/people/${b.body.id}`, {
      token: tokens.caseworker,
      body: { prisonNumber: a.body.prisonNumber },
      headers: { 'if-match': '"1"' },
    });
    expect(taken.status).toBe(200);
  });

  it('gives one of two concurrent changes with the same If-Match a 409', async () => {
    const made = await create(personBody(areas.worcs));
    const change = (givenName: string) =>
      call(stack, 'PATCH', `/people/${made.body.id}`, {
        token: tokens.caseworker,
        body: { givenName },
        headers: { 'if-match': '"1"' },
      });
    const answers = await Promise.all([change('Ann'), change('Bea')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('audits every read and change of a person, for managers to see', async () => {
    const made = await create(personBody(areas.worcs));
    await call(stack, 'GET', `/people/${made.body.id}`, { token: tokens.caseworker });
    await call(stack, 'PATCH', `/people/${made.body.id}`, {
      token: tokens.manager,
      body: { flags: [] },
      headers: { 'if-match': '"1"' },
    });
    await call(stack, 'GET', `/people?q=${made.body.prisonNumber}`, { token: tokens.caseworker });
    const audit = await call(stack, 'GET', `/audit?personId=${made.body.id}`, { token: tokens.manager });
    expect(audit.status).toBe(200);
    expect(
      audit.body.items.map(
        (entry: { action: string; by: { role: string } }) => `${entry.action}:${entry.by.role}`,
      ),
    ).toEqual(['create:caseworker', 'read:caseworker', 'update:manager', 'search:caseworker']);
    expect(audit.body.items[0]).toMatchObject({
      record: 'person',
      sourceIp: expect.any(String),
      requestId: expect.any(String),
    });
    expect(
      (await call(stack, 'GET', `/audit?personId=${made.body.id}`, { token: tokens.caseworker })).status,
    ).toBe(403);
  });
});
