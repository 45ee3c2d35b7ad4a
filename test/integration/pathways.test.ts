import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, londonDate, londonDayStart } from '../../shared/domain/dates.ts';
import { demoAreas, personBody } from './case-fixtures.ts';
import { call, DEMO, demoTokens, otherTenant, startTestStack } from './harness.ts';

/**
 * The criminal-justice pathways (API.md "Criminal-justice pathways"): the registers (prisons,
 * custody suites), programmes, each pathway's own fields, drug testing on arrest's required
 * assessments and the failed-to-attend list, DIVERT sessions and outcomes, DRR court reviews, and
 * prisons typed by name. Over real HTTP, against a local stack with the demo partnership.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;
type Tokens = Awaited<ReturnType<typeof demoTokens>>;

const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
/** An ISO time with an explicit offset, as the API asks. */
const withOffset = (when: Date) => when.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` });
const referenceOf = (referralId: string) => `C-${referralId.slice(-8).toUpperCase()}`;
/** Letters only, so a name is unique in the stack. */
const uniqueName = (stem: string) =>
  `${stem}${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .replace(/./g, (c) => String.fromCharCode(c.charCodeAt(0) + 10))}`;
/** An id of the service's shape that no record has. */
const UNKNOWN_ID = '01ZZZZZZZZZZZZZZZZZZZZZZZZ';

const FAILED_TO_ATTEND_HEADER =
  'case_reference,given_name,family_name,date_of_birth,prison_number,custody_suite,tested_on,test_result,assessments_missed,closed_on';

describe('the criminal-justice pathways', () => {
  let stack: Stack;
  let tokens: Tokens;
  let areas: { worcs: string; hereford: string };
  let caseworkerId: string;
  let other: { chair: string; manager: string; areaId: string };
  /** A custody suite of the demo partnership's Worcestershire made for this file. */
  let suite: { id: string; name: string; version: number };
  /** Today in England, and the stack's clock at noon of it. */
  let day0: string;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
    caseworkerId = (await call(stack, 'GET', '/me', { token: tokens.caseworker })).body.memberId;
    const tenant = await otherTenant(stack, tokens.operator);
    const email = `manager@pathways-other-${randomUUID().slice(0, 8)}.example.test`;
    const invited = await call(stack, 'POST', '/members', {
      token: tenant.chair,
      body: { email, name: 'Other manager', role: 'manager', areaIds: [tenant.area.id] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    other = { chair: tenant.chair, manager: await stack.token(email), areaId: tenant.area.id };
    const made = await call(stack, 'POST', '/custody-suites', {
      token: tokens.chair,
      body: {
        name: `Redditch ${uniqueName('Suite')}`,
        policeForce: 'West Mercia Police',
        areaIds: [areas.worcs],
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    suite = made.body;
  });
  beforeEach(() => {
    // Each test starts at noon of today (in England), so "today" is the same whatever the hour.
    day0 = londonDate(new Date());
    stack.clock.set(at(day0, 12));
  });
  afterAll(() => stack.stop());

  // Helpers ---------------------------------------------------------------------------------

  const get = (path: string, token = tokens.caseworker) => call(stack, 'GET', path, { token });
  const post = (path: string, body: unknown, token = tokens.caseworker) =>
    call(stack, 'POST', path, { token, body });
  const patch = (path: string, body: unknown, version: number | string, token = tokens.caseworker) =>
    call(stack, 'PATCH', path, { token, body, headers: ifMatch(version) });
  const view = async (referralId: string, token = tokens.caseworker) =>
    (await get(`/referrals/${referralId}`, token)).body;
  const alertsOf = async (referralId: string) =>
    (await view(referralId)).alerts as {
      id: string;
      rule: string;
      status: string;
      appointmentId?: string;
      resolvedBy?: { memberId: string };
    }[];
  const mailFor = (referralId: string) =>
    stack.mail.list().filter((mail) => mail.text.includes(`/referrals/${referralId}`));
  const fieldsOf = (answer: { body: { error?: { fields?: Record<string, string> } } }) =>
    answer.body.error?.fields ?? {};

  /** A person of the area with a name of their own, and no referral yet. */
  async function newPerson(areaId = areas.worcs, token = tokens.caseworker) {
    const created = await post(
      '/people',
      personBody(areaId, { givenName: uniqueName('Robin'), familyName: uniqueName('Ashdown'), flags: [] }),
      token,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as {
      id: string;
      givenName: string;
      familyName: string;
      dateOfBirth: string;
      prisonNumber: string;
    };
  }
  /** A referral of `person` on `pathway`, referred 10 days ago unless told. */
  const refer = (
    personId: string,
    pathway: string,
    fields: Record<string, unknown> = {},
    token = tokens.caseworker,
  ) =>
    post(
      `/people/${personId}/referrals`,
      { pathway, areaId: areas.worcs, source: 'Custody suite', referredOn: addDays(day0, -10), ...fields },
      token,
    );
  async function referred(pathway: string, fields: Record<string, unknown> = {}) {
    const person = await newPerson();
    const made = await refer(person.id, pathway, fields);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    return { person, referral: made.body };
  }
  const book = (referralId: string, body: Record<string, unknown>) =>
    post(`/referrals/${referralId}/appointments`, { location: 'CGL Worcester hub', ...body });
  const markAppointment = (referralId: string, appointmentId: string, status: string, version = 1) =>
    patch(`/referrals/${referralId}/appointments/${appointmentId}`, { status }, version);
  /** Every row of the caseload the token sees. */
  async function caseload(query = '', token = tokens.caseworker) {
    const items: { id: string; personId: string; programmes: string[] }[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(
        `/referrals?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  // 1. Registers ----------------------------------------------------------------------------

  describe('registers', () => {
    it('lists the prisons of England and Wales by code and name, HMP Hewell among them', async () => {
      // Act
      const answer = await get('/establishments');
      // Assess
      expect(answer.status).toBe(200);
      expect(answer.body.items).toContainEqual({ code: 'HEI', name: 'HMP Hewell' });
      expect(answer.body.items.length).toBeGreaterThan(100);
    });

    it('a chair creates, lists and changes a custody suite; caseworkers read it', async () => {
      // Prepare
      const name = `Bromsgrove ${uniqueName('Suite')}`;
      // Act
      const created = await post(
        '/custody-suites',
        { name, policeForce: 'West Mercia Police', areaIds: [areas.worcs] },
        tokens.chair,
      );
      const listed = await get('/custody-suites?limit=200');
      const one = await get(`/custody-suites/${created.body.id}`);
      const noIfMatch = await call(stack, 'PATCH', `/custody-suites/${created.body.id}`, {
        token: tokens.chair,
        body: { name: `${name} (new)` },
      });
      const changed = await patch(
        `/custody-suites/${created.body.id}`,
        { name: `${name} (new)`, areaIds: [areas.worcs, areas.hereford] },
        created.body.version,
        tokens.chair,
      );
      const stale = await patch(
        `/custody-suites/${created.body.id}`,
        { name },
        created.body.version,
        tokens.chair,
      );
      const after = await get(`/custody-suites/${created.body.id}`);
      // Assess
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ name, policeForce: 'West Mercia Police', areaIds: [areas.worcs] });
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: created.body.id, name });
      expect(noIfMatch.status).toBe(428);
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({
        name: `${name} (new)`,
        areaIds: [areas.worcs, areas.hereford],
        version: created.body.version + 1,
      });
      expect(stale.status).toBe(409);
      expect(after.body).toMatchObject({ name: `${name} (new)`, version: created.body.version + 1 });
    });

    it('a caseworker cannot create or change a suite (403)', async () => {
      // Act
      const created = await post(
        '/custody-suites',
        { name: uniqueName('Suite'), policeForce: 'West Mercia Police', areaIds: [areas.worcs] },
        tokens.caseworker,
      );
      const changed = await patch(`/custody-suites/${suite.id}`, { name: 'Mine now' }, suite.version);
      // Assess
      expect(created.status).toBe(403);
      expect(changed.status).toBe(403);
      expect((await get(`/custody-suites/${suite.id}`)).body.name).toBe(suite.name);
    });

    it('another partnership’s chair gets 404 on this suite, and does not list it', async () => {
      // Act
      const read = await get(`/custody-suites/${suite.id}`, other.chair);
      const changed = await patch(
        `/custody-suites/${suite.id}`,
        { name: 'Taken over' },
        suite.version,
        other.chair,
      );
      const listed = await get('/custody-suites?limit=200', other.chair);
      // Assess
      expect(read.status).toBe(404);
      expect(changed.status).toBe(404);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(suite.id);
      expect((await get(`/custody-suites/${suite.id}`)).body.name).toBe(suite.name);
    });

    it('refuses an unknown area, another partnership’s area and a duplicate name', async () => {
      // Prepare
      const before = (await get('/custody-suites?limit=200', tokens.chair)).body.items.length;
      // Act
      const unknownArea = await post(
        '/custody-suites',
        { name: uniqueName('Suite'), policeForce: 'West Mercia Police', areaIds: [UNKNOWN_ID] },
        tokens.chair,
      );
      const foreignArea = await post(
        '/custody-suites',
        {
          name: uniqueName('Suite'),
          policeForce: 'West Mercia Police',
          areaIds: [areas.worcs, other.areaId],
        },
        tokens.chair,
      );
      const duplicate = await post(
        '/custody-suites',
        { name: suite.name, policeForce: 'West Mercia Police', areaIds: [areas.hereford] },
        tokens.chair,
      );
      const renamedToDuplicate = await (async () => {
        const made = await post(
          '/custody-suites',
          { name: uniqueName('Suite'), policeForce: 'West Mercia Police', areaIds: [areas.worcs] },
          tokens.chair,
        );
        return patch(
          `/custody-suites/${made.body.id}`,
          { name: suite.name },
          made.body.version,
          tokens.chair,
        );
      })();
      const after = (await get('/custody-suites?limit=200', tokens.chair)).body.items.length;
      // Assess
      expect(unknownArea.status).toBe(400);
      expect(Object.keys(fieldsOf(unknownArea))).toEqual(['areaIds']);
      expect(foreignArea.status).toBe(400);
      expect(Object.keys(fieldsOf(foreignArea))).toEqual(['areaIds']);
      expect(duplicate.status).toBe(409);
      expect(renamedToDuplicate.status).toBe(409);
      // Only the suite made to be renamed was written.
      expect(after).toBe(before + 1);
    });

    it('suggests the public register’s suites of a police force', async () => {
      // Act
      const answer = await get(
        `/custody-suites/suggestions?policeForce=${encodeURIComponent('West Mercia Police')}`,
        tokens.chair,
      );
      const forces = await get('/custody-suites/suggestions', tokens.chair);
      // Assess
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.items.length).toBeGreaterThan(0);
      for (const item of answer.body.items) expect(item.policeForce).toBe('West Mercia Police');
      expect(answer.body.items.map((item: { name: string }) => item.name)).toEqual([
        'Hereford Police Station',
        'Kidderminster Police Station',
        'Malinsgate Police Station',
        'Oswestry Police Station',
        'Redditch Police Station',
        'Shrewsbury Police Station',
      ]);
      expect(forces.status).toBe(200);
      expect(forces.body.policeForces).toContain('West Mercia Police');
      expect(forces.body.items).toEqual([]);
    });
  });

  // 2. Programmes ---------------------------------------------------------------------------

  describe('programmes', () => {
    it('a referral may be tagged only with a programme the partnership runs; the caseload filters by it', async () => {
      // Prepare: the partnership runs Through the Gate only.
      const partnership = (await get('/partnership', tokens.chair)).body;
      const kept = partnership.settings.programmes;
      const changed = await patch(
        '/partnership',
        { settings: { programmes: ['through_the_gate'] } },
        partnership.version,
        tokens.chair,
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      try {
        const person = await newPerson();
        const plain = await newPerson();
        const refused = await newPerson();
        // Act
        const tagged = await refer(person.id, 'continuity_of_care', { programmes: ['through_the_gate'] });
        const untagged = await refer(plain.id, 'continuity_of_care');
        const notRun = await refer(refused.id, 'continuity_of_care', { programmes: ['reconnect'] });
        const listed = await caseload('&programme=through_the_gate');
        const refusedCases = (await caseload()).filter((row) => row.personId === refused.id);
        // Assess
        expect(changed.body.settings.programmes).toEqual(['through_the_gate']);
        expect(tagged.status, JSON.stringify(tagged.body)).toBe(201);
        expect(tagged.body.programmes).toEqual(['through_the_gate']);
        expect(untagged.status).toBe(201);
        expect(untagged.body.programmes).toEqual([]);
        expect(notRun.status).toBe(400);
        expect(Object.keys(fieldsOf(notRun))).toEqual(['programmes']);
        expect(fieldsOf(notRun).programmes).toMatch(/reconnect/);
        expect(refusedCases).toEqual([]);
        const ids = listed.map((row) => row.id);
        expect(ids).toContain(tagged.body.id);
        expect(ids).not.toContain(untagged.body.id);
        for (const row of listed) expect(row.programmes).toContain('through_the_gate');
      } finally {
        const now = (await get('/partnership', tokens.chair)).body;
        await patch('/partnership', { settings: { programmes: kept } }, now.version, tokens.chair);
      }
    });
  });

  // 3. Pathway fields -----------------------------------------------------------------------

  describe('each pathway’s own fields', () => {
    const order = (changes: Record<string, unknown> = {}) => ({
      madeOn: addDays(day0, -10),
      months: 12,
      court: 'Worcester Crown Court',
      reviewDates: [],
      ...changes,
    });

    it('refuses a referral missing its pathway’s field, or giving another pathway’s, and writes nothing', async () => {
      // Prepare
      const person = await newPerson();
      // Act
      const noTest = await refer(person.id, 'drug_testing_on_arrest', { custodySuiteId: suite.id });
      const orderOnDivert = await refer(person.id, 'divert', {
        communityResolutionOn: addDays(day0, -10),
        order: order(),
      });
      const noSuite = await refer(person.id, 'arrest_referral');
      const unknownSuite = await refer(person.id, 'arrest_referral', { custodySuiteId: UNKNOWN_ID });
      const reviewBeforeOrder = await refer(person.id, 'drr', {
        order: order({ reviewDates: [addDays(day0, -11)] }),
      });
      const testOnContinuity = await refer(person.id, 'continuity_of_care', {
        test: { testedOn: addDays(day0, -10), result: 'opiates' },
      });
      const noOrder = await refer(person.id, 'atr');
      // Assess
      expect(noTest.status).toBe(400);
      expect(Object.keys(fieldsOf(noTest))).toEqual(['test']);
      expect(orderOnDivert.status).toBe(400);
      expect(Object.keys(fieldsOf(orderOnDivert))).toEqual(['order']);
      expect(noSuite.status).toBe(400);
      expect(Object.keys(fieldsOf(noSuite))).toEqual(['custodySuiteId']);
      expect(unknownSuite.status).toBe(400);
      expect(Object.keys(fieldsOf(unknownSuite))).toEqual(['custodySuiteId']);
      expect(reviewBeforeOrder.status).toBe(400);
      expect(Object.keys(fieldsOf(reviewBeforeOrder))).toEqual(['order.reviewDates.0']);
      expect(testOnContinuity.status).toBe(400);
      expect(Object.keys(fieldsOf(testOnContinuity))).toEqual(['test']);
      expect(noOrder.status).toBe(400);
      expect(Object.keys(fieldsOf(noOrder))).toEqual(['order']);
      expect((await caseload()).filter((row) => row.personId === person.id)).toEqual([]);
    });

    it('refuses another partnership’s custody suite as unknown', async () => {
      // Prepare: the other partnership's chair has a suite of its own.
      const theirs = await post(
        '/custody-suites',
        { name: uniqueName('Suite'), policeForce: 'Avon and Somerset Constabulary', areaIds: [other.areaId] },
        other.chair,
      );
      expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
      const person = await newPerson();
      // Act
      const answer = await refer(person.id, 'arrest_referral', { custodySuiteId: theirs.body.id });
      // Assess
      expect(answer.status).toBe(400);
      expect(Object.keys(fieldsOf(answer))).toEqual(['custodySuiteId']);
      expect((await caseload()).filter((row) => row.personId === person.id)).toEqual([]);
    });

    it('names every problem at once, and a good referral of each pathway is stored with its fields', async () => {
      // Prepare
      const person = await newPerson();
      // Act
      const many = await refer(person.id, 'drr', {
        test: { testedOn: addDays(day0, -10), result: 'both' },
        order: order({ reviewDates: [addDays(day0, -11), addDays(day0, 400)] }),
      });
      const dtoa = await refer(person.id, 'drug_testing_on_arrest', {
        test: { testedOn: addDays(day0, -10), result: 'cocaine' },
        custodySuiteId: suite.id,
      });
      const arrest = await refer(person.id, 'arrest_referral', { custodySuiteId: suite.id });
      const drr = await refer(person.id, 'drr', { order: order({ reviewDates: [addDays(day0, 30)] }) });
      // Assess
      expect(many.status).toBe(400);
      expect(Object.keys(fieldsOf(many)).sort()).toEqual([
        'order.reviewDates.0',
        'order.reviewDates.1',
        'test',
      ]);
      expect(dtoa.status, JSON.stringify(dtoa.body)).toBe(201);
      expect(dtoa.body).toMatchObject({
        test: { testedOn: addDays(day0, -10), result: 'cocaine' },
        custodySuiteId: suite.id,
      });
      expect(arrest.status, JSON.stringify(arrest.body)).toBe(201);
      expect(arrest.body.custodySuiteId).toBe(suite.id);
      expect(drr.status, JSON.stringify(drr.body)).toBe(201);
      expect(drr.body.order).toEqual(order({ reviewDates: [addDays(day0, 30)] }));
    });
  });

  describe('changing a pathway’s fields (PATCH /referrals/{id})', () => {
    it('refuses another pathway’s field, an unknown suite and a review out of the order, writing nothing', async () => {
      // Prepare
      const { referral: dtoa } = await referred('drug_testing_on_arrest', {
        test: { testedOn: addDays(day0, -10), result: 'opiates' },
      });
      const { referral: drr } = await referred('drr', {
        order: { madeOn: addDays(day0, -10), months: 12, court: 'Worcester Crown Court', reviewDates: [] },
      });
      // Act
      const orderOnDtoa = await patch(
        `/referrals/${dtoa.id}`,
        { order: { madeOn: addDays(day0, -10), months: 6, court: 'Worcester Crown Court', reviewDates: [] } },
        dtoa.version,
      );
      const unknownSuite = await patch(`/referrals/${dtoa.id}`, { custodySuiteId: UNKNOWN_ID }, dtoa.version);
      const earlyReview = await patch(
        `/referrals/${drr.id}`,
        {
          order: {
            madeOn: addDays(day0, -10),
            months: 12,
            court: 'Worcester Crown Court',
            reviewDates: [addDays(day0, 20), addDays(day0, -20)],
          },
        },
        drr.version,
      );
      const goodSuite = await patch(`/referrals/${dtoa.id}`, { custodySuiteId: suite.id }, dtoa.version);
      // Assess
      expect(orderOnDtoa.status).toBe(400);
      expect(Object.keys(fieldsOf(orderOnDtoa))).toEqual(['order']);
      expect(unknownSuite.status).toBe(400);
      expect(Object.keys(fieldsOf(unknownSuite))).toEqual(['custodySuiteId']);
      expect(earlyReview.status).toBe(400);
      expect(Object.keys(fieldsOf(earlyReview))).toEqual(['order.reviewDates.1']);
      expect((await view(drr.id)).order.reviewDates).toEqual([]);
      expect(goodSuite.status, JSON.stringify(goodSuite.body)).toBe(200);
      expect(goodSuite.body).toMatchObject({ custodySuiteId: suite.id, version: dtoa.version + 1 });
    });
  });

  // 4. Drug testing on arrest ---------------------------------------------------------------

  describe('drug testing on arrest', () => {
    it('a missed required assessment is alerted, the case closes as failed to attend, and the manager lists it', async () => {
      // Prepare
      const { person, referral } = await referred('drug_testing_on_arrest', {
        test: { testedOn: addDays(day0, -10), result: 'opiates' },
        custodySuiteId: suite.id,
        assignedTo: caseworkerId,
      });
      const assessmentAt = withOffset(at(day0, 10));
      // Act
      const session = await book(referral.id, { at: withOffset(at(day0, 9)), kind: 'session' });
      const assessment = await book(referral.id, { at: assessmentAt, kind: 'initial_assessment' });
      const missed = await markAppointment(referral.id, assessment.body.id, 'missed');
      await stack.bus.idle();
      const alerts = await alertsOf(referral.id);
      const mails = mailFor(referral.id).filter((mail) =>
        mail.subject.includes('Required assessment missed'),
      );
      const closed = await post(`/referrals/${referral.id}/close`, {
        reason: 'failed_to_attend',
        closedOn: day0,
      });
      const list = await get('/failed-to-attend', tokens.manager);
      const csv = await get('/failed-to-attend.csv', tokens.manager);
      // Assess
      expect(session.status).toBe(400);
      expect(Object.keys(fieldsOf(session))).toEqual(['kind']);
      expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
      expect(missed.status, JSON.stringify(missed.body)).toBe(200);
      expect(alerts.filter((alert) => alert.rule === 'required_assessment_missed')).toEqual([
        expect.objectContaining({ status: 'open', appointmentId: assessment.body.id }),
      ]);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail?.to).toContain(DEMO['caseworker.worcs']);
      expect(mail?.text).toContain(referenceOf(referral.id));
      for (const secret of [person.givenName, person.familyName, person.dateOfBirth, person.prisonNumber]) {
        expect(mail?.text).not.toContain(secret);
        expect(mail?.subject).not.toContain(secret);
      }
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        closeReason: 'failed_to_attend',
        closedOn: day0,
      });
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      const entry = list.body.items.find((item: { referralId: string }) => item.referralId === referral.id);
      expect(entry).toEqual({
        referralId: referral.id,
        reference: referenceOf(referral.id),
        areaId: areas.worcs,
        person: expect.objectContaining({
          id: person.id,
          givenName: person.givenName,
          familyName: person.familyName,
          dateOfBirth: person.dateOfBirth,
        }),
        custodySuiteId: suite.id,
        custodySuiteName: suite.name,
        test: { testedOn: addDays(day0, -10), result: 'opiates' },
        missedAssessments: [{ kind: 'initial_assessment', at: new Date(assessmentAt).toISOString() }],
        closedOn: day0,
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (csv.body as string).split(/\r?\n/).filter(Boolean);
      expect(lines[0]).toBe(FAILED_TO_ATTEND_HEADER);
      const row = lines.find((line) => line.startsWith(`${referenceOf(referral.id)},`));
      expect(row).toBeDefined();
      expect(row).toContain(person.familyName);
      expect(row).toContain(suite.name);
      expect(row).toContain('initial');
    });

    it('the list is the manager’s own: a caseworker gets 403, another partnership’s manager sees none of it', async () => {
      // Prepare
      const { referral } = await referred('drug_testing_on_arrest', {
        test: { testedOn: addDays(day0, -10), result: 'cocaine' },
        custodySuiteId: suite.id,
      });
      expect(
        (await post(`/referrals/${referral.id}/close`, { reason: 'failed_to_attend', closedOn: day0 }))
          .status,
      ).toBe(200);
      // Act
      const caseworkerList = await get('/failed-to-attend');
      const caseworkerCsv = await get('/failed-to-attend.csv');
      const chairList = await get('/failed-to-attend', tokens.chair);
      const theirList = await get('/failed-to-attend', other.manager);
      const theirCsv = await get('/failed-to-attend.csv', other.manager);
      const ours = await get('/failed-to-attend', tokens.manager);
      // Assess
      expect(caseworkerList.status).toBe(403);
      expect(caseworkerCsv.status).toBe(403);
      expect(chairList.status).toBe(403);
      expect(theirList.status).toBe(200);
      expect(theirList.body.items).toEqual([]);
      expect(theirCsv.status).toBe(200);
      expect((theirCsv.body as string).split(/\r?\n/).filter(Boolean)).toEqual([FAILED_TO_ATTEND_HEADER]);
      expect(ours.body.items.map((item: { referralId: string }) => item.referralId)).toContain(referral.id);
    });

    it('the list names the assessments missed or left booked past their time, not one still to come or attended', async () => {
      // Prepare: an assessment attended, one left booked past its time, one marked missed, one next week.
      const { referral } = await referred('drug_testing_on_arrest', {
        test: { testedOn: addDays(day0, -10), result: 'both' },
        custodySuiteId: suite.id,
      });
      const attended = await book(referral.id, {
        at: withOffset(at(addDays(day0, -8), 10)),
        kind: 'initial_assessment',
      });
      const overdue = await book(referral.id, {
        at: withOffset(at(addDays(day0, -5), 10)),
        kind: 'follow_up_assessment',
      });
      const missed = await book(referral.id, {
        at: withOffset(at(addDays(day0, -2), 10)),
        kind: 'follow_up_assessment',
      });
      const toCome = await book(referral.id, {
        at: withOffset(at(addDays(day0, 7), 10)),
        kind: 'follow_up_assessment',
      });
      for (const booked of [attended, overdue, missed, toCome])
        expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      expect((await markAppointment(referral.id, attended.body.id, 'attended')).status).toBe(200);
      expect((await markAppointment(referral.id, missed.body.id, 'missed')).status).toBe(200);
      // Act
      const closed = await post(`/referrals/${referral.id}/close`, {
        reason: 'failed_to_attend',
        closedOn: day0,
      });
      const list = await get('/failed-to-attend', tokens.manager);
      // Assess
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      const entry = list.body.items.find((item: { referralId: string }) => item.referralId === referral.id);
      expect(entry?.missedAssessments).toEqual([
        { kind: 'follow_up_assessment', at: overdue.body.at },
        { kind: 'follow_up_assessment', at: missed.body.at },
      ]);
    });

    it('a required assessment left booked past its grace is alerted by the sweep', async () => {
      // Prepare: an assessment two days ago, never marked.
      const { referral } = await referred('drug_testing_on_arrest', {
        test: { testedOn: addDays(day0, -10), result: 'opiates' },
      });
      const booked = await book(referral.id, {
        at: withOffset(at(addDays(day0, -2), 10)),
        kind: 'initial_assessment',
      });
      expect(booked.status).toBe(201);
      // Act
      await stack.sweep();
      await stack.sweep();
      // Assess
      expect(
        (await alertsOf(referral.id)).filter((alert) => alert.rule === 'required_assessment_missed'),
      ).toEqual([expect.objectContaining({ status: 'open', appointmentId: booked.body.id })]);
    });

    it('failed_to_attend closes drug testing on arrest only: on DIVERT it is a 400 naming reason', async () => {
      // Prepare
      const { referral } = await referred('divert', { communityResolutionOn: addDays(day0, -10) });
      // Act
      const answer = await post(`/referrals/${referral.id}/close`, {
        reason: 'failed_to_attend',
        closedOn: day0,
      });
      // Assess
      expect(answer.status).toBe(400);
      expect(Object.keys(fieldsOf(answer))).toEqual(['reason']);
      expect((await view(referral.id)).status).toBe('referred');
    });
  });

  // 5. DIVERT -------------------------------------------------------------------------------

  describe('DIVERT', () => {
    it('a session attended is the engagement, a missed one is alerted, and the outcome is reported', async () => {
      // Prepare: a suite of its own, so the report can be read for this case alone.
      const own = await post(
        '/custody-suites',
        {
          name: `Worcester ${uniqueName('Suite')}`,
          policeForce: 'West Mercia Police',
          areaIds: [areas.worcs],
        },
        tokens.chair,
      );
      expect(own.status).toBe(201);
      const { referral } = await referred('divert', {
        communityResolutionOn: addDays(day0, -10),
        custodySuiteId: own.body.id,
        assignedTo: caseworkerId,
      });
      const firstDay = addDays(day0, -3);
      // Act
      const first = await book(referral.id, {
        at: withOffset(at(firstDay, 10)),
        kind: 'session',
        mode: 'video',
      });
      const second = await book(referral.id, {
        at: withOffset(at(day0, 10)),
        kind: 'session',
        mode: 'in_person',
      });
      const treatment = await book(referral.id, { at: withOffset(at(day0, 11)), kind: 'first' });
      const attended = await markAppointment(referral.id, first.body.id, 'attended');
      const engaged = await view(referral.id);
      const missed = await markAppointment(referral.id, second.body.id, 'missed');
      await stack.bus.idle();
      const alerts = await alertsOf(referral.id);
      const closed = await post(`/referrals/${referral.id}/close`, {
        reason: 'completed_programme',
        closedOn: day0,
      });
      await stack.bus.idle();
      const month = (date: string) => date.slice(0, 7);
      const report = await get(
        `/reports/pathways?from=${month(addDays(day0, -10))}&to=${month(day0)}&custodySuiteId=${own.body.id}`,
        tokens.manager,
      );
      const chairReport = await get(
        `/reports/pathways?from=${month(addDays(day0, -10))}&to=${month(day0)}&custodySuiteId=${own.body.id}`,
        tokens.chair,
      );
      // Assess
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ kind: 'session', mode: 'video', status: 'booked' });
      expect(second.status).toBe(201);
      expect(second.body.mode).toBe('in_person');
      expect(treatment.status).toBe(400);
      expect(Object.keys(fieldsOf(treatment))).toEqual(['kind']);
      expect(attended.status, JSON.stringify(attended.body)).toBe(200);
      expect(engaged).toMatchObject({ status: 'engaged', engagedOn: firstDay });
      expect(missed.status).toBe(200);
      expect(alerts.filter((alert) => alert.rule === 'session_missed')).toEqual([
        expect.objectContaining({ status: 'open', appointmentId: second.body.id }),
      ]);
      expect(
        mailFor(referral.id).filter((mail) => mail.subject.includes('DIVERT session missed')),
      ).toHaveLength(1);
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'completed_programme' });
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      expect(report.body.rows).toEqual([
        expect.objectContaining({
          pathway: 'divert',
          referrals: 1,
          engaged: 1,
          completedProgramme: 1,
          failedToEngage: 0,
          reoffending: { decided: 0, withoutFurtherOffence: 0, pending: 1, share: null },
          reoffendingEngaged: { decided: 0, withoutFurtherOffence: 0, pending: 1, share: null },
        }),
      ]);
      expect(report.body.bySuite).toEqual([
        {
          custodySuiteId: own.body.id,
          name: own.body.name,
          pathway: 'divert',
          referrals: 1,
          engaged: 1,
          share: 1,
        },
      ]);
      // The chair's report hides the small numbers but has the same rows.
      expect(chairReport.status).toBe(200);
      expect(chairReport.body.rows.map((row: { pathway: string }) => row.pathway)).toEqual(['divert']);
      expect(chairReport.body.rows[0].reoffendingEngaged).toBeDefined();
      expect(chairReport.body.bySuite.map((row: { custodySuiteId: string }) => row.custodySuiteId)).toEqual([
        own.body.id,
      ]);
    });

    it('completed_programme and failed_to_engage are DIVERT’s: on drug testing on arrest they are 400', async () => {
      // Prepare
      const { referral } = await referred('drug_testing_on_arrest', {
        test: { testedOn: addDays(day0, -10), result: 'opiates' },
      });
      // Act
      const completed = await post(`/referrals/${referral.id}/close`, {
        reason: 'completed_programme',
        closedOn: day0,
      });
      const notEngaged = await post(`/referrals/${referral.id}/close`, {
        reason: 'failed_to_engage',
        closedOn: day0,
      });
      // Assess
      expect(completed.status).toBe(400);
      expect(Object.keys(fieldsOf(completed))).toEqual(['reason']);
      expect(notEngaged.status).toBe(400);
      expect((await view(referral.id)).status).toBe('referred');
    });
  });

  // 6. DRR court reviews --------------------------------------------------------------------

  describe('DRR court reviews', () => {
    const order = (reviewDates: string[]) => ({
      madeOn: addDays(day0, -10),
      months: 12,
      court: 'Worcester Crown Court',
      reviewDates,
    });

    it('raises court_review_due once, when the notice is due, to the assigned caseworker', async () => {
      // Prepare: a review five days from now, so its seven days' notice is already due.
      const { person, referral } = await referred('drr', {
        order: order([addDays(day0, 5)]),
        assignedTo: caseworkerId,
      });
      // Act
      await stack.sweep();
      const once = (await alertsOf(referral.id)).filter((alert) => alert.rule === 'court_review_due');
      await stack.sweep();
      const twice = (await alertsOf(referral.id)).filter((alert) => alert.rule === 'court_review_due');
      await stack.bus.idle();
      const mails = mailFor(referral.id).filter((mail) => mail.subject.includes('Court review due'));
      // Assess
      expect(once).toEqual([expect.objectContaining({ status: 'open' })]);
      expect(twice).toEqual(once);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual([DEMO['caseworker.worcs']]);
      for (const secret of [person.givenName, person.familyName, person.dateOfBirth, person.prisonNumber]) {
        expect(mails[0]?.text).not.toContain(secret);
      }
    });

    it('is due at 09:00 in England seven days before the review, and goes to the area team when unassigned', async () => {
      // Prepare: a review ten days ahead, due in three days at 09:00 (England).
      const reviewOn = addDays(day0, 10);
      const dueAt = new Date(londonDayStart(addDays(reviewOn, -7), 9));
      const { referral } = await referred('drr', { order: order([reviewOn]) });
      const reviews = async () =>
        (await alertsOf(referral.id)).filter((alert) => alert.rule === 'court_review_due');
      // Act
      await stack.sweep();
      const today = await reviews();
      stack.clock.set(new Date(dueAt.getTime() - 60_000));
      await stack.sweep();
      const justBefore = await reviews();
      stack.clock.set(dueAt);
      await stack.sweep();
      const onTime = await reviews();
      await stack.bus.idle();
      const mails = mailFor(referral.id).filter((mail) => mail.subject.includes('Court review due'));
      // Assess
      expect(today).toEqual([]);
      expect(justBefore).toEqual([]);
      expect(onTime).toEqual([expect.objectContaining({ status: 'open' })]);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual(['worcs-cjs-team@example.test']);
    });

    it('withdraws the notice once the review day is over', async () => {
      // Prepare: a review in two days, alerted now.
      const reviewOn = addDays(day0, 2);
      const { referral } = await referred('drr', { order: order([reviewOn]), assignedTo: caseworkerId });
      await stack.sweep();
      const raised = (await alertsOf(referral.id)).filter((alert) => alert.rule === 'court_review_due');
      // Act: the last minute of the review day, then the next day.
      stack.clock.set(new Date(new Date(londonDayStart(addDays(reviewOn, 1))).getTime() - 60_000));
      await stack.sweep();
      const lastMinute = (await alertsOf(referral.id)).filter((alert) => alert.rule === 'court_review_due');
      stack.clock.set(new Date(londonDayStart(addDays(reviewOn, 1), 1)));
      await stack.sweep();
      const after = (await alertsOf(referral.id)).filter((alert) => alert.rule === 'court_review_due');
      // Assess
      expect(raised).toEqual([expect.objectContaining({ status: 'open' })]);
      expect(lastMinute).toEqual([expect.objectContaining({ id: raised[0]?.id, status: 'open' })]);
      expect(after).toEqual([
        expect.objectContaining({
          id: raised[0]?.id,
          status: 'resolved',
          resolvedBy: expect.objectContaining({ memberId: 'service' }),
        }),
      ]);
    });

    it('raises one alert per review date', async () => {
      // Prepare: two reviews within the notice.
      const { referral } = await referred('drr', {
        order: order([addDays(day0, 2), addDays(day0, 6)]),
        assignedTo: caseworkerId,
      });
      // Act
      await stack.sweep();
      await stack.sweep();
      const reviews = (await alertsOf(referral.id)).filter((alert) => alert.rule === 'court_review_due');
      // Assess
      expect(reviews).toHaveLength(2);
      expect(new Set(reviews.map((alert) => alert.id)).size).toBe(2);
    });
  });

  // 7. Prisons by name ----------------------------------------------------------------------

  describe('prisons typed by name', () => {
    it('accepts the code and the short name too', async () => {
      // Prepare
      const { referral: byCode } = await referred('continuity_of_care', { source: 'HMP Hewell' });
      const { referral: byShort } = await referred('continuity_of_care', { source: 'HMP Hewell' });
      // Act
      const code = await post(`/referrals/${byCode.id}/release`, {
        releasedOn: day0,
        establishment: 'hei',
        releaseType: 'licence',
      });
      const short = await post(`/referrals/${byShort.id}/release`, {
        releasedOn: day0,
        establishment: 'Hewell',
        releaseType: 'licence',
      });
      // Assess
      expect(code.status, JSON.stringify(code.body)).toBe(200);
      expect(code.body.establishment).toBe('HEI');
      expect(short.status, JSON.stringify(short.body)).toBe(200);
      expect(short.body.establishment).toBe('HEI');
    });

    it('a release from "hmp hewell" stores HEI; "Nowhere Prison" is a 400 naming establishment and writes nothing', async () => {
      // Prepare
      const { referral: byName } = await referred('continuity_of_care', { source: 'HMP Hewell' });
      const { referral: nowhere } = await referred('continuity_of_care', { source: 'HMP Hewell' });
      // Act
      const released = await post(`/referrals/${byName.id}/release`, {
        releasedOn: day0,
        establishment: 'hmp hewell',
        releaseType: 'licence',
      });
      const refused = await post(`/referrals/${nowhere.id}/release`, {
        releasedOn: day0,
        establishment: 'Nowhere Prison',
        releaseType: 'licence',
      });
      const stored = await view(byName.id);
      const untouched = await view(nowhere.id);
      // Assess
      expect(released.status, JSON.stringify(released.body)).toBe(200);
      expect(released.body).toMatchObject({ status: 'released', establishment: 'HEI', releasedOn: day0 });
      expect(stored.establishment).toBe('HEI');
      expect(refused.status).toBe(400);
      expect(Object.keys(fieldsOf(refused))).toEqual(['establishment']);
      expect(untouched.status).toBe('referred');
      expect(untouched.releasedOn).toBeUndefined();
      expect(untouched.establishment).toBeUndefined();
      expect(untouched.version).toBe(nowhere.version);
    });
  });
});
