import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const HEADER =
  'given_name,family_name,date_of_birth,sex,prison_number,area,substance_group,establishment,expected_release_date';

async function upload(stack: LocalStack, token: string, csv: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.apiUrl}/imports/releases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', ...headers },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as { importId: string } };
}

async function finished(stack: LocalStack, token: string, importId: string) {
  await stack.bus.idle();
  return (await call(stack, 'GET', `/imports/${importId}`, { token })).body;
}

const prisonNumber = (n: number) =>
  `C${String(n).padStart(4, '0')}${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(65 + (n % 26))}`;

describe('release list import', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areas: { worcs: string; hereford: string };
  let soon: string;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
    soon = addDays(dateOf(new Date()), 10);
  });
  afterAll(() => stack.stop());

  it('reads a byte-order mark, CRLF, quoted commas, blank lines and headers in any case', async () => {
    const csv = [
      '\ufeffGiven Name,FAMILY-NAME,Date_Of_Birth,sex,Prison Number,area,substance group,establishment,Expected Release Date',
      `"Sam","Jones, Jr",15/06/1988,Male,a1001aa,worcestershire,Opiate,hei,${soon}`,
      '',
      `Amy,"O""Neil",1990-01-02,female,A1002AA,E06000019,non opiate and alcohol,BMI,${soon.split('-').reverse().join('/')}`,
      '   ',
    ].join('\r\n');
    const posted = await upload(stack, tokens.manager, csv);
    expect(posted.status).toBe(202);
    const result = await finished(stack, tokens.manager, posted.body.importId);
    expect(result).toMatchObject({
      status: 'completed',
      total: 2,
      processed: 2,
      created: 2,
      matched: 0,
      errors: [],
    });
    const found = await call(stack, 'GET', '/people?q=A1001AA', { token: tokens.manager });
    expect(found.body.items[0]).toMatchObject({
      familyName: 'Jones, Jr',
      areaId: areas.worcs,
      substanceGroup: 'opiate',
    });
    const amy = (await call(stack, 'GET', '/people?q=A1002AA', { token: tokens.manager })).body.items[0];
    expect(amy).toMatchObject({
      familyName: 'O"Neil',
      areaId: areas.hereford,
      substanceGroup: 'non_opiate_and_alcohol',
    });
    const referral = (await call(stack, 'GET', `/referrals/${amy.referralIds[0]}`, { token: tokens.manager }))
      .body;
    expect(referral).toMatchObject({
      pathway: 'continuity_of_care',
      status: 'referred',
      expectedReleaseOn: soon,
      establishment: 'BMI',
    });
  });

  it('fails a file with any bad row whole, naming every bad row and column, and creates nothing', async () => {
    const before = (await call(stack, 'GET', '/referrals?limit=200', { token: tokens.manager })).body.items
      .length;
    const csv = [
      HEADER,
      `Ok,Row,1980-01-01,male,A1003AA,Worcestershire,opiate,HEI,${soon}`,
      `Bad,Date,31/02/1980,male,A1004AA,Worcestershire,opiate,HEI,${soon}`,
      `Bad,Area,1980-01-01,male,A1005AA,Atlantis,opiate,HEI,${soon}`,
      `Dup,Number,1980-01-01,male,A1003AA,Worcestershire,opiate,HEI,${soon}`,
      'Short,Row,1980-01-01',
    ].join('\n');
    const posted = await upload(stack, tokens.manager, csv);
    expect(posted.status).toBe(202);
    const result = await finished(stack, tokens.manager, posted.body.importId);
    expect(result.status).toBe('failed');
    expect(result.created).toBe(0);
    expect(result.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '2:date_of_birth',
      '3:area',
      '4:prison_number',
      '5:row',
    ]);
    expect(result.errors[2].message).toMatch(/already on row 1/);
    expect((await call(stack, 'GET', '/people?q=A1003AA', { token: tokens.manager })).body.items).toEqual([]);
    expect(
      (await call(stack, 'GET', '/referrals?limit=200', { token: tokens.manager })).body.items,
    ).toHaveLength(before);
  });

  it('names a missing or unknown column, and refuses another media type', async () => {
    const posted = await upload(stack, tokens.manager, 'given_name,family_name,colour\nA,B,red\n');
    const result = await finished(stack, tokens.manager, posted.body.importId);
    expect(result.status).toBe('failed');
    const fields = result.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('colour');
    expect(fields).toContain('prison_number');
    const wrong = await upload(stack, tokens.manager, '{}', { 'content-type': 'application/json' });
    expect(wrong.status).toBe(415);
  });

  it('matches existing people by prison number instead of duplicating them', async () => {
    const existing = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { prisonNumber: 'A1006AA' },
    );
    const awaiting = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { expectedReleaseOn: soon },
      { prisonNumber: 'A1007AA' },
    );
    const csv = [
      HEADER,
      `Any,Name,1980-01-01,male,A1006AA,Worcestershire,opiate,HEI,${soon}`,
      `Any,Name,1980-01-01,male,A1007AA,Worcestershire,opiate,HEI,${soon}`,
    ].join('\n');
    const result = await finished(
      stack,
      tokens.manager,
      (await upload(stack, tokens.manager, csv)).body.importId,
    );
    expect(result).toMatchObject({ status: 'completed', created: 0, matched: 2 });
    const person = (await call(stack, 'GET', `/people/${existing.person.id}`, { token: tokens.manager }))
      .body;
    expect(person.referralIds).toHaveLength(2);
    expect(person.familyName).toBe(existing.person.familyName);
    // One already awaiting release gets no second referral.
    const other = (await call(stack, 'GET', `/people/${awaiting.person.id}`, { token: tokens.manager })).body;
    expect(other.referralIds).toHaveLength(1);
  });

  it('replays a repeated Idempotency-Key and creates one import', async () => {
    const csv = `${HEADER}\nIdem,Potent,1980-01-01,male,A1008AA,Worcestershire,opiate,HEI,${soon}\n`;
    const first = await upload(stack, tokens.manager, csv, { 'idempotency-key': 'import-1' });
    const second = await upload(stack, tokens.manager, csv, { 'idempotency-key': 'import-1' });
    expect(second.body.importId).toBe(first.body.importId);
    const other = await upload(stack, tokens.manager, `${csv}\n`.replace('Idem', 'Other'), {
      'idempotency-key': 'import-1',
    });
    expect(other.status).toBe(409);
  });

  it('offers the template, and only to managers', async () => {
    const response = await fetch(`${stack.apiUrl}/imports/releases/template.csv`, {
      headers: { authorization: `Bearer ${tokens.manager}` },
    });
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(HEADER);
    // The template itself is a valid file (its example date aside).
    expect((await upload(stack, tokens.caseworker, text)).status).toBe(403);
    expect((await call(stack, 'GET', '/imports/releases/template.csv', { token: tokens.chair })).status).toBe(
      403,
    );
  });

  it('keeps imports within the tenant', async () => {
    const csv = `${HEADER}\nTen,Ant,1980-01-01,male,A1009AA,Worcestershire,opiate,HEI,${soon}\n`;
    const { importId } = (await upload(stack, tokens.manager, csv)).body;
    const other = await otherTenant(stack, tokens.operator);
    await call(stack, 'POST', '/members', {
      token: other.chair,
      body: {
        email: 'mgr@imports-other.example.test',
        name: 'Other Manager',
        role: 'manager',
        areaIds: [other.area.id],
      },
    });
    const otherManager = await stack.token('mgr@imports-other.example.test');
    expect((await call(stack, 'GET', `/imports/${importId}`, { token: otherManager })).status).toBe(404);
    // Another tenant's area name is not one of this manager's areas.
    const cross = await upload(
      stack,
      otherManager,
      `${HEADER}\nX,Y,1980-01-01,male,A1010AA,Worcestershire,opiate,HEI,${soon}\n`,
    );
    expect((await finished(stack, otherManager, cross.body.importId)).errors[0].field).toBe('area');
  });

  it('completes a file of 5,000 rows', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, n) =>
        `Given${n},Family${n},1985-03-04,female,${prisonNumber(n)},${n % 2 ? 'Worcestershire' : 'Herefordshire'},alcohol,HEI,${soon}`,
    );
    const posted = await upload(stack, tokens.manager, [HEADER, ...rows].join('\n'));
    expect(posted.status).toBe(202);
    const result = await finished(stack, tokens.manager, posted.body.importId);
    expect(result).toMatchObject({
      status: 'completed',
      total: 5000,
      processed: 5000,
      created: 5000,
      matched: 0,
    });
    const sample = await call(stack, 'GET', `/people?q=${prisonNumber(4321)}`, { token: tokens.manager });
    expect(sample.body.items[0]).toMatchObject({ givenName: 'Given4321' });
  }, 300_000);
});

describe('HMPPS prisoner released events', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areas: { worcs: string; hereford: string };

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
  });
  afterAll(() => stack.stop());

  const event = (nomsNumber: string, reason = 'RELEASED', occurredAt = new Date().toISOString()) => ({
    eventType: 'prison-offender-events.prisoner.released',
    occurredAt,
    version: 1,
    description: 'A prisoner has been released',
    additionalInformation: { nomsNumber, prisonId: 'HEI', reason, details: 'Movement reason code CR' },
  });
  const feed = (body: unknown) => call(stack, 'POST', '/_local/hmpps-events', { body });
  const referralOf = async (id: string) =>
    (await call(stack, 'GET', `/referrals/${id}`, { token: tokens.caseworker })).body;

  it('records a release and starts the alert clock; the same event twice changes nothing', async () => {
    const { referral } = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { expectedReleaseOn: dateOf(new Date()) },
      { prisonNumber: 'A2001AA' },
    );
    const first = await feed(event('A2001AA'));
    expect(first.body).toEqual({ outcome: 'recorded', referrals: 1 });
    const after = await referralOf(referral.id);
    expect(after).toMatchObject({
      status: 'released',
      releasedOn: dateOf(new Date()),
      establishment: 'HEI',
      nextDueRule: 'no_first_appointment',
    });
    const again = await feed(
      event('A2001AA', 'RELEASED', `${(await referralOf(referral.id)).releasedOn}T09:00:00Z`),
    );
    expect(again.body.outcome).toBe('duplicate');
    const repeat = await feed(event('A2001AA'));
    expect(repeat.body.outcome).toBe('duplicate');
    expect((await referralOf(referral.id)).version).toBe(after.version);
    const timeline = await call(stack, 'GET', `/referrals/${referral.id}/timeline`, {
      token: tokens.caseworker,
    });
    expect(timeline.body.items.filter((item: { kind: string }) => item.kind === 'released')).toHaveLength(1);
    expect(timeline.body.items.at(-1).by.name).toBe('HMPPS prisoner event');
  });

  it.each(['TEMPORARY_ABSENCE_RELEASE', 'SENT_TO_COURT', 'TRANSFERRED', 'RELEASED_TO_HOSPITAL'])(
    'notes %s on the timeline without starting the clock',
    async (reason) => {
      const number = `A3${String(reason.length).padStart(3, '0')}BB`;
      const { referral } = await personWithReferral(
        stack,
        tokens.caseworker,
        areas.worcs,
        {},
        { prisonNumber: number },
      );
      const answer = await feed(event(number, reason));
      expect(answer.body).toEqual({ outcome: 'recorded', referrals: 1 });
      const after = await referralOf(referral.id);
      expect(after.status).toBe('referred');
      expect(after.releasedOn).toBeUndefined();
      const timeline = await call(stack, 'GET', `/referrals/${referral.id}/timeline`, {
        token: tokens.caseworker,
      });
      expect(timeline.body.items.at(-1)).toMatchObject({ kind: 'release_event' });
      expect((await feed(event(number, reason, answer.body.occurredAt))).status).toBe(200);
    },
  );

  it('counts and drops an unknown prison number, storing nothing', async () => {
    const answer = await feed(event('Z9999ZZ'));
    expect(answer.body).toEqual({ outcome: 'unknown_prison_number', referrals: 0 });
  });

  it('records the release in every partnership that follows the person', async () => {
    const mine = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      {},
      { prisonNumber: 'A4001AA' },
    );
    const other = await otherTenant(stack, tokens.operator);
    await call(stack, 'POST', '/members', {
      token: other.chair,
      body: {
        email: 'cw@hmpps-other.example.test',
        name: 'Other Worker',
        role: 'caseworker',
        areaIds: [other.area.id],
      },
    });
    const otherWorker = await stack.token('cw@hmpps-other.example.test');
    const theirs = await personWithReferral(
      stack,
      otherWorker,
      other.area.id,
      {},
      { prisonNumber: 'A4001AA' },
    );
    const answer = await feed(event('A4001AA'));
    expect(answer.body).toEqual({ outcome: 'recorded', referrals: 2 });
    expect((await referralOf(mine.referral.id)).status).toBe('released');
    const theirsNow = await call(stack, 'GET', `/referrals/${theirs.referral.id}`, { token: otherWorker });
    expect(theirsNow.body.status).toBe('released');
  });

  it('ignores a known person with no referral awaiting release', async () => {
    await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { prisonNumber: 'A5001AA' },
    );
    expect((await feed(event('A5001AA'))).body).toEqual({ outcome: 'ignored', referrals: 0 });
  });

  it('answers 400 to a malformed event and writes nothing', async () => {
    for (const body of [
      {},
      { ...event('A2001AA'), eventType: 'something.else' },
      { ...event('A2001AA'), occurredAt: 'yesterday' },
      event('12345'),
    ]) {
      const answer = await feed(body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
    }
  });
});
