import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../infra/local/demo-data.ts';
import { purgePartnership } from '../../shared/lifecycle/purge.ts';
import { daysAgo, demoAreas, nextPrisonNumber, personBody, personWithReferral } from './case-fixtures.ts';
import { call, DEMO, demoTokens, otherTenant, startTestStack } from './harness.ts';

let nhsSerial = 0;
/** A fresh valid NHS number in the 999 range the NHS keeps for tests (modulus-11 check digit). */
function nextNhsNumber(): string {
  for (;;) {
    nhsSerial += 1;
    const nine = `999${String(nhsSerial).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${nine}${check}`;
  }
}

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

  describe('possible duplicates', () => {
    const ids = (answer: { body: { error: { candidates: string[] } } }) => answer.body.error.candidates;

    it('stops a second person with the same NHS number, naming the first by id only', async () => {
      // Prepare: a person with an NHS number.
      const nhsNumber = nextNhsNumber();
      const first = await create(personBody(areas.worcs, { nhsNumber }));
      expect(first.status).toBe(201);

      // Act: another person (other name, date of birth and prison number), the number typed with spaces.
      const spaced = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
      const second = await create(
        personBody(areas.worcs, { givenName: 'Other', familyName: 'Someone', nhsNumber: spaced }),
      );

      // Assess: 409 naming the first person's id, and nothing about them beyond it.
      expect(second.status).toBe(409);
      expect(second.body.error).toEqual({
        code: 'possible_duplicate',
        message: expect.stringContaining('notDuplicateOf'),
        candidates: [first.body.id],
      });
      expect(JSON.stringify(second.body)).not.toContain(first.body.familyName);
    });

    it.each([
      ["O'Connor", 'oconnor'],
      ['Zoë', 'ZOE'],
      ['Mac Donald-Smith', 'macdonaldsmith'],
    ])('stops the same date of birth with the family name %j written %j', async (written, typed) => {
      // Prepare
      const first = await create(personBody(areas.worcs, { familyName: written }));
      expect(first.status).toBe(201);

      // Act
      const second = await create(
        personBody(areas.worcs, {
          givenName: 'Another',
          familyName: typed,
          dateOfBirth: first.body.dateOfBirth,
        }),
      );

      // Assess
      expect(second.status).toBe(409);
      expect(ids(second)).toEqual([first.body.id]);
    });

    it('lets the same family name with another date of birth through', async () => {
      const first = await create(personBody(areas.worcs, { familyName: 'Quennell' }));
      const second = await create(personBody(areas.worcs, { familyName: 'Quennell' }));
      expect([first.status, second.status]).toEqual([201, 201]);
    });

    it('creates the person once notDuplicateOf names every candidate, and not before', async () => {
      // Prepare: two people who each match the new one, one by NHS number, one by birth and name.
      const nhsNumber = nextNhsNumber();
      const byNumber = await create(personBody(areas.worcs, { nhsNumber }));
      const byName = await create(personBody(areas.worcs, { familyName: 'Ashdown' }));
      const body = personBody(areas.worcs, {
        familyName: 'ASHDOWN',
        dateOfBirth: byName.body.dateOfBirth,
        nhsNumber,
      });

      // Act
      const unconfirmed = await create(body);
      const some = await create({ ...body, notDuplicateOf: [byNumber.body.id] });
      const all = await create({ ...body, notDuplicateOf: [byName.body.id, byNumber.body.id] });

      // Assess: every answer short of all candidates lists all of them; the confirmed one is stored without the list.
      const both = [byNumber.body.id, byName.body.id].sort();
      expect(unconfirmed.status).toBe(409);
      expect(ids(unconfirmed)).toEqual(both);
      expect(some.status).toBe(409);
      expect(ids(some)).toEqual(both);
      expect(all.status).toBe(201);
      expect(all.body.notDuplicateOf).toBeUndefined();
      const read = await call(stack, 'GET', `/people/${all.body.id}`, { token: tokens.caseworker });
      expect(read.body).toMatchObject({ nhsNumber, familyName: 'ASHDOWN' });
      expect(read.body.notDuplicateOf).toBeUndefined();
    });

    it('refuses a notDuplicateOf that is not a list of ids', async () => {
      const answer = await create({ ...personBody(areas.worcs), notDuplicateOf: ['not an id!'] });
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields['notDuplicateOf.0']).toMatch(/id issued by the service/);
    });

    it('names a candidate in an area the caller does not cover, by id only', async () => {
      // Prepare: a Herefordshire person the Worcestershire caseworker cannot see.
      const nhsNumber = nextNhsNumber();
      const elsewhere = await create(personBody(areas.hereford, { nhsNumber }), hereford);
      expect(elsewhere.status).toBe(201);
      expect(
        (await call(stack, 'GET', `/people/${elsewhere.body.id}`, { token: tokens.caseworker })).status,
      ).toBe(404);

      // Act
      const answer = await create(personBody(areas.worcs, { nhsNumber }));

      // Assess
      expect(answer.status).toBe(409);
      expect(ids(answer)).toEqual([elsewhere.body.id]);
      expect(JSON.stringify(answer.body)).not.toContain(elsewhere.body.prisonNumber);
    });

    it('never names another partnership’s person', async () => {
      // Prepare: a caseworker of another partnership adds someone with an NHS number and a date of birth and name.
      const other = await otherTenant(stack, tokens.operator);
      const email = `cw-${other.partnership.id}@other.example.test`;
      await call(stack, 'POST', '/members', {
        token: other.chair,
        body: { email, name: 'Other Worker', role: 'caseworker', areaIds: [other.area.id] },
      });
      const worker = await stack.token(email);
      const nhsNumber = nextNhsNumber();
      const theirs = await create(personBody(other.area.id, { nhsNumber, familyName: 'Elsewhere' }), worker);
      expect(theirs.status).toBe(201);

      // Act
      const ours = await create(
        personBody(areas.worcs, { nhsNumber, familyName: 'Elsewhere', dateOfBirth: theirs.body.dateOfBirth }),
      );

      // Assess
      expect(ours.status).toBe(201);
    });

    it('answers the prison number’s duplicate when the number is held, even by a possible duplicate', async () => {
      const nhsNumber = nextNhsNumber();
      const first = await create(personBody(areas.worcs, { nhsNumber }));
      const again = await create(
        personBody(areas.worcs, { nhsNumber, prisonNumber: first.body.prisonNumber }),
      );
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'duplicate', existingId: first.body.id });
    });

    it('follows a change of NHS number, date of birth or family name', async () => {
      // Prepare
      const oldNumber = nextNhsNumber();
      const newNumber = nextNhsNumber();
      const made = await create(personBody(areas.worcs, { nhsNumber: oldNumber, familyName: 'Pemberton' }));
      const { dateOfBirth } = made.body;

      // Act: new NHS number and family name.
      const changed = await call(stack, 'PATCH', `/people/${made.body.id}`, {
        token: tokens.caseworker,
        body: { nhsNumber: newNumber, familyName: 'Featherstonehaugh' },
        headers: { 'if-match': '"1"' },
      });

      // Assess: the old number and name no longer match; the new ones do.
      expect(changed.status).toBe(200);
      expect((await create(personBody(areas.worcs, { nhsNumber: oldNumber }))).status).toBe(201);
      expect((await create(personBody(areas.worcs, { familyName: 'Pemberton', dateOfBirth }))).status).toBe(
        201,
      );
      const byNumber = await create(personBody(areas.worcs, { nhsNumber: newNumber }));
      expect(ids(byNumber)).toEqual([made.body.id]);
      const byName = await create(personBody(areas.worcs, { familyName: 'featherstone-haugh', dateOfBirth }));
      expect(ids(byName)).toEqual([made.body.id]);

      // Act: the NHS number removed and the date of birth moved.
      const moved = await call(stack, 'PATCH', `/people/${made.body.id}`, {
        token: tokens.caseworker,
        body: { nhsNumber: null, dateOfBirth: '1950-05-05' },
        headers: { 'if-match': '"2"' },
      });

      // Assess
      expect(moved.status).toBe(200);
      expect((await create(personBody(areas.worcs, { nhsNumber: newNumber }))).status).toBe(201);
      expect(
        (await create(personBody(areas.worcs, { familyName: 'Featherstonehaugh', dateOfBirth }))).status,
      ).toBe(201);
      const byNewBirth = await create(
        personBody(areas.worcs, { familyName: 'Featherstonehaugh', dateOfBirth: '1950-05-05' }),
      );
      expect(ids(byNewBirth)).toEqual([made.body.id]);
    });

    it('forgets a purged person: their lookup items go with them', async () => {
      // Prepare: a person whose one case closed yesterday, and a retention of none.
      const nhsNumber = nextNhsNumber();
      const { person, referral } = await personWithReferral(
        stack,
        tokens.caseworker,
        areas.worcs,
        {},
        { nhsNumber },
      );
      const closed = await call(stack, 'POST', `/referrals/${referral.id}/close`, {
        token: tokens.caseworker,
        body: { reason: 'moved_away', closedOn: daysAgo(1) },
      });
      expect(closed.status).toBe(200);
      const lookups = async () =>
        (
          await stack.table.db.send(
            new QueryCommand({
              TableName: stack.tableName,
              KeyConditionExpression: 'PK = :pk',
              FilterExpression: 'personId = :person',
              ExpressionAttributeValues: { ':pk': `T#${DEMO_PARTNERSHIP.id}`, ':person': person.id },
            }),
          )
        ).Items ?? [];
      expect((await lookups()).map((item) => String(item.SK).split('#')[0]).sort()).toEqual(
        expect.arrayContaining(['DOBNAME', 'NHSNO']),
      );

      // Act
      await purgePartnership({ table: stack.table, clock: () => new Date() }, DEMO_PARTNERSHIP.id, 0);

      // Assess: no item of theirs is left, and their NHS number matches nobody.
      expect((await call(stack, 'GET', `/people/${person.id}`, { token: tokens.caseworker })).status).toBe(
        404,
      );
      expect(await lookups()).toEqual([]);
      expect((await create(personBody(areas.worcs, { nhsNumber }))).status).toBe(201);
    });
  });
});
