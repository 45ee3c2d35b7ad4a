import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_EVENT_SOURCE, IMPORT_QUEUED } from '../../events/import-events.ts';
import { DEMO_PARTNERSHIP } from '../../infra/local/demo-data.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, DEMO, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const HEADER =
  'given_name,family_name,date_of_birth,sex,prison_number,area,substance_group,establishment,expected_release_date';

async function upload(
  stack: LocalStack,
  token: string,
  csv: string,
  headers: Record<string, string> = {},
  query = '',
) {
  const response = await fetch(`${stack.apiUrl}/imports/releases${query}`, {
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
    // Names as a spreadsheet may write them: any case, and the date of birth the UK way.
    const row = (person: { givenName: string; familyName: string; dateOfBirth: string }, number: string) =>
      `${person.givenName.toUpperCase()},${person.familyName.toLowerCase()},${person.dateOfBirth.split('-').reverse().join('/')},male,${number},Worcestershire,opiate,HEI,${soon}`;
    const csv = [HEADER, row(existing.person, 'A1006AA'), row(awaiting.person, 'A1007AA')].join('\n');
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

describe('release list imports stay inside the uploader’s areas, checked before anything is written', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areas: { worcs: string; hereford: string };
  /** A manager who covers Worcestershire only. */
  let northManager: string;
  let herefordWorker: string;
  let soon: string;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
    soon = addDays(dateOf(new Date()), 10);
    const invited = await call(stack, 'POST', '/members', {
      token: tokens.chair,
      body: {
        email: 'north@imports.example.test',
        name: 'Nia North',
        role: 'manager',
        areaIds: [areas.worcs],
      },
    });
    expect(invited.status).toBe(201);
    northManager = await stack.token('north@imports.example.test');
    herefordWorker = await stack.token(DEMO['caseworker.hereford']);
  });
  afterAll(() => stack.stop());

  /** One row for this person as a spreadsheet might write it, with any changes. */
  const rowFor = (
    person: { givenName: string; familyName: string; dateOfBirth: string; prisonNumber: string },
    change: Partial<{ givenName: string; familyName: string; dateOfBirth: string; area: string }> = {},
  ) =>
    [
      change.givenName ?? person.givenName,
      change.familyName ?? person.familyName,
      change.dateOfBirth ?? person.dateOfBirth,
      'male',
      person.prisonNumber,
      change.area ?? 'Worcestershire',
      'opiate',
      'HEI',
      soon,
    ].join(',');
  const file = (...rows: string[]) => [HEADER, ...rows].join('\n');
  const newRow = (prisonNumber: string, given = 'New') =>
    `${given},Person,1990-02-03,female,${prisonNumber},Worcestershire,alcohol,HEI,${soon}`;
  /** Uploads with `?confirm=false` and reads the checked import. */
  async function check(token: string, csv: string) {
    const posted = await upload(stack, token, csv, {}, '?confirm=false');
    expect(posted.status).toBe(202);
    return { importId: posted.body.importId, record: await finished(stack, token, posted.body.importId) };
  }
  const referralsOf = async (personId: string) =>
    (await call(stack, 'GET', `/people/${personId}`, { token: tokens.manager })).body.referralIds as string[];
  const errorsOf = (record: { errors: { row: number; field: string }[] }) =>
    record.errors.map((error) => `${error.row}:${error.field}`);

  it('refuses a prison number held by a person outside the uploader’s areas, whatever name the row gives', async () => {
    // Prepare: a person of Herefordshire, which the North manager does not cover.
    const south = await personWithReferral(
      stack,
      herefordWorker,
      areas.hereford,
      {},
      { givenName: 'Sian', familyName: 'Southgate', prisonNumber: 'D1001AA' },
    );
    // Act: their exact name and date of birth, then a guess.
    const exact = await upload(stack, northManager, file(rowFor(south.person)));
    const exactRecord = await finished(stack, northManager, exact.body.importId);
    const guess = await upload(
      stack,
      northManager,
      file(rowFor(south.person, { givenName: 'Guess', familyName: 'Who', dateOfBirth: '1970-01-01' })),
    );
    const guessRecord = await finished(stack, northManager, guess.body.importId);
    const checked = await check(northManager, file(rowFor(south.person)));
    // Assess: the same one error each time, on the prison number, naming nobody; nothing attached.
    expect(exactRecord).toMatchObject({ status: 'failed', created: 0, matched: 0, errorCount: 1 });
    expect(errorsOf(exactRecord)).toEqual(['1:prison_number']);
    expect(guessRecord.errors).toEqual(exactRecord.errors);
    expect(checked.record).toMatchObject({ status: 'checked', new: 0, matched: 0, matches: [] });
    expect(checked.record.errors).toEqual(exactRecord.errors);
    const message = exactRecord.errors[0].message as string;
    expect(message).toMatch(/outside your areas/);
    for (const secret of ['Sian', 'Southgate', south.person.dateOfBirth, south.person.id])
      expect(JSON.stringify([exactRecord, checked.record])).not.toContain(secret);
    expect(await referralsOf(south.person.id)).toHaveLength(1);
    const caseload = await call(stack, 'GET', '/referrals?limit=200', { token: northManager });
    expect(caseload.body.items.map((item: { personId: string }) => item.personId)).not.toContain(
      south.person.id,
    );
  });

  it('never matches the template’s example row, even to a person holding its prison number', async () => {
    // Prepare: people holding the example's prison number and the old template's.
    const holders = await Promise.all(
      ['A0000AA', 'A1234BC'].map((prisonNumber) =>
        personWithReferral(stack, tokens.caseworker, areas.worcs, {}, { prisonNumber }),
      ),
    );
    const template = await (
      await fetch(`${stack.apiUrl}/imports/releases/template.csv`, {
        headers: { authorization: `Bearer ${tokens.manager}` },
      })
    ).text();
    // Act: the template unchanged, then its example row with a real-looking name.
    const unchanged = await finished(
      stack,
      tokens.manager,
      (await upload(stack, tokens.manager, template)).body.importId,
    );
    const renamed = await check(tokens.manager, template.replace('Example (delete this row)', 'Sam'));
    // Assess
    expect(unchanged).toMatchObject({ status: 'failed', created: 0, matched: 0, errorCount: 1 });
    expect(errorsOf(unchanged)).toEqual(['1:given_name']);
    expect(unchanged.errors[0].message).toMatch(/example row.*delete this row/);
    expect(errorsOf(renamed.record)).toEqual(['1:prison_number']);
    expect(renamed.record).toMatchObject({ new: 0, matched: 0 });
    for (const holder of holders) expect(await referralsOf(holder.person.id)).toHaveLength(1);
  });

  it('matches a person of the uploader’s areas only by the same name and date of birth', async () => {
    // Prepare
    const zoe = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { givenName: 'Zoë', familyName: "O'Brien-Smyth", dateOfBirth: '1979-05-06', prisonNumber: 'D2001AA' },
    );
    const kit = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { givenName: 'Kit', familyName: 'Marlow', dateOfBirth: '1981-08-09', prisonNumber: 'D2002AA' },
    );
    const lee = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { givenName: 'Lee', familyName: 'Ng', dateOfBirth: '1983-10-11', prisonNumber: 'D2003AA' },
    );
    // Act: the same person however the name is typed; then another family name, given name and date of birth.
    const same = await check(
      northManager,
      file(rowFor(zoe.person, { givenName: 'ZOE', familyName: 'obrien smyth', dateOfBirth: '06/05/1979' })),
    );
    const different = await check(
      northManager,
      file(
        rowFor(zoe.person, { familyName: 'Smith' }),
        rowFor(kit.person, { dateOfBirth: '1981-08-10' }),
        rowFor(lee.person, { givenName: 'Leigh' }),
      ),
    );
    // Assess
    expect(same.record).toMatchObject({
      status: 'checked',
      new: 0,
      matched: 1,
      errors: [],
      matches: [{ row: 1, personId: zoe.person.id, name: "Zoë O'Brien-Smyth" }],
    });
    expect(errorsOf(different.record)).toEqual(['1:family_name', '2:date_of_birth', '3:given_name']);
    expect(different.record).toMatchObject({ matched: 0, matches: [] });
    for (const secret of ["O'Brien", '1981-08-09', 'Lee'])
      expect(JSON.stringify(different.record.errors)).not.toContain(secret);
    for (const person of [zoe, kit, lee]) expect(await referralsOf(person.person.id)).toHaveLength(1);
  });

  it('checks with ?confirm=false writing nothing, then applies on request', async () => {
    // Prepare
    const known = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { prisonNumber: 'D3001AA' },
    );
    const csv = file(newRow('D3002AA'), rowFor(known.person));
    // Act
    const { importId, record } = await check(northManager, csv);
    // Assess: what applying would do, and nothing done.
    expect(record).toMatchObject({
      status: 'checked',
      total: 2,
      new: 1,
      matched: 1,
      processed: 0,
      created: 0,
      errors: [],
      errorCount: 0,
      matches: [
        { row: 2, personId: known.person.id, name: `${known.person.givenName} ${known.person.familyName}` },
      ],
    });
    expect((await call(stack, 'GET', '/people?q=D3002AA', { token: tokens.manager })).body.items).toEqual([]);
    expect(await referralsOf(known.person.id)).toHaveLength(1);

    // Act: apply it.
    const applied = await call(stack, 'POST', `/imports/${importId}/apply`, { token: northManager });
    // Assess
    expect(applied.status).toBe(202);
    expect(applied.body).toMatchObject({ id: importId, status: 'queued' });
    expect(await finished(stack, northManager, importId)).toMatchObject({
      status: 'completed',
      processed: 2,
      created: 1,
      matched: 1,
      errorCount: 0,
    });
    expect(
      (await call(stack, 'GET', '/people?q=D3002AA', { token: tokens.manager })).body.items,
    ).toHaveLength(1);
    expect(await referralsOf(known.person.id)).toHaveLength(2);
    const again = await call(stack, 'POST', `/imports/${importId}/apply`, { token: northManager });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('import_not_checked');
  });

  it('refuses to apply a checked file with errors, an import that was not checked, or an unknown one', async () => {
    // Prepare
    const bad = await check(northManager, file(newRow('D5001AA'), newRow('D5001AA', 'Twice')));
    const plain = await upload(stack, northManager, file(newRow('D5002AA')));
    await finished(stack, northManager, plain.body.importId);
    // Act
    const withErrors = await call(stack, 'POST', `/imports/${bad.importId}/apply`, { token: northManager });
    const notChecked = await call(stack, 'POST', `/imports/${plain.body.importId}/apply`, {
      token: northManager,
    });
    const unknown = await call(stack, 'POST', '/imports/01jzzzzzzzzzzzzzzzzzzzzzzz/apply', {
      token: northManager,
    });
    // Assess
    expect(errorsOf(bad.record)).toEqual(['2:prison_number']);
    expect(withErrors.status).toBe(409);
    expect(withErrors.body.error).toMatchObject({
      code: 'import_has_errors',
      message: expect.stringMatching(/1 problem/),
    });
    expect(notChecked.status).toBe(409);
    expect(notChecked.body.error.code).toBe('import_not_checked');
    expect(unknown.status).toBe(404);
    expect((await finished(stack, northManager, bad.importId)).status).toBe('checked');
    expect((await call(stack, 'GET', '/people?q=D5001AA', { token: tokens.manager })).body.items).toEqual([]);
  });

  it('leaves a checked import alone until its uploader applies it, even if the worker is called', async () => {
    // Prepare
    const { importId } = await check(northManager, file(newRow('D8001AA')));
    // Act: the worker's own event, without the apply.
    await stack.bus.publish([
      {
        source: IMPORT_EVENT_SOURCE,
        detailType: IMPORT_QUEUED,
        detail: { tenantId: DEMO_PARTNERSHIP.id, importId },
      },
    ]);
    // Assess
    expect(await finished(stack, northManager, importId)).toMatchObject({ status: 'checked', created: 0 });
    expect((await call(stack, 'GET', '/people?q=D8001AA', { token: tokens.manager })).body.items).toEqual([]);
  });

  it('shows and applies an import to its uploader only', async () => {
    // Prepare
    const known = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { prisonNumber: 'D6001AA' },
    );
    const { importId } = await check(northManager, file(rowFor(known.person)));
    // Act: another manager of the same partnership.
    const read = await call(stack, 'GET', `/imports/${importId}`, { token: tokens.manager });
    const applied = await call(stack, 'POST', `/imports/${importId}/apply`, { token: tokens.manager });
    // Assess
    expect(read.status).toBe(404);
    expect(applied.status).toBe(404);
    expect((await finished(stack, northManager, importId)).status).toBe('checked');
    expect(await referralsOf(known.person.id)).toHaveLength(1);
  });

  it('checks each row again when applying: a person moved out of the uploader’s areas or renamed is not attached', async () => {
    // Prepare: two people matched by a check, then one moved to Herefordshire and one renamed.
    const moving = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { prisonNumber: 'D7001AA' },
    );
    const renamed = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert' },
      { prisonNumber: 'D7002AA' },
    );
    const { importId, record } = await check(
      northManager,
      file(rowFor(moving.person), rowFor(renamed.person), newRow('D7003AA')),
    );
    expect(record).toMatchObject({ new: 1, matched: 2, errorCount: 0 });
    const moved = await call(stack, 'PATCH', `/people/${moving.person.id}`, {
      token: tokens.manager,
      body: { areaId: areas.hereford },
      headers: { 'if-match': `"${moving.person.version}"` },
    });
    expect(moved.status).toBe(200);
    const changed = await call(stack, 'PATCH', `/people/${renamed.person.id}`, {
      token: tokens.manager,
      body: { familyName: 'Different' },
      headers: { 'if-match': `"${renamed.person.version}"` },
    });
    expect(changed.status).toBe(200);
    // Act
    expect((await call(stack, 'POST', `/imports/${importId}/apply`, { token: northManager })).status).toBe(
      202,
    );
    const done = await finished(stack, northManager, importId);
    // Assess: the new person is added; neither changed person gets a referral, each row says why.
    expect(done).toMatchObject({ status: 'completed', processed: 3, created: 1, matched: 0, errorCount: 2 });
    expect(errorsOf(done).sort()).toEqual(['1:prison_number', '2:family_name']);
    expect(await referralsOf(moving.person.id)).toHaveLength(1);
    expect(await referralsOf(renamed.person.id)).toHaveLength(1);
  });

  it('writes an area named like a formula into the template as plain text', async () => {
    // Prepare: an area with a formula for a name, and a manager covering only it.
    const area = await call(stack, 'POST', '/areas', {
      token: tokens.chair,
      body: { name: '=HYPERLINK("http://x")', onsCode: 'E07000236', alertEmails: [] },
    });
    expect(area.status).toBe(201);
    await call(stack, 'POST', '/members', {
      token: tokens.chair,
      body: {
        email: 'formula@imports.example.test',
        name: 'Fay Formula',
        role: 'manager',
        areaIds: [area.body.id],
      },
    });
    const manager = await stack.token('formula@imports.example.test');
    // Act
    const template = await call(stack, 'GET', '/imports/releases/template.csv', { token: manager });
    // Assess: the cell starts with an apostrophe, so a spreadsheet shows it and never runs it.
    expect(template.status).toBe(200);
    const [, example] = parse(template.body as string, { bom: true }) as string[][];
    expect(example?.[5]).toBe(`'=HYPERLINK("http://x")`);
    expect((template.body as string).split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(example?.some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
  });

  it('checks a file of 10,000 rows in one request, looking prison numbers up in batches', async () => {
    // Prepare: a few of the rows are people already followed.
    const known = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        personWithReferral(
          stack,
          tokens.caseworker,
          areas.worcs,
          { pathway: 'divert' },
          { prisonNumber: `E${9000 + n}AA` },
        ),
      ),
    );
    const rows = Array.from(
      { length: 10_000 - known.length },
      (_, n) =>
        `Given${n},Family${n},1985-03-04,female,${prisonNumber(n)},Worcestershire,alcohol,HEI,${soon}`,
    );
    const csv = file(...rows, ...known.map((person) => rowFor(person.person)));
    // Act
    const posted = await upload(stack, northManager, csv, {}, '?confirm=false');
    // Assess (how the reads are batched is test/unit/people-lookup-repo.test.ts's)
    expect(posted.status).toBe(202);
    const record = await finished(stack, northManager, posted.body.importId);
    expect(record).toMatchObject({ status: 'checked', total: 10_000, new: 9995, matched: 5, errorCount: 0 });
    expect(record.matches.map((match: { personId: string }) => match.personId).sort()).toEqual(
      known.map((person) => person.person.id).sort(),
    );
  }, 60_000);
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
