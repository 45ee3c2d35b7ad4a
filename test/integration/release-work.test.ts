import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { addDays, londonDate, longDate } from '../../shared/domain/dates.ts';
import { isValidNhsNumber } from '../../shared/domain/nhs-number.ts';
import { daysAgo, demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, DEMO, demoTokens, otherTenant, startTestStack } from './harness.ts';

/**
 * The release work (issue 12): PATCH /referrals/{id}, assignees, the release plan, contacts, the
 * worklist, the caseload's new views, alerts per appointment and their escalation, search by
 * reference and NHS number, and an import that moves an expected release date. Over real HTTP,
 * against a local stack with the demo partnership.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;
type Tokens = Awaited<ReturnType<typeof demoTokens>>;

const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
const hoursLater = (when: Date, hours: number) => new Date(when.getTime() + hours * 3_600_000);
/** An ISO time with an explicit offset, as the API asks. */
const withOffset = (when: Date) => when.toISOString().replace(/\.\d{3}Z$/, '+00:00');
const referenceOf = (referralId: string) => `C-${referralId.slice(-8).toUpperCase()}`;
const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` });

/** Letters only, so a name is unique in the stack and search finds only this person. */
const uniqueName = (stem: string) =>
  `${stem}${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .replace(/./g, (c) => String.fromCharCode(c.charCodeAt(0) + 10))}`;

/** A fresh valid NHS number (the last digit checks the other nine). */
let nhsSerial = 400_000_000;
const nextNhsNumber = (): string => {
  for (;;) {
    nhsSerial += 7;
    const nine = String(nhsSerial);
    for (let check = 0; check <= 9; check += 1) {
      if (isValidNhsNumber(`${nine}${check}`)) return `${nine}${check}`;
    }
  }
};

let onsSerial = 0;

describe('the release work', () => {
  let stack: Stack;
  let tokens: Tokens;
  let areas: { worcs: string; hereford: string };
  let hereford: string;
  let ids: { caseworker: string; manager: string; hereford: string; chair: string; analyst: string };
  let other: {
    chair: string;
    manager: string;
    caseworker: string;
    areaId: string;
    referralId: string;
  };
  /** Today in England, and the stack's clock at noon of it. */
  let day0: string;
  let noon: Date;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
    hereford = await stack.token(DEMO['caseworker.hereford']);
    const memberId = async (token: string) =>
      (await call(stack, 'GET', '/me', { token })).body.memberId as string;
    ids = {
      caseworker: await memberId(tokens.caseworker),
      manager: await memberId(tokens.manager),
      hereford: await memberId(hereford),
      chair: await memberId(tokens.chair),
      analyst: await memberId(tokens.analyst),
    };
    const tenant = await otherTenant(stack, tokens.operator);
    const invite = async (role: string) => {
      const email = `${role}@release-work-other.example.test`;
      await call(stack, 'POST', '/members', {
        token: tenant.chair,
        body: { email, name: `Other ${role}`, role, areaIds: [tenant.area.id] },
      });
      return stack.token(email);
    };
    const otherCaseworker = await invite('caseworker');
    const otherCase = await personWithReferral(stack, otherCaseworker, tenant.area.id, {
      referredOn: addDays(londonDate(new Date()), -10),
    });
    other = {
      chair: tenant.chair,
      manager: await invite('manager'),
      caseworker: otherCaseworker,
      areaId: tenant.area.id,
      referralId: otherCase.referral.id,
    };
  });
  beforeEach(() => {
    // Each test starts at noon of today (in England): release dates must not be in the future,
    // and a fixed hour keeps "today" the same whatever time the suite runs.
    day0 = londonDate(new Date());
    noon = at(day0, 12);
    stack.clock.set(noon);
  });
  afterAll(() => stack.stop());

  // Helpers ---------------------------------------------------------------------------------

  const get = (path: string, token = tokens.caseworker) => call(stack, 'GET', path, { token });
  const post = (
    path: string,
    body: unknown,
    token = tokens.caseworker,
    headers: Record<string, string> = {},
  ) => call(stack, 'POST', path, { token, body, headers });
  const patch = (referralId: string, body: unknown, version?: number | string, token = tokens.caseworker) =>
    call(stack, 'PATCH', `/referrals/${referralId}`, {
      token,
      body,
      headers: version === undefined ? {} : ifMatch(version),
    });
  const putPlan = (referralId: string, body: unknown, version?: number | string, token = tokens.caseworker) =>
    call(stack, 'PUT', `/referrals/${referralId}/release-plan`, {
      token,
      body,
      headers: version === undefined ? {} : ifMatch(version),
    });
  const view = async (referralId: string, token = tokens.caseworker) =>
    (await get(`/referrals/${referralId}`, token)).body;
  const timeline = async (referralId: string, token = tokens.caseworker) =>
    (await get(`/referrals/${referralId}/timeline?limit=200`, token)).body.items as {
      kind: string;
      summary: string;
      by: { memberId: string; name: string };
      details?: Record<string, unknown>;
    }[];
  const sweepAt = async (when: Date) => {
    stack.clock.set(when);
    return (await stack.sweep()).raised;
  };
  /** A case's own alerts, as its page shows them: other tests' alerts may be raised in the same sweeps. */
  const alertsOf = async (referralId: string, token = tokens.caseworker) =>
    (await view(referralId, token)).alerts as {
      id: string;
      rule: string;
      status: string;
      areaId: string;
      raisedAt: string;
      appointmentId?: string;
      escalates?: { alertId: string; rule: string };
      resolvedBy?: { memberId: string; name: string };
    }[];
  const mailFor = (referralId: string) =>
    stack.mail.list().filter((mail) => mail.text.includes(`/referrals/${referralId}`));

  /** A person and a continuity-of-care referral, referred 10 days ago unless told. */
  const openCase = (
    areaId = areas.worcs,
    referral: Record<string, unknown> = {},
    person: Record<string, unknown> = {},
    token = tokens.caseworker,
  ) =>
    personWithReferral(
      stack,
      token,
      areaId,
      { referredOn: addDays(day0, -10), ...referral },
      { flags: [], ...person },
    );
  /** A case released `daysAgo` days ago. */
  const releasedCase = async (
    daysAgo: number,
    areaId = areas.worcs,
    referral: Record<string, unknown> = {},
    person: Record<string, unknown> = {},
    token = tokens.caseworker,
  ) => {
    const made = await openCase(areaId, referral, person, token);
    const released = await post(
      `/referrals/${made.referral.id}/release`,
      { releasedOn: addDays(day0, -daysAgo), releaseType: 'licence' },
      token,
    );
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    return { ...made, referral: released.body };
  };
  const engage = async (referralId: string, startedOn: string, token = tokens.caseworker) => {
    const engaged = await post(`/referrals/${referralId}/engagement`, { startedOn }, token);
    expect(engaged.status, JSON.stringify(engaged.body)).toBe(200);
    return engaged.body;
  };

  /**
   * A new area of the demo partnership with two caseworkers of its own: lists read by them hold
   * only the cases a test puts there, so counts and orders can be checked exactly.
   */
  async function freshArea() {
    onsSerial += 1;
    const suffix = randomUUID().slice(0, 8);
    const area = await call(stack, 'POST', '/areas', {
      token: tokens.chair,
      body: {
        name: `Release Work ${suffix}`,
        onsCode: `E07${String(900_000 + onsSerial)}`,
        alertEmails: [`team-${suffix}@release-work.example.test`],
      },
    });
    expect(area.status, JSON.stringify(area.body)).toBe(201);
    const member = async (name: string, role = 'caseworker') => {
      const email = `${name.toLowerCase().replace(/\W/g, '.')}-${suffix}@release-work.example.test`;
      const made = await call(stack, 'POST', '/members', {
        token: tokens.chair,
        body: { email, name, role, areaIds: [area.body.id] },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const token = await stack.token(email);
      return { token, id: (await call(stack, 'GET', '/me', { token })).body.memberId as string, name };
    };
    return {
      areaId: area.body.id as string,
      me: await member('Ada Me'),
      colleague: await member('Bea Colleague'),
    };
  }

  /** Every page of a list, following its cursors. */
  async function allPages(path: string, token: string, limit: number) {
    const pages: { items: { [key: string]: unknown }[]; nextCursor?: string; counts?: unknown }[] = [];
    let cursor: string | undefined;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await get(
        `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      pages.push(page.body);
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  }

  // 1. PATCH /referrals/{id} --------------------------------------------------------------------

  describe('PATCH /referrals/{id}', () => {
    it('needs If-Match (428) and refuses a stale one (409), writing nothing', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const without = await patch(referral.id, { source: 'HMP Long Lartin' });
      const stale = await patch(referral.id, { source: 'HMP Long Lartin' }, 7);
      // Assess
      expect(without.status).toBe(428);
      expect(without.body.error.code).toBe('precondition_required');
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('version_conflict');
      expect(stale.headers.get('etag')).toBe('"1"');
      expect(await view(referral.id)).toMatchObject({
        version: 1,
        source: 'HMP Hewell',
        reference: referenceOf(referral.id),
        daysSinceRelease: null,
        windowDays: 21,
        windowClosesOn: null,
        programmes: [],
        openAlerts: 0,
        contactCounts: { preRelease: 0, postRelease: 0 },
      });
    });

    it('gives one of two changes sent at once with the same If-Match a 409', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const answers = await Promise.all([
        patch(referral.id, { source: 'HMP Long Lartin' }, 1),
        patch(referral.id, { assignedTo: ids.manager }, 1, tokens.manager),
      ]);
      // Assess
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect((await view(referral.id)).version).toBe(2);
      expect((await timeline(referral.id)).filter((event) => event.kind === 'referral_updated')).toHaveLength(
        1,
      );
    });

    it('changes the source at the version read, answering the referral with its new ETag and a timeline line', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const changed = await patch(referral.id, { source: 'HMP Long Lartin' }, 1);
      // Assess
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        id: referral.id,
        source: 'HMP Long Lartin',
        version: 2,
        reference: referenceOf(referral.id),
      });
      expect(changed.headers.get('etag')).toBe('"2"');
      const updated = (await timeline(referral.id)).filter((event) => event.kind === 'referral_updated');
      expect(updated).toHaveLength(1);
      expect(updated[0]?.details?.changes).toEqual([
        { field: 'source', from: 'HMP Hewell', to: 'HMP Long Lartin' },
      ]);
      expect(updated[0]?.by.name).toBe('Sam Patel');
    });

    it('assigns the case to a caseworker or a manager of its area, naming them, and unassigns it with null', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const toCaseworker = await patch(referral.id, { assignedTo: ids.caseworker }, 1);
      const toManager = await patch(referral.id, { assignedTo: ids.manager }, 2);
      const unassigned = await patch(referral.id, { assignedTo: null }, 3);
      // Assess
      expect(toCaseworker.status).toBe(200);
      expect(toCaseworker.body).toMatchObject({ assignedTo: ids.caseworker, assignedToName: 'Sam Patel' });
      expect(toManager.body).toMatchObject({ assignedTo: ids.manager, assignedToName: 'Tom Evans' });
      expect(unassigned.status).toBe(200);
      expect(unassigned.body.assignedTo ?? null).toBeNull();
      expect(unassigned.body.assignedToName ?? null).toBeNull();
      const after = await view(referral.id);
      expect(after.version).toBe(4);
      expect(after.assignedTo ?? null).toBeNull();
      const summaries = (await timeline(referral.id))
        .filter((event) => event.kind === 'referral_updated')
        .map((event) => event.summary);
      expect(summaries).toEqual([
        expect.stringMatching(/Sam Patel/),
        expect.stringMatching(/Tom Evans/),
        expect.stringMatching(/Unassigned/),
      ]);
    });

    it.each([
      ['the chair', () => ids.chair],
      ['the analyst', () => ids.analyst],
      ['a caseworker of another area', () => ids.hereford],
      ['someone unknown', () => '01jzzzzzzzzzzzzzzzzzzzzzzz'],
    ])('refuses to assign the case to %s: 400 naming assignedTo, nothing written', async (_who, idOf) => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const answer = await patch(referral.id, { assignedTo: idOf() }, 1);
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(Object.keys(answer.body.error.fields)).toEqual(['assignedTo']);
      const after = await view(referral.id);
      expect(after.version).toBe(1);
      expect(after.assignedTo).toBeUndefined();
    });

    it('moves the expected release on: the release-not-confirmed alert is resolved by the service, on the timeline, and the next action moves', async () => {
      // Prepare: the expected date passed three days ago with no release recorded.
      const { referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, -3) });
      await sweepAt(noon);
      const raised = (await alertsOf(referral.id)).find((alert) => alert.rule === 'release_not_confirmed');
      expect(raised?.status).toBe('open');
      const before = await view(referral.id);
      expect(before.nextAction).toMatchObject({ rule: 'release_not_confirmed', overdue: true });
      // Act: the prison says the release is in five days.
      const moved = await patch(referral.id, { expectedReleaseOn: addDays(day0, 5) }, before.version);
      // Assess
      expect(moved.status).toBe(200);
      expect(moved.body.expectedReleaseOn).toBe(addDays(day0, 5));
      const after = await view(referral.id);
      const alert = after.alerts.find((one: { id: string }) => one.id === raised?.id);
      expect(alert).toMatchObject({
        status: 'resolved',
        resolvedBy: { memberId: 'service', name: 'Continuity' },
      });
      expect(after.openAlerts).toBe(0);
      expect(after.nextAction).toMatchObject({
        rule: 'release_not_confirmed',
        dueAt: at(addDays(day0, 6), 0).toISOString(),
        overdue: false,
      });
      expect(after.nextAction.dueAt).not.toBe(before.nextAction.dueAt);
      const events = await timeline(referral.id);
      const resolved = events.filter((event) => event.kind === 'alert_updated');
      expect(resolved).toHaveLength(1);
      expect(resolved[0]?.by.name).toBe('Continuity');
      const updated = events.find((event) => event.kind === 'referral_updated');
      expect(updated?.details?.changes).toEqual([
        { field: 'expectedReleaseOn', from: addDays(day0, -3), to: addDays(day0, 5) },
      ]);
      const open = await get('/alerts?status=open&limit=200');
      expect(open.body.items.map((item: { id: string }) => item.id)).not.toContain(raised?.id);
    });

    it('raises release-not-confirmed anew when a moved expected date passes again', async () => {
      // Prepare: raised for a date three days ago, withdrawn when the date moved on two days.
      const { referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, -3) });
      await sweepAt(noon);
      const first = (await alertsOf(referral.id)).find((one) => one.rule === 'release_not_confirmed');
      const moved = await patch(
        referral.id,
        { expectedReleaseOn: addDays(day0, 2) },
        (await view(referral.id)).version,
      );
      expect(moved.status).toBe(200);
      // Act: the new date passes too.
      const raised = await sweepAt(at(addDays(day0, 3), 1));
      // Assess
      expect(raised).toBeGreaterThanOrEqual(1);
      const alerts = (await alertsOf(referral.id)).filter((one) => one.rule === 'release_not_confirmed');
      expect(alerts.filter((one) => one.status === 'open')).toHaveLength(1);
      expect(alerts.find((one) => one.status === 'open')?.raisedAt).not.toBe(first?.raisedAt);
      expect((await view(referral.id)).nextAction).toMatchObject({
        rule: 'release_not_confirmed',
        overdue: true,
      });
    });

    it('refuses an expected release on a pathway without prison, once released, or before the referral, naming expectedReleaseOn', async () => {
      // Prepare
      const divert = await openCase(areas.worcs, { pathway: 'divert', source: 'Worcester custody suite' });
      const released = await releasedCase(2);
      const waiting = await openCase();
      // Act
      const answers = [
        await patch(divert.referral.id, { expectedReleaseOn: addDays(day0, 5) }, 1),
        await patch(released.referral.id, { expectedReleaseOn: addDays(day0, 5) }, released.referral.version),
        await patch(waiting.referral.id, { expectedReleaseOn: addDays(day0, -11) }, 1),
      ];
      // Assess
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body.error.fields.expectedReleaseOn).toEqual(expect.any(String));
      }
      expect((await view(divert.referral.id)).version).toBe(1);
      expect((await view(released.referral.id)).version).toBe(released.referral.version);
      expect((await view(waiting.referral.id)).version).toBe(1);
    });

    it('corrects a recorded release date only with a reason, keeping the old and new value and the reason on the timeline', async () => {
      // Prepare
      const { referral } = await releasedCase(3);
      // Act
      const noReason = await patch(referral.id, { releasedOn: addDays(day0, -4) }, referral.version);
      const corrected = await patch(
        referral.id,
        { releasedOn: addDays(day0, -4), reason: 'The prison sent the wrong date' },
        referral.version,
      );
      // Assess
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.fields.reason).toEqual(expect.any(String));
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ releasedOn: addDays(day0, -4), version: referral.version + 1 });
      const after = await view(referral.id);
      expect(after.windowClosesOn).toBe(addDays(day0, -4 + 21));
      expect(after.daysSinceRelease).toBe(4);
      const updated = (await timeline(referral.id)).filter((event) => event.kind === 'referral_updated');
      expect(updated).toHaveLength(1);
      expect(updated[0]?.details).toMatchObject({
        changes: [{ field: 'releasedOn', from: addDays(day0, -3), to: addDays(day0, -4) }],
        reason: 'The prison sent the wrong date',
      });
      expect(updated[0]?.summary).toContain(
        `Release date corrected from ${longDate(addDays(day0, -3))} to ${longDate(addDays(day0, -4))}`,
      );
      expect(updated[0]?.summary).toContain('The prison sent the wrong date');
    });

    it('refuses a release date in the future, before the referral, after the treatment start, or when none is recorded, naming releasedOn', async () => {
      // Prepare
      const released = await releasedCase(3);
      const engaged = await releasedCase(5);
      const engagedVersion = (await engage(engaged.referral.id, addDays(day0, -2))).version;
      const waiting = await openCase();
      const reason = 'Checked with the prison';
      // Act
      const answers = [
        await patch(
          released.referral.id,
          { releasedOn: addDays(day0, 1), reason },
          released.referral.version,
        ),
        await patch(
          released.referral.id,
          { releasedOn: addDays(day0, -11), reason },
          released.referral.version,
        ),
        await patch(engaged.referral.id, { releasedOn: addDays(day0, -1), reason }, engagedVersion),
        await patch(waiting.referral.id, { releasedOn: addDays(day0, -1), reason }, 1),
      ];
      // Assess
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect(answer.body.error.fields.releasedOn).toEqual(expect.any(String));
      }
      expect(answers[1]?.body.error.fields.releasedOn).toMatch(/referral date/);
      expect(answers[2]?.body.error.fields.releasedOn).toMatch(/treatment start/);
      expect(await view(released.referral.id)).toMatchObject({
        version: released.referral.version,
        releasedOn: addDays(day0, -3),
      });
      expect((await view(engaged.referral.id)).version).toBe(engagedVersion);
      expect(await view(waiting.referral.id)).toMatchObject({ version: 1, status: 'referred' });
    });

    it('corrects a treatment start only on an engaged case, never before the release', async () => {
      // Prepare
      const notEngaged = await releasedCase(5);
      const engaged = await releasedCase(5);
      const version = (await engage(engaged.referral.id, addDays(day0, -2))).version;
      const reason = 'Entered on the wrong day';
      // Act
      const none = await patch(
        notEngaged.referral.id,
        { engagedOn: addDays(day0, -1), reason },
        notEngaged.referral.version,
      );
      const early = await patch(engaged.referral.id, { engagedOn: addDays(day0, -6), reason }, version);
      const noReason = await patch(engaged.referral.id, { engagedOn: addDays(day0, -1) }, version);
      const corrected = await patch(engaged.referral.id, { engagedOn: addDays(day0, -1), reason }, version);
      // Assess
      expect(none.status).toBe(400);
      expect(none.body.error.fields.engagedOn).toEqual(expect.any(String));
      expect(early.status).toBe(400);
      expect(early.body.error.fields.engagedOn).toMatch(/release date/);
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.fields.reason).toEqual(expect.any(String));
      expect(corrected.status).toBe(200);
      expect(corrected.body.engagedOn).toBe(addDays(day0, -1));
      expect((await view(notEngaged.referral.id)).version).toBe(notEngaged.referral.version);
      const updated = (await timeline(engaged.referral.id)).find(
        (event) => event.kind === 'referral_updated',
      );
      expect(updated?.details).toMatchObject({
        changes: [{ field: 'engagedOn', from: addDays(day0, -2), to: addDays(day0, -1) }],
        reason,
      });
    });

    it('refuses any change to a closed case: 409 referral_closed', async () => {
      // Prepare
      const { referral } = await releasedCase(3);
      const closed = await post(`/referrals/${referral.id}/close`, { reason: 'moved_away', closedOn: day0 });
      expect(closed.status).toBe(200);
      // Act
      const correction = await patch(
        referral.id,
        { releasedOn: addDays(day0, -4), reason: 'Wrong date' },
        closed.body.version,
      );
      const source = await patch(referral.id, { source: 'HMP Long Lartin' }, closed.body.version);
      // Assess
      for (const answer of [correction, source]) {
        expect(answer.status).toBe(409);
        expect(answer.body.error.code).toBe('referral_closed');
      }
      expect(await view(referral.id)).toMatchObject({
        version: closed.body.version,
        releasedOn: addDays(day0, -3),
        source: 'HMP Hewell',
      });
    });

    it('refuses a move by a caller who does not cover the new area (403), and an unknown area (400), writing nothing', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const caseworker = await patch(referral.id, { areaId: areas.hereford }, 1);
      const unknown = await patch(referral.id, { areaId: '01jzzzzzzzzzzzzzzzzzzzzzzz' }, 1, tokens.manager);
      // Assess
      expect(caseworker.status).toBe(403);
      expect(caseworker.body.error.code).toBe('forbidden');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields.areaId).toEqual(expect.any(String));
      expect(await view(referral.id)).toMatchObject({ version: 1, areaId: areas.worcs });
    });

    it('moves a case to another area: its alerts go to that area’s list, and an assignee who does not cover it is unassigned', async () => {
      // Prepare: released two days ago with no first appointment, so an alert is open; held by Sam
      // Patel, who covers Worcestershire only.
      const { referral } = await releasedCase(2, areas.worcs, { assignedTo: ids.caseworker });
      await sweepAt(noon);
      const alert = (await alertsOf(referral.id)).find((one) => one.rule === 'no_first_appointment');
      expect(alert).toMatchObject({ status: 'open', areaId: areas.worcs });
      const version = (await view(referral.id)).version;
      // Act: the manager, who covers both areas, moves it.
      const moved = await patch(referral.id, { areaId: areas.hereford }, version, tokens.manager);
      // Assess
      expect(moved.status).toBe(200);
      expect(moved.body.areaId).toBe(areas.hereford);
      expect(moved.body.assignedTo ?? null).toBeNull();
      expect(moved.body.assignedToName ?? null).toBeNull();
      const herefordAlerts = await get(`/alerts?areaId=${areas.hereford}&limit=200`, tokens.manager);
      const worcsAlerts = await get(`/alerts?areaId=${areas.worcs}&limit=200`, tokens.manager);
      expect(herefordAlerts.body.items.find((one: { id: string }) => one.id === alert?.id)).toMatchObject({
        areaId: areas.hereford,
        status: 'open',
      });
      expect(worcsAlerts.body.items.map((one: { id: string }) => one.id)).not.toContain(alert?.id);
      const seenByHereford = await get('/alerts?limit=200', hereford);
      expect(seenByHereford.body.items.map((one: { id: string }) => one.id)).toContain(alert?.id);
      expect((await get(`/referrals/${referral.id}`, tokens.caseworker)).status).toBe(404);
      expect((await get(`/referrals/${referral.id}`, hereford)).body.areaId).toBe(areas.hereford);
      const herefordWork = (await allPages('/worklist', hereford, 200)).flatMap((page) => page.items);
      const worcsWork = (await allPages('/worklist', tokens.caseworker, 200)).flatMap((page) => page.items);
      expect(herefordWork.map((item) => item.referralId)).toContain(referral.id);
      expect(worcsWork.map((item) => item.referralId)).not.toContain(referral.id);
      const updated = (await timeline(referral.id, tokens.manager)).find(
        (event) => event.kind === 'referral_updated',
      );
      expect(updated?.details?.changes).toEqual(
        expect.arrayContaining([{ field: 'areaId', from: areas.worcs, to: areas.hereford }]),
      );
    });

    it('keeps the assignee on a move when they cover the new area too', async () => {
      // Prepare
      const { referral } = await openCase(areas.worcs, { assignedTo: ids.manager });
      const version = (await view(referral.id)).version;
      // Act
      const moved = await patch(referral.id, { areaId: areas.hereford }, version, tokens.manager);
      // Assess
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ areaId: areas.hereford, assignedTo: ids.manager });
    });

    it('sets the programmes, and refuses one that is not a programme code, naming programmes', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const bad = await patch(referral.id, { programmes: ['Through The Gate'] }, 1);
      const set = await patch(referral.id, { programmes: ['through_the_gate', 'starting_point_plus'] }, 1);
      // Assess
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields).some((field) => field.startsWith('programmes'))).toBe(true);
      expect(set.status).toBe(200);
      expect(set.body.programmes).toEqual(['through_the_gate', 'starting_point_plus']);
      expect((await view(referral.id)).programmes).toEqual(['through_the_gate', 'starting_point_plus']);
      expect(referral.programmes).toEqual([]);
    });

    it('recomputes the alerts at once on a corrected release date: an alert that no longer holds is resolved, an earlier date is overdue at once', async () => {
      // Prepare: released three days ago with no first appointment, the alert raised; and a
      // release recorded today.
      const late = await releasedCase(3);
      const today = await releasedCase(0);
      await sweepAt(noon);
      const alert = (await alertsOf(late.referral.id)).find((one) => one.rule === 'no_first_appointment');
      expect(alert?.status).toBe('open');
      const reason = 'The prison confirmed another date';
      // Act
      const toToday = await patch(
        late.referral.id,
        { releasedOn: day0, reason },
        (await view(late.referral.id)).version,
      );
      const toEarlier = await patch(
        today.referral.id,
        { releasedOn: addDays(day0, -3), reason },
        (await view(today.referral.id)).version,
      );
      // Assess: released today, a first appointment is due only tomorrow at 09:00.
      expect(toToday.status).toBe(200);
      const lateAfter = await view(late.referral.id);
      expect(lateAfter.alerts.find((one: { id: string }) => one.id === alert?.id)).toMatchObject({
        status: 'resolved',
        resolvedBy: { memberId: 'service' },
      });
      expect(lateAfter.nextAction).toMatchObject({
        rule: 'no_first_appointment',
        dueAt: at(addDays(day0, 1), 9).toISOString(),
        overdue: false,
      });
      expect(toEarlier.status).toBe(200);
      expect((await view(today.referral.id)).nextAction).toMatchObject({
        rule: 'no_first_appointment',
        overdue: true,
      });
    });

    it('clears the expected release with null: its alert is resolved by the service and the case has no next action', async () => {
      // Prepare
      const { referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, -2) });
      await sweepAt(noon);
      const alert = (await alertsOf(referral.id)).find((one) => one.rule === 'release_not_confirmed');
      expect(alert?.status).toBe('open');
      // Act
      const cleared = await patch(
        referral.id,
        { expectedReleaseOn: null },
        (await view(referral.id)).version,
      );
      // Assess
      expect(cleared.status).toBe(200);
      expect(cleared.body.expectedReleaseOn ?? null).toBeNull();
      const after = await view(referral.id);
      expect(after.alerts.find((one: { id: string }) => one.id === alert?.id)?.status).toBe('resolved');
      expect(after.nextAction).toBeNull();
      expect(after.openAlerts).toBe(0);
    });

    it('checks an assignee against the new area when a case is moved and assigned in one request', async () => {
      // Prepare
      const refused = await openCase();
      const accepted = await openCase();
      // Act
      const toSam = await patch(
        refused.referral.id,
        { areaId: areas.hereford, assignedTo: ids.caseworker },
        1,
        tokens.manager,
      );
      const toJo = await patch(
        accepted.referral.id,
        { areaId: areas.hereford, assignedTo: ids.hereford },
        1,
        tokens.manager,
      );
      // Assess
      expect(toSam.status).toBe(400);
      expect(Object.keys(toSam.body.error.fields)).toEqual(['assignedTo']);
      expect(await view(refused.referral.id)).toMatchObject({ version: 1, areaId: areas.worcs });
      expect(toJo.status).toBe(200);
      expect(toJo.body).toMatchObject({
        areaId: areas.hereford,
        assignedTo: ids.hereford,
        assignedToName: 'Jo Williams',
      });
      const herefordWork = (await allPages('/worklist?assignee=me', hereford, 200)).flatMap(
        (page) => page.items,
      );
      expect(herefordWork.map((item) => item.referralId)).not.toContain(refused.referral.id);
    });

    it.each([
      ['an empty body', {}],
      ['a reason alone', { reason: 'No change' }],
      ['a field that is not one', { status: 'engaged' }],
      ['a reason over 500 characters', { source: 'HMP Long Lartin', reason: 'x'.repeat(501) }],
      ['an expected release that is not a date', { expectedReleaseOn: '31/12/2026' }],
    ])('answers 400 to %s and writes nothing', async (_what, body) => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const answer = await patch(referral.id, body, 1);
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('validation_failed');
      expect(await view(referral.id)).toMatchObject({ version: 1, source: 'HMP Hewell' });
    });
  });

  // 2. GET /referrals/{id}/assignees --------------------------------------------------------------

  describe('GET /referrals/{id}/assignees', () => {
    it('offers only the caseworkers and managers of the case’s area, by name', async () => {
      // Prepare
      const worcsCase = await openCase();
      const herefordCase = await openCase(areas.hereford, {}, {}, hereford);
      // Act
      const worcs = await get(`/referrals/${worcsCase.referral.id}/assignees`);
      const here = await get(`/referrals/${herefordCase.referral.id}/assignees`, tokens.manager);
      // Assess
      expect(worcs.status).toBe(200);
      const names = worcs.body.items.map((item: { name: string }) => item.name);
      expect(names).toEqual(expect.arrayContaining(['Sam Patel', 'Tom Evans']));
      expect(names).not.toContain('Jo Williams');
      expect(names).not.toContain('Priya Shah');
      expect(names).not.toContain('Alex Morgan');
      expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en-GB')));
      expect(
        worcs.body.items.every((item: { role: string }) => ['caseworker', 'manager'].includes(item.role)),
      ).toBe(true);
      expect(worcs.body.items.find((item: { id: string }) => item.id === ids.caseworker)).toEqual({
        id: ids.caseworker,
        name: 'Sam Patel',
        role: 'caseworker',
      });
      const hereNames = here.body.items.map((item: { name: string }) => item.name);
      expect(hereNames).toEqual(expect.arrayContaining(['Jo Williams', 'Tom Evans']));
      expect(hereNames).not.toContain('Sam Patel');
    });

    it('answers 404 for a case of an area the caller does not cover', async () => {
      // Prepare
      const { referral } = await openCase(areas.hereford, {}, {}, hereford);
      // Act
      const answer = await get(`/referrals/${referral.id}/assignees`);
      // Assess
      expect(answer.status).toBe(404);
    });
  });

  // 3. PUT /referrals/{id}/release-plan -----------------------------------------------------------

  describe('PUT /referrals/{id}/release-plan', () => {
    it('saves a first plan without If-Match, then needs the plan’s version: 428 without, 409 stale, 200 with it', async () => {
      // Prepare
      const { referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, 5) });
      // Act
      const first = await putPlan(referral.id, { accommodation: 'temporary', naloxoneIssued: true });
      const without = await putPlan(referral.id, { accommodation: 'settled' });
      const stale = await putPlan(referral.id, { accommodation: 'settled' }, 5);
      const second = await putPlan(
        referral.id,
        {
          accommodation: 'settled',
          onOstAtRelease: true,
          gpRegistered: false,
          probationPractitioner: { name: 'Pat Probation', email: 'pat@probation.example.test' },
          notes: 'Meet at the gate at 08:00',
        },
        1,
      );
      // Assess
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe('"1"');
      expect(first.body).toMatchObject({
        accommodation: 'temporary',
        naloxoneIssued: true,
        onOstAtRelease: null,
        bridgingPrescription: null,
        gpRegistered: null,
        housingReferralMade: null,
        metAtGate: null,
        probationPractitioner: null,
        version: 1,
        updatedBy: { memberId: ids.caseworker, name: 'Sam Patel' },
      });
      expect(without.status).toBe(428);
      expect(without.body.error.code).toBe('precondition_required');
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('version_conflict');
      expect(second.status).toBe(200);
      expect(second.headers.get('etag')).toBe('"2"');
      expect(second.body).toMatchObject({
        accommodation: 'settled',
        onOstAtRelease: true,
        gpRegistered: false,
        // A fact left out of the whole plan is not known, even if the last plan knew it.
        naloxoneIssued: null,
        probationPractitioner: { name: 'Pat Probation', email: 'pat@probation.example.test' },
        notes: 'Meet at the gate at 08:00',
        version: 2,
      });
      const shown = await view(referral.id);
      expect(shown.releasePlan).toEqual(second.body);
      const planned = (await timeline(referral.id)).filter((event) => event.kind === 'release_planned');
      expect(planned).toHaveLength(2);
    });

    it('lets only one of two first plans saved at once win; the other is told of the conflict', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const answers = await Promise.all([
        putPlan(referral.id, { accommodation: 'settled' }),
        putPlan(referral.id, { accommodation: 'no_fixed_abode' }, undefined, tokens.manager),
      ]);
      // Assess
      // The other read the case before or after the first was saved: a conflict, or a plan that
      // now needs its version.
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses[0]).toBe(200);
      expect([409, 428]).toContain(statuses[1]);
      const winner = answers.find((answer) => answer.status === 200);
      const shown = (await view(referral.id)).releasePlan;
      expect(shown).toMatchObject({ version: 1, accommodation: winner?.body.accommodation });
      expect((await timeline(referral.id)).filter((event) => event.kind === 'release_planned')).toHaveLength(
        1,
      );
    });

    it('refuses a plan on a pathway without a prison release: 409 not_a_prison_pathway', async () => {
      // Prepare
      const { referral } = await openCase(areas.worcs, {
        pathway: 'drr',
        source: 'Court',
        order: { madeOn: daysAgo(10), months: 6, court: 'Worcester Magistrates’ Court', reviewDates: [] },
      });
      // Act
      const answer = await putPlan(referral.id, { accommodation: 'settled' });
      // Assess
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('not_a_prison_pathway');
      expect((await view(referral.id)).releasePlan).toBeUndefined();
    });

    it.each([
      ['an accommodation that is not one', { accommodation: 'tent' }, 'accommodation'],
      ['no accommodation', { onOstAtRelease: true }, 'accommodation'],
      [
        'a fact that is not true, false or null',
        { accommodation: 'settled', onOstAtRelease: 'yes' },
        'onOstAtRelease',
      ],
      ['notes over 2,000 characters', { accommodation: 'settled', notes: 'x'.repeat(2001) }, 'notes'],
      ['a field that is not one', { accommodation: 'settled', colour: 'red' }, 'colour'],
      [
        'a probation practitioner without a valid email',
        { accommodation: 'settled', probationPractitioner: { name: 'Pat', email: 'not-an-email' } },
        'probationPractitioner.email',
      ],
    ])('answers 400 to %s, naming %s, and saves nothing', async (_what, body, field) => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const answer = await putPlan(referral.id, body);
      // Assess
      expect(answer.status).toBe(400);
      expect(answer.body.error.fields[field as string]).toEqual(expect.any(String));
      const after = await view(referral.id);
      expect(after.releasePlan).toBeUndefined();
      expect(after.version).toBe(1);
    });

    it('refuses a plan for a closed case: 409 referral_closed', async () => {
      // Prepare
      const { referral } = await openCase();
      await post(`/referrals/${referral.id}/close`, { reason: 'died', closedOn: day0 });
      // Act
      const answer = await putPlan(referral.id, { accommodation: 'settled' });
      // Assess
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('referral_closed');
      expect((await view(referral.id)).releasePlan).toBeUndefined();
    });

    it('puts the release’s risks on the case and the worklist: no fixed abode, no naloxone, and no OST for opiate use', async () => {
      // Prepare: released today, an opiate user; and a person who uses alcohol only.
      const opiate = await releasedCase(0, areas.worcs, {}, { substanceGroup: 'opiate' });
      const alcohol = await releasedCase(0, areas.worcs, {}, { substanceGroup: 'alcohol' });
      const plan = { accommodation: 'no_fixed_abode', onOstAtRelease: false, naloxoneIssued: false };
      // Act
      expect((await putPlan(opiate.referral.id, plan)).status).toBe(200);
      expect((await putPlan(alcohol.referral.id, plan)).status).toBe(200);
      // Assess
      const pages = await allPages('/worklist', tokens.caseworker, 200);
      const items = pages.flatMap((page) => page.items) as { referralId: string; riskFlags: string[] }[];
      const opiateItem = items.find((item) => item.referralId === opiate.referral.id);
      const alcoholItem = items.find((item) => item.referralId === alcohol.referral.id);
      expect(opiateItem?.riskFlags).toEqual(
        expect.arrayContaining(['no_fixed_abode', 'no_ost_at_release', 'no_naloxone', 'first_days']),
      );
      expect(alcoholItem?.riskFlags).toEqual(expect.arrayContaining(['no_fixed_abode', 'no_naloxone']));
      expect(alcoholItem?.riskFlags).not.toContain('no_ost_at_release');
      expect((await view(opiate.referral.id)).riskFlags).toEqual(
        expect.arrayContaining(['no_fixed_abode', 'no_ost_at_release', 'no_naloxone']),
      );
    });
  });

  // 4. Contacts ----------------------------------------------------------------------------------

  describe('contacts', () => {
    const contact = (when: Date | string, extra: Record<string, unknown> = {}) => ({
      at: typeof when === 'string' ? when : withOffset(when),
      method: 'in_person',
      outcome: 'made',
      ...extra,
    });

    it('marks a contact before release when no release is recorded or it falls before the release day, after release from that day on', async () => {
      // Prepare
      const { referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, -1) });
      // Act
      const unreleased = await post(`/referrals/${referral.id}/contacts`, contact(at(addDays(day0, -3), 10)));
      await post(`/referrals/${referral.id}/release`, {
        releasedOn: addDays(day0, -1),
        releaseType: 'licence',
      });
      const dayBefore = await post(
        `/referrals/${referral.id}/contacts`,
        contact(at(addDays(day0, -2), 15), { method: 'phone' }),
      );
      const releaseDay = await post(
        `/referrals/${referral.id}/contacts`,
        contact(at(addDays(day0, -1), 8), { method: 'phone', outcome: 'attempted' }),
      );
      const today = await post(
        `/referrals/${referral.id}/contacts`,
        contact(at(day0, 9), { method: 'video', note: 'Settled at the hostel' }),
      );
      // Assess
      expect(unreleased.status).toBe(201);
      expect(unreleased.body).toMatchObject({
        referralId: referral.id,
        method: 'in_person',
        outcome: 'made',
        stage: 'pre_release',
        recordedBy: { memberId: ids.caseworker, name: 'Sam Patel' },
        version: 1,
      });
      expect(Date.parse(unreleased.body.at)).toBe(at(addDays(day0, -3), 10).getTime());
      expect(dayBefore.body.stage).toBe('pre_release');
      expect(releaseDay.body.stage).toBe('post_release');
      expect(today.body).toMatchObject({ stage: 'post_release', note: 'Settled at the hostel' });
      const after = await view(referral.id);
      expect(after.contactCounts).toEqual({ preRelease: 2, postRelease: 2 });
      expect(Date.parse(after.lastContactAt)).toBe(at(day0, 9).getTime());
      const recorded = (await timeline(referral.id)).filter((event) => event.kind === 'contact_recorded');
      expect(recorded).toHaveLength(4);
    });

    // A contact's stage follows the release date as it now is: a correction recounts them.
    it('keeps the contact stages and counts true to a corrected release date', async () => {
      // Prepare: a visit two days ago, with the release recorded as yesterday.
      const { referral } = await openCase();
      await post(`/referrals/${referral.id}/contacts`, contact(at(addDays(day0, -2), 10)));
      const released = await post(`/referrals/${referral.id}/release`, {
        releasedOn: addDays(day0, -1),
        releaseType: 'licence',
      });
      expect((await view(referral.id)).contactCounts).toEqual({ preRelease: 1, postRelease: 0 });
      // Act: the release was in fact three days ago, before the visit.
      const corrected = await patch(
        referral.id,
        { releasedOn: addDays(day0, -3), reason: 'Released earlier than the prison said' },
        released.body.version,
      );
      // Assess
      expect(corrected.status).toBe(200);
      const listed = (await get(`/referrals/${referral.id}/contacts`)).body.items;
      expect(listed.map((one: { stage: string }) => one.stage)).toEqual(['post_release']);
      expect((await view(referral.id)).contactCounts).toEqual({ preRelease: 0, postRelease: 1 });
    });

    it('reads the release day in England: 00:30 in summer time is already the release day', async () => {
      // Prepare: a release last July (British Summer Time), referred in June.
      const year = Number(day0.slice(0, 4)) - 1;
      const { referral } = await openCase(areas.worcs, { referredOn: `${year}-06-01` });
      await post(`/referrals/${referral.id}/release`, {
        releasedOn: `${year}-07-10`,
        releaseType: 'licence',
      });
      // Act: 23:30 on 9 July in England, and 00:30 on 10 July in England (23:30 UTC on 9 July).
      const late = await post(`/referrals/${referral.id}/contacts`, contact(`${year}-07-09T23:30:00+01:00`));
      const early = await post(`/referrals/${referral.id}/contacts`, contact(`${year}-07-10T00:30:00+01:00`));
      // Assess
      expect(late.status).toBe(201);
      expect(late.body.stage).toBe('pre_release');
      expect(early.status).toBe(201);
      expect(early.body.stage).toBe('post_release');
    });

    it('refuses a contact in the future or before the referral, naming at, and counts nothing', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const future = await post(`/referrals/${referral.id}/contacts`, contact(hoursLater(noon, 1)));
      const early = await post(`/referrals/${referral.id}/contacts`, contact(at(addDays(day0, -11), 10)));
      const badMethod = await post(`/referrals/${referral.id}/contacts`, contact(noon, { method: 'pigeon' }));
      const noOffset = await post(`/referrals/${referral.id}/contacts`, contact(`${day0}T10:00:00`));
      const badOutcome = await post(
        `/referrals/${referral.id}/contacts`,
        contact(noon, { outcome: 'maybe' }),
      );
      expect(noOffset.status).toBe(400);
      expect(noOffset.body.error.fields.at).toEqual(expect.any(String));
      expect(badOutcome.status).toBe(400);
      expect(badOutcome.body.error.fields.outcome).toEqual(expect.any(String));
      // Assess
      for (const answer of [future, early]) {
        expect(answer.status).toBe(400);
        expect(answer.body.error.fields.at).toEqual(expect.any(String));
      }
      expect(badMethod.status).toBe(400);
      expect(badMethod.body.error.fields.method).toEqual(expect.any(String));
      const after = await view(referral.id);
      expect(after).toMatchObject({ version: 1, contactCounts: { preRelease: 0, postRelease: 0 } });
      expect((await get(`/referrals/${referral.id}/contacts`)).body.items).toEqual([]);
    });

    it('replays a repeated Idempotency-Key: the same contact, nothing written twice', async () => {
      // Prepare
      const { referral } = await openCase();
      const body = contact(at(day0, 10), { method: 'letter' });
      const key = { 'idempotency-key': `contact-${randomUUID()}` };
      // Act
      const first = await post(`/referrals/${referral.id}/contacts`, body, tokens.caseworker, key);
      const again = await post(`/referrals/${referral.id}/contacts`, body, tokens.caseworker, key);
      // Assess
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect((await get(`/referrals/${referral.id}/contacts`)).body.items).toHaveLength(1);
      const after = await view(referral.id);
      expect(after.contactCounts).toEqual({ preRelease: 1, postRelease: 0 });
      expect(after.version).toBe(2);
      expect((await timeline(referral.id)).filter((event) => event.kind === 'contact_recorded')).toHaveLength(
        1,
      );
      const otherBody = await post(
        `/referrals/${referral.id}/contacts`,
        { ...body, method: 'phone' },
        tokens.caseworker,
        key,
      );
      expect(otherBody.status).toBe(409);
      expect((await get(`/referrals/${referral.id}/contacts`)).body.items).toHaveLength(1);
    });

    it('lists contacts newest first, a page at a time, without repeats', async () => {
      // Prepare: five contacts recorded out of order.
      const { referral } = await openCase();
      const hours = [3, 9, 1, 7, 5];
      for (const hour of hours) {
        const made = await post(`/referrals/${referral.id}/contacts`, contact(at(addDays(day0, -1), hour)));
        expect(made.status).toBe(201);
      }
      // Act
      const pages = await allPages(`/referrals/${referral.id}/contacts`, tokens.caseworker, 2);
      // Assess
      const times = pages.flatMap((page) => page.items).map((item) => Date.parse(String(item.at)));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(times).toEqual(
        [...hours].sort((a, b) => b - a).map((hour) => at(addDays(day0, -1), hour).getTime()),
      );
      const contactIds = pages.flatMap((page) => page.items).map((item) => item.id);
      expect(new Set(contactIds).size).toBe(5);
      const elsewhere = await openCase();
      const firstPage = await get(`/referrals/${referral.id}/contacts?limit=2`);
      const misused = await get(
        `/referrals/${elsewhere.referral.id}/contacts?limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`,
      );
      expect(misused.status).toBe(400);
    });

    // A contact needs no If-Match: one that loses a race with another change is tried again.
    it('records contacts posted at the same moment by two staff, each counted', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act
      const answers = await Promise.all(
        [6, 7, 8, 9, 10].map((hour) =>
          post(
            `/referrals/${referral.id}/contacts`,
            contact(at(day0, hour)),
            hour === 9 ? tokens.manager : tokens.caseworker,
          ),
        ),
      );
      // Assess
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
      expect((await get(`/referrals/${referral.id}/contacts`)).body.items).toHaveLength(5);
      expect((await view(referral.id)).contactCounts).toEqual({ preRelease: 5, postRelease: 0 });
    });

    it('refuses a contact on a closed case: 409', async () => {
      // Prepare
      const { referral } = await openCase();
      await post(`/referrals/${referral.id}/close`, { reason: 'declined', closedOn: day0 });
      // Act
      const answer = await post(`/referrals/${referral.id}/contacts`, contact(at(day0, 10)));
      // Assess
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('referral_closed');
    });
  });

  // 5. GET /worklist -----------------------------------------------------------------------------

  describe('GET /worklist', () => {
    type Item = {
      referralId: string;
      reference: string;
      person: { givenName: string; familyName: string; prisonNumber?: string };
      assignedTo: string | null;
      releasedOn: string | null;
      expectedReleaseOn: string | null;
      daysSinceRelease: number | null;
      windowClosesOn: string | null;
      riskFlags: string[];
      nextAction: { rule: string; dueAt: string; overdue: boolean } | null;
      openAlerts: number;
      priority: number;
      why: string[];
    };
    const worklist = async (token: string, query = '') => {
      const answer = await get(`/worklist${query}`, token);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as { items: Item[]; nextCursor?: string; counts?: Record<string, number> };
    };
    const itemOf = (list: { items: Item[] }, referralId: string) =>
      list.items.find((item) => item.referralId === referralId);
    /** The counts across the top, with the worklist's own filters (GET /worklist/counts). */
    const countsOf = async (token: string, query = '') => {
      const answer = await get(`/worklist/counts${query}`, token);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as Record<string, number>;
    };

    it('lists a case released today with no first appointment: its next action, risks, why and priority', async () => {
      // Prepare
      const area = await freshArea();
      const { referral, person } = await releasedCase(
        0,
        area.areaId,
        {},
        { substanceGroup: 'alcohol' },
        area.me.token,
      );
      // Act
      const list = await worklist(area.me.token);
      // Assess
      const item = itemOf(list, referral.id);
      expect(item).toMatchObject({
        reference: referenceOf(referral.id),
        person: {
          givenName: person.givenName,
          familyName: person.familyName,
          prisonNumber: person.prisonNumber,
        },
        releasedOn: day0,
        daysSinceRelease: 0,
        windowClosesOn: addDays(day0, 21),
        nextAction: {
          rule: 'no_first_appointment',
          dueAt: at(addDays(day0, 1), 9).toISOString(),
          overdue: false,
        },
        openAlerts: 0,
        priority: expect.any(Number),
      });
      expect(item?.riskFlags).toEqual(expect.arrayContaining(['first_days', 'no_first_appointment']));
      expect(item?.why).toContain('Released today');
      expect(item?.why.join('\n')).toMatch(/first appointment/i);
    });

    it('lists a case expected to release within 7 days, not one expected in 30 days, nor an engaged case', async () => {
      // Prepare
      const area = await freshArea();
      const soon = await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 3) }, {}, area.me.token);
      const later = await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 30) }, {}, area.me.token);
      const engaged = await releasedCase(3, area.areaId, {}, {}, area.me.token);
      await engage(engaged.referral.id, addDays(day0, -1), area.me.token);
      // Act
      const list = await worklist(area.me.token);
      // Assess
      expect(itemOf(list, soon.referral.id)).toMatchObject({
        expectedReleaseOn: addDays(day0, 3),
        releasedOn: null,
        daysSinceRelease: null,
      });
      expect(itemOf(list, soon.referral.id)?.why).toContain('Expected release in 3 days');
      expect(itemOf(list, later.referral.id)).toBeUndefined();
      expect(itemOf(list, engaged.referral.id)).toBeUndefined();
      expect(list.items).toHaveLength(1);
    });

    it('filters by assignee: my cases, and cases nobody holds', async () => {
      // Prepare
      const area = await freshArea();
      const mine = await releasedCase(1, area.areaId, { assignedTo: area.me.id }, {}, area.me.token);
      const theirs = await releasedCase(1, area.areaId, { assignedTo: area.colleague.id }, {}, area.me.token);
      const nobodys = await releasedCase(1, area.areaId, {}, {}, area.me.token);
      // Act
      const me = await worklist(area.me.token, '?assignee=me');
      const unassigned = await worklist(area.me.token, '?assignee=unassigned');
      const all = await worklist(area.me.token, '?assignee=all');
      const colleague = await worklist(area.colleague.token, '?assignee=me');
      // Assess
      expect(me.items.map((item) => item.referralId)).toEqual([mine.referral.id]);
      expect(me.items[0]?.assignedTo).toBe(area.me.id);
      expect(unassigned.items.map((item) => item.referralId)).toEqual([nobodys.referral.id]);
      expect(unassigned.items[0]?.assignedTo).toBeNull();
      expect(colleague.items.map((item) => item.referralId)).toEqual([theirs.referral.id]);
      expect(all.items.map((item) => item.referralId).sort()).toEqual(
        [mine.referral.id, theirs.referral.id, nobodys.referral.id].sort(),
      );
      expect(await countsOf(area.me.token, '?assignee=me')).toMatchObject({ firstDays: 1 });
      expect(await countsOf(area.me.token, '?assignee=unassigned')).toMatchObject({ firstDays: 1 });
      expect(await countsOf(area.me.token)).toMatchObject({ firstDays: 3 });
    });

    it('counts across the top: releasing within 7 days, in the first 4 days, overdue, open alerts', async () => {
      // Prepare
      const area = await freshArea();
      const t = area.me.token;
      await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 2) }, {}, t);
      await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 7) }, {}, t);
      await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 20) }, {}, t);
      await releasedCase(0, area.areaId, {}, {}, t);
      const overdue = await releasedCase(3, area.areaId, {}, {}, t);
      const old = await releasedCase(8, area.areaId, { referredOn: addDays(day0, -12) }, {}, t);
      // Act
      const before = await countsOf(t);
      await sweepAt(noon);
      const counted = await countsOf(t);
      const after = await worklist(t);
      // Assess: two releasing soon; released today and 3 days ago in their first days; the two
      // released 3 and 8 days ago are past their first appointment's deadline, and the sweep
      // raises an alert on each.
      expect(before).toEqual({ releasingSoon: 2, firstDays: 2, overdue: 2, openAlerts: 0 });
      expect(counted).toEqual({ releasingSoon: 2, firstDays: 2, overdue: 2, openAlerts: 2 });
      expect(itemOf(after, overdue.referral.id)).toMatchObject({
        openAlerts: 1,
        nextAction: { rule: 'no_first_appointment', overdue: true },
      });
      expect(itemOf(after, overdue.referral.id)?.why).toContain('1 open alert');
      expect(itemOf(after, old.referral.id)?.riskFlags).not.toContain('first_days');
    });

    it('pages most urgent first with a cursor, without repeats', async () => {
      // Prepare
      const area = await freshArea();
      const made: string[] = [];
      for (const daysAgo of [0, 1, 2, 4, 6, 9]) {
        made.push((await releasedCase(daysAgo, area.areaId, {}, {}, area.me.token)).referral.id);
      }
      // Act
      const pages = await allPages('/worklist', area.me.token, 2);
      // Assess
      const items = pages.flatMap((page) => page.items) as Item[];
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(items).toHaveLength(6);
      expect(await countsOf(area.me.token)).toMatchObject({ firstDays: 4 });
      expect(items.map((item) => item.referralId).sort()).toEqual([...made].sort());
      const priorities = items.map((item) => item.priority);
      expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
      const single = await worklist(area.me.token, '?limit=200');
      expect(single.items.map((item) => item.referralId)).toEqual(items.map((item) => item.referralId));
    });

    // README "The release work": the counts are GET /worklist/counts, so a page stays one index page.
    it('counts the whole worklist at GET /worklist/counts, and no page carries counts', async () => {
      // Prepare
      const area = await freshArea();
      for (const daysAgo of [0, 1, 2]) await releasedCase(daysAgo, area.areaId, {}, {}, area.me.token);
      // Act
      const pages = await allPages('/worklist', area.me.token, 2);
      const counts = await call(stack, 'GET', `/worklist/counts?areaId=${area.areaId}`, {
        token: area.me.token,
      });
      // Assess
      expect(counts.body).toEqual({ releasingSoon: 0, firstDays: 3, overdue: 2, openAlerts: 0 });
      for (const page of pages) expect(page.counts).toBeUndefined();
    });

    it('keeps a case released within its window on the worklist while its next action is more than a week away', async () => {
      // Prepare: released five days ago, first appointment attended; the next action is the
      // day-14 check, nine days away.
      const area = await freshArea();
      const { referral } = await releasedCase(5, area.areaId, {}, {}, area.me.token);
      const booked = await post(
        `/referrals/${referral.id}/appointments`,
        { at: withOffset(at(addDays(day0, -4), 10)), location: 'Hub', kind: 'first' },
        area.me.token,
      );
      const attended = await call(
        stack,
        'PATCH',
        `/referrals/${referral.id}/appointments/${booked.body.id}`,
        {
          token: area.me.token,
          body: { status: 'attended' },
          headers: ifMatch(1),
        },
      );
      expect(attended.status).toBe(200);
      // Act
      const list = await worklist(area.me.token);
      // Assess
      expect(itemOf(list, referral.id)).toMatchObject({
        daysSinceRelease: 5,
        nextAction: {
          rule: 'engagement_at_risk',
          dueAt: at(addDays(day0, 9), 9).toISOString(),
          overdue: false,
        },
      });
      expect(itemOf(list, referral.id)?.riskFlags).toEqual([]);
      expect(itemOf(list, referral.id)?.why).toContain('Released 5 days ago');
    });

    it('brings a case with recorded risks before one without, when both are due alike', async () => {
      // Prepare: two releases on the same day with no first appointment; one homeless, without naloxone.
      const area = await freshArea();
      const plain = await releasedCase(1, area.areaId, {}, { substanceGroup: 'alcohol' }, area.me.token);
      const risky = await releasedCase(1, area.areaId, {}, { substanceGroup: 'alcohol' }, area.me.token);
      const saved = await putPlan(
        risky.referral.id,
        { accommodation: 'no_fixed_abode', naloxoneIssued: false },
        undefined,
        area.me.token,
      );
      expect(saved.status).toBe(200);
      // Act
      const list = await worklist(area.me.token);
      // Assess
      expect(list.items.map((item) => item.referralId)).toEqual([risky.referral.id, plain.referral.id]);
      expect(itemOf(list, risky.referral.id)?.priority).toBeGreaterThan(
        itemOf(list, plain.referral.id)?.priority as number,
      );
      expect(itemOf(list, risky.referral.id)?.why).toEqual(
        expect.arrayContaining(['No fixed abode on release', 'No naloxone issued']),
      );
    });

    it('shows only the caller’s areas', async () => {
      // Prepare
      const area = await freshArea();
      const fresh = await releasedCase(1, area.areaId, {}, {}, area.me.token);
      const here = await releasedCase(1, areas.hereford, {}, {}, hereford);
      const worcs = await releasedCase(1, areas.worcs);
      // Act
      const worcsList = (await allPages('/worklist', tokens.caseworker, 200)).flatMap((page) => page.items);
      const freshList = await worklist(area.me.token);
      const managerWorcs = (await allPages(`/worklist?areaId=${areas.worcs}`, tokens.manager, 200)).flatMap(
        (page) => page.items,
      );
      const outside = await get(`/worklist?areaId=${areas.hereford}`, tokens.caseworker);
      const outsideCounts = await get(`/worklist/counts?areaId=${areas.hereford}`, tokens.caseworker);
      // Assess
      const worcsIds = worcsList.map((item) => item.referralId);
      expect(worcsIds).toContain(worcs.referral.id);
      expect(worcsIds).not.toContain(here.referral.id);
      expect(worcsIds).not.toContain(fresh.referral.id);
      expect(freshList.items.map((item) => item.referralId)).toEqual([fresh.referral.id]);
      expect(managerWorcs.map((item) => item.referralId)).not.toContain(here.referral.id);
      expect(outside.status).toBe(400);
      expect(outsideCounts.status).toBe(400);
    });

    it('keeps a case whose release-not-confirmed alert was raised, with its next action, until the alert is dealt with', async () => {
      // Prepare: expected yesterday, no release recorded; the sweep raises the alert.
      const area = await freshArea();
      const { referral } = await openCase(
        area.areaId,
        { expectedReleaseOn: addDays(day0, -1) },
        {},
        area.me.token,
      );
      await sweepAt(noon);
      const alert = (await alertsOf(referral.id, area.me.token)).find(
        (one) => one.rule === 'release_not_confirmed',
      );
      expect(alert?.status).toBe('open');
      // Act: acknowledged, the alert is not dealt with yet.
      expect((await post(`/alerts/${alert?.id}/acknowledge`, {}, area.me.token)).status).toBe(200);
      const acknowledged = await worklist(area.me.token);
      const caseload = await get('/referrals?limit=200', area.me.token);
      const shown = await view(referral.id, area.me.token);
      // Act: resolved, it is.
      const resolved = await post(
        `/alerts/${alert?.id}/resolve`,
        { note: 'Release confirmed by the prison' },
        area.me.token,
      );
      const afterResolve = await worklist(area.me.token);
      // Assess
      expect(itemOf(acknowledged, referral.id)).toMatchObject({
        nextAction: { rule: 'release_not_confirmed', overdue: true },
        openAlerts: 0,
      });
      expect(itemOf(acknowledged, referral.id)?.why.join('\n')).toMatch(/Overdue/);
      expect(caseload.body.items.find((row: { id: string }) => row.id === referral.id)).toMatchObject({
        overdue: true,
        nextDueRule: 'release_not_confirmed',
      });
      expect(shown.nextAction).toMatchObject({ rule: 'release_not_confirmed', overdue: true });
      expect(resolved.status).toBe(200);
      expect(itemOf(afterResolve, referral.id)).toBeUndefined();
    });
  });

  // 6. The caseload -------------------------------------------------------------------------------

  describe('GET /referrals (caseload)', () => {
    type Row = {
      id: string;
      overdue: boolean;
      assignedTo?: string;
      expectedReleaseOn?: string;
      releasedOn?: string;
      pathway: string;
      person: { givenName: string; familyName: string };
    };
    const byName = (a: Row, b: Row) =>
      a.person.familyName.localeCompare(b.person.familyName, 'en-GB') ||
      a.person.givenName.localeCompare(b.person.givenName, 'en-GB');

    /** A fresh area with seven cases of people named so no page holds the whole order. */
    async function namedCaseload() {
      const area = await freshArea();
      const t = area.me.token;
      const families = ['Young', 'Abbot', 'Moss', 'Carr', 'Zeller', 'Ince', 'Baker'];
      const made: Record<string, string> = {};
      for (const [index, familyName] of families.entries()) {
        const referral =
          index % 2 === 0
            ? (
                await releasedCase(
                  index * 3,
                  area.areaId,
                  { referredOn: addDays(day0, -30) },
                  { familyName, givenName: 'Robin' },
                  t,
                )
              ).referral
            : (
                await openCase(
                  area.areaId,
                  {
                    expectedReleaseOn: addDays(day0, index * 10),
                    assignedTo: index === 1 ? area.me.id : undefined,
                  },
                  { familyName, givenName: 'Robin' },
                  t,
                )
              ).referral;
        made[familyName] = referral.id;
      }
      return { area, made };
    }

    it('sorts by name across the whole caseload, not the page, either way, with no repeats', async () => {
      // Prepare
      const { area } = await namedCaseload();
      // Act
      const asc = (await allPages('/referrals?sort=name', area.me.token, 3)).flatMap(
        (page) => page.items,
      ) as Row[];
      const desc = (await allPages('/referrals?sort=name&order=desc', area.me.token, 3)).flatMap(
        (page) => page.items,
      ) as Row[];
      // Assess
      const families = asc.map((row) => row.person.familyName);
      expect(families).toEqual(['Abbot', 'Baker', 'Carr', 'Ince', 'Moss', 'Young', 'Zeller']);
      expect(new Set(asc.map((row) => row.id)).size).toBe(7);
      expect([...asc].sort(byName).map((row) => row.id)).toEqual(asc.map((row) => row.id));
      expect(desc.map((row) => row.person.familyName)).toEqual([...families].reverse());
      expect(new Set(desc.map((row) => row.id)).size).toBe(7);
    });

    it('shows my cases with assignee=me', async () => {
      // Prepare
      const { area, made } = await namedCaseload();
      await patch(made.Young as string, { assignedTo: area.me.id }, 2, area.me.token);
      await patch(made.Moss as string, { assignedTo: area.colleague.id }, 2, area.me.token);
      // Act
      const mine = (await allPages('/referrals?assignee=me', area.me.token, 2)).flatMap(
        (page) => page.items,
      ) as Row[];
      const unassigned = (await allPages('/referrals?assignee=unassigned', area.me.token, 200)).flatMap(
        (page) => page.items,
      ) as Row[];
      // Assess
      expect(mine.map((row) => row.id).sort()).toEqual([made.Abbot, made.Young].sort());
      expect(mine.every((row) => row.assignedTo === area.me.id)).toBe(true);
      expect(unassigned).toHaveLength(4);
      expect(unassigned.every((row) => !row.assignedTo)).toBe(true);
    });

    it('gives each row its reference, person, assignee, day counter, contacts and open alerts; an unassigned case counts as nobody’s again', async () => {
      // Prepare
      const area = await freshArea();
      const t = area.me.token;
      const { referral, person } = await releasedCase(3, area.areaId, { assignedTo: area.me.id }, {}, t);
      await post(
        `/referrals/${referral.id}/contacts`,
        { at: withOffset(at(day0, 9)), method: 'phone', outcome: 'made' },
        t,
      );
      await sweepAt(noon);
      // Act
      const mine = await get('/referrals?assignee=me', t);
      const version = (await view(referral.id, t)).version;
      expect((await patch(referral.id, { assignedTo: null }, version, t)).status).toBe(200);
      const unassigned = await get('/referrals?assignee=unassigned', t);
      const unassignedWork = await get('/worklist?assignee=unassigned', t);
      // Assess
      expect(mine.body.items).toHaveLength(1);
      expect(mine.body.items[0]).toMatchObject({
        id: referral.id,
        reference: referenceOf(referral.id),
        person: { id: person.id, givenName: person.givenName, familyName: person.familyName },
        assignedTo: area.me.id,
        assignedToName: 'Ada Me',
        daysSinceRelease: 3,
        overdue: true,
        openAlerts: 1,
        contactCounts: { preRelease: 0, postRelease: 1 },
        programmes: [],
      });
      expect(unassigned.body.items.map((row: Row) => row.id)).toEqual([referral.id]);
      expect(unassignedWork.body.items.map((item: { referralId: string }) => item.referralId)).toEqual([
        referral.id,
      ]);
    });

    it('shows a renamed person’s new name on every case of theirs, and sorts by it', async () => {
      // Prepare: one person with two open cases, and another person.
      const area = await freshArea();
      const t = area.me.token;
      const { person, referral } = await releasedCase(
        1,
        area.areaId,
        {},
        { familyName: 'Aaron', givenName: 'Lee' },
        t,
      );
      const second = await post(
        `/people/${person.id}/referrals`,
        { pathway: 'divert', areaId: area.areaId, source: 'Police', referredOn: addDays(day0, -1) },
        t,
      );
      expect(second.status).toBe(201);
      await releasedCase(1, area.areaId, {}, { familyName: 'Moore', givenName: 'Ash' }, t);
      // Act
      const renamed = await call(stack, 'PATCH', `/people/${person.id}`, {
        token: t,
        body: { familyName: 'Zuckerman' },
        headers: ifMatch(person.version),
      });
      // Assess
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      const rows = (await allPages('/referrals?sort=name', t, 200)).flatMap((page) => page.items) as Row[];
      expect(rows.map((row) => row.person.familyName)).toEqual(['Moore', 'Zuckerman', 'Zuckerman']);
      const work = (await allPages('/worklist', t, 200)).flatMap((page) => page.items) as {
        referralId: string;
        person: { familyName: string };
      }[];
      expect(work.find((item) => item.referralId === referral.id)?.person.familyName).toBe('Zuckerman');
      const alerts = await get('/alerts?limit=200', t);
      expect(alerts.status).toBe(200);
    });

    it('lists the unreleased prison cases expected within 84 days, by expected date', async () => {
      // Prepare
      const area = await freshArea();
      const t = area.me.token;
      const expect10 = await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 10) }, {}, t);
      const expect90 = await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 90) }, {}, t);
      const expect84 = await openCase(area.areaId, { expectedReleaseOn: addDays(day0, 84) }, {}, t);
      const expectToday = await openCase(area.areaId, { expectedReleaseOn: day0 }, {}, t);
      const expect40 = await openCase(
        area.areaId,
        { expectedReleaseOn: addDays(day0, 40), pathway: 'through_the_gate' },
        {},
        t,
      );
      const released = await releasedCase(2, area.areaId, { expectedReleaseOn: addDays(day0, -2) }, {}, t);
      const divert = await openCase(area.areaId, { pathway: 'divert', source: 'Police' }, {}, t);
      // Act
      const rows = (await allPages('/referrals?releasingWithinDays=84', t, 2)).flatMap(
        (page) => page.items,
      ) as Row[];
      // Assess
      expect(rows.map((row) => row.id)).toEqual([
        expectToday.referral.id,
        expect10.referral.id,
        expect40.referral.id,
        expect84.referral.id,
      ]);
      const listed = rows.map((row) => row.id);
      expect(listed).not.toContain(expect90.referral.id);
      expect(listed).not.toContain(released.referral.id);
      expect(listed).not.toContain(divert.referral.id);
      expect(rows.every((row) => !row.releasedOn)).toBe(true);
      const latestFirst = (await allPages('/referrals?releasingWithinDays=84&order=desc', t, 3)).flatMap(
        (page) => page.items,
      ) as Row[];
      expect(latestFirst.map((row) => row.id)).toEqual([...listed].reverse());
      const byNameInView = (await allPages('/referrals?releasingWithinDays=84&sort=name', t, 3)).flatMap(
        (page) => page.items,
      ) as Row[];
      expect(byNameInView.map((row) => row.id).sort()).toEqual([...listed].sort());
      expect(byNameInView.map((row) => row.id)).toEqual([...byNameInView].sort(byName).map((row) => row.id));
      const tooMany = await get('/referrals?releasingWithinDays=400', t);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.fields.releasingWithinDays).toEqual(expect.any(String));
    });

    it('keeps overdue cases first by default, and pages without repeats', async () => {
      // Prepare
      const { area, made } = await namedCaseload();
      // Act
      const rows = (await allPages('/referrals', area.me.token, 2)).flatMap((page) => page.items) as Row[];
      // Assess: released 6, 12 and 18 days ago with no first appointment are overdue.
      expect(new Set(rows.map((row) => row.id)).size).toBe(7);
      const overdue = rows.filter((row) => row.overdue).map((row) => row.id);
      expect(overdue.sort()).toEqual([made.Moss, made.Zeller, made.Baker].sort());
      const firstNotOverdue = rows.findIndex((row) => !row.overdue);
      expect(rows.slice(firstNotOverdue).every((row) => !row.overdue)).toBe(true);
      expect(firstNotOverdue).toBe(3);
      const single = await get('/referrals?limit=200', area.me.token);
      expect(single.body.items.map((row: Row) => row.id)).toEqual(rows.map((row) => row.id));
    });
  });

  describe('lists across two areas', () => {
    it('pages the worklist and the caseload of a manager of two areas without repeats, in the order of one page', async () => {
      // Prepare: two fresh areas and a manager who covers both, with cases in each.
      const first = await freshArea();
      const second = await freshArea();
      const suffix = randomUUID().slice(0, 8);
      const email = `two-areas-${suffix}@release-work.example.test`;
      const invited = await call(stack, 'POST', '/members', {
        token: tokens.chair,
        body: { email, name: 'Tess Two', role: 'manager', areaIds: [first.areaId, second.areaId] },
      });
      expect(invited.status).toBe(201);
      const manager = await stack.token(email);
      const families = ['Oakes', 'Finch', 'Wren', 'Dunn', 'Hart', 'Lamb', 'Price', 'Gale'];
      for (const [index, familyName] of families.entries()) {
        const area = index % 2 === 0 ? first : second;
        const person = { familyName, givenName: 'Kit' };
        if (index % 3 === 0) {
          await openCase(area.areaId, { expectedReleaseOn: addDays(day0, index + 1) }, person, area.me.token);
        } else {
          await releasedCase(index, area.areaId, {}, person, area.me.token);
        }
      }
      // Act and assess
      for (const path of [
        '/worklist',
        '/worklist?assignee=unassigned',
        '/referrals',
        '/referrals?order=desc',
        '/referrals?sort=name',
        '/referrals?sort=name&order=desc',
        '/referrals?sort=released',
        '/referrals?sort=released&order=desc',
        '/referrals?sort=expected_release',
        '/referrals?sort=referred',
        '/referrals?sort=status',
        '/referrals?sort=pathway',
        '/referrals?sort=assignee',
        '/referrals?releasingWithinDays=84',
        '/referrals?releasingWithinDays=84&order=desc',
      ]) {
        const idKey = path.startsWith('/worklist') ? 'referralId' : 'id';
        const paged = (await allPages(path, manager, 3))
          .flatMap((page) => page.items)
          .map((item) => item[idKey]);
        const whole = (await allPages(path, manager, 200))
          .flatMap((page) => page.items)
          .map((item) => item[idKey]);
        expect(new Set(paged).size, path).toBe(paged.length);
        expect(paged, path).toEqual(whole);
      }
      const names = (await allPages('/referrals?sort=name', manager, 3))
        .flatMap((page) => page.items)
        .map((row) => (row.person as { familyName: string }).familyName);
      expect(names).toEqual([...families].sort());
      const caseload = (await allPages('/referrals', manager, 200)).flatMap((page) => page.items);
      expect(caseload).toHaveLength(8);
    });
  });

  // 7. Alerts -------------------------------------------------------------------------------------

  describe('alerts that follow the work', () => {
    const markMissed = (referralId: string, appointmentId: string, version = 1) =>
      call(stack, 'PATCH', `/referrals/${referralId}/appointments/${appointmentId}`, {
        token: tokens.caseworker,
        body: { status: 'missed' },
        headers: ifMatch(version),
      });

    it('raises first_appointment_missed once per appointment: a rebooked first appointment missed again raises a second alert', async () => {
      // Prepare: released today, a first appointment at 10:00 that was missed.
      const { referral } = await releasedCase(0, areas.worcs, { assignedTo: ids.caseworker });
      const first = await post(`/referrals/${referral.id}/appointments`, {
        at: withOffset(at(day0, 10)),
        location: 'CGL Worcester hub',
        kind: 'first',
      });
      expect(first.status).toBe(201);
      expect((await markMissed(referral.id, first.body.id)).status).toBe(200);
      await stack.bus.idle();
      const afterFirst = await alertsOf(referral.id);
      const firstAlert = afterFirst.find((alert) => alert.rule === 'first_appointment_missed');
      expect(firstAlert).toMatchObject({ status: 'open', appointmentId: first.body.id });
      const missedView = await view(referral.id);
      expect(missedView.nextAction.rule).toBe('first_appointment_missed');
      expect(missedView.riskFlags).toContain('missed_first_appointment');
      expect(missedView.appointments.map((one: { status: string }) => one.status)).toEqual(['missed']);
      // Act: a new first appointment tomorrow, missed too.
      const second = await post(`/referrals/${referral.id}/appointments`, {
        at: withOffset(at(addDays(day0, 1), 10)),
        location: 'CGL Worcester hub',
        kind: 'first',
      });
      expect(second.status).toBe(201);
      const rebooked = await alertsOf(referral.id);
      stack.clock.set(at(addDays(day0, 1), 11));
      expect((await markMissed(referral.id, second.body.id)).status).toBe(200);
      await stack.bus.idle();
      // Assess
      expect(rebooked.find((alert) => alert.id === firstAlert?.id)).toMatchObject({
        status: 'resolved',
        resolvedBy: { memberId: 'service' },
      });
      const missedAlerts = (await alertsOf(referral.id)).filter(
        (alert) => alert.rule === 'first_appointment_missed',
      );
      expect(missedAlerts).toHaveLength(2);
      const secondAlert = missedAlerts.find((alert) => alert.id !== firstAlert?.id);
      expect(secondAlert).toMatchObject({ status: 'open', appointmentId: second.body.id });
      expect(secondAlert?.id).not.toBe(firstAlert?.id);
      const mails = mailFor(referral.id).filter((mail) => mail.subject.includes('First appointment missed'));
      expect(mails).toHaveLength(2);
      const listed = await get('/alerts?limit=200');
      expect(listed.body.items.find((one: { id: string }) => one.id === secondAlert?.id)).toMatchObject({
        appointmentId: second.body.id,
        reference: referenceOf(referral.id),
      });
      const shown = await view(referral.id);
      expect(shown.nextAction.rule).toBe('first_appointment_missed');
      expect(shown.appointments).toHaveLength(2);
      const item = (await allPages('/worklist', tokens.caseworker, 200))
        .flatMap((page) => page.items)
        .find((one) => one.referralId === referral.id) as { why: string[]; riskFlags: string[] } | undefined;
      expect(item?.why.join('\n')).toMatch(/Book a new first appointment/);
      expect(item?.riskFlags).toContain('missed_first_appointment');
    });

    it('raises a second first_appointment_missed on the sweep when a rebooked appointment passes unmarked', async () => {
      // Prepare: the first appointment marked missed, a second booked for 10:00 tomorrow.
      const { referral } = await releasedCase(0);
      const first = await post(`/referrals/${referral.id}/appointments`, {
        at: withOffset(at(day0, 10)),
        location: 'Hub',
        kind: 'first',
      });
      expect((await markMissed(referral.id, first.body.id)).status).toBe(200);
      const second = await post(`/referrals/${referral.id}/appointments`, {
        at: withOffset(at(addDays(day0, 1), 10)),
        location: 'Hub',
        kind: 'first',
      });
      expect(second.status).toBe(201);
      // Act: four hours after its time (the grace) with no outcome recorded.
      await sweepAt(at(addDays(day0, 1), 13, 59));
      const before = await alertsOf(referral.id);
      await sweepAt(at(addDays(day0, 1), 14, 1));
      // Assess
      const open = (await alertsOf(referral.id)).filter(
        (one) => one.rule === 'first_appointment_missed' && one.status === 'open',
      );
      expect(before.filter((one) => one.status === 'open')).toEqual([]);
      expect(open).toHaveLength(1);
      expect(open[0]?.appointmentId).toBe(second.body.id);
    });

    it('escalates an alert left open 24 hours: one alert_unacknowledged, emailed to the area’s managers with the reference and the rule, never the name', async () => {
      // Prepare: released two days ago with no first appointment; the sweep raises the alert at noon.
      const { referral, person } = await releasedCase(2, areas.worcs, {}, { nhsNumber: nextNhsNumber() });
      await sweepAt(noon);
      const alert = (await alertsOf(referral.id)).find((one) => one.rule === 'no_first_appointment');
      expect(alert?.status).toBe('open');
      const escalations = async () =>
        (await alertsOf(referral.id)).filter((one) => one.rule === 'alert_unacknowledged');
      // Act
      await sweepAt(hoursLater(noon, 23.9));
      const early = await escalations();
      await sweepAt(hoursLater(noon, 24.1));
      const raised = await escalations();
      await sweepAt(hoursLater(noon, 30));
      const later = await escalations();
      // Assess
      expect(early).toEqual([]);
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({
        status: 'open',
        escalates: { alertId: alert?.id, rule: 'no_first_appointment' },
      });
      expect(later).toHaveLength(1);
      const mails = mailFor(referral.id).filter((mail) => mail.subject.includes('Alert not acknowledged'));
      expect(mails).toHaveLength(1);
      const mail = mails[0];
      expect(mail?.to).toEqual([DEMO.manager]);
      expect(`${mail?.subject}\n${mail?.text}`).toContain(referenceOf(referral.id));
      expect(`${mail?.subject}\n${mail?.text}`).toContain('No first appointment booked');
      for (const mailed of mailFor(referral.id)) {
        for (const secret of [
          person.givenName,
          person.familyName,
          person.dateOfBirth,
          person.prisonNumber,
          person.nhsNumber,
        ]) {
          expect(`${mailed.subject}\n${mailed.text}`).not.toContain(secret);
        }
      }
      const listed = await get('/alerts?limit=200', tokens.manager);
      const escalation = listed.body.items.find((item: { id: string }) => item.id === raised[0]?.id);
      expect(escalation).toMatchObject({
        rule: 'alert_unacknowledged',
        reference: referenceOf(referral.id),
        person: { givenName: person.givenName, familyName: person.familyName },
        escalates: { alertId: alert?.id, rule: 'no_first_appointment' },
      });
    });

    it('escalates a missed first appointment by its own appointment, naming that rule in the managers’ email, and moves the escalation with the case', async () => {
      // Prepare: a first appointment at 10:00 today, marked missed at noon.
      const { referral } = await releasedCase(0);
      const booked = await post(`/referrals/${referral.id}/appointments`, {
        at: withOffset(at(day0, 10)),
        location: 'Hub',
        kind: 'first',
      });
      expect((await markMissed(referral.id, booked.body.id)).status).toBe(200);
      await stack.bus.idle();
      const missed = (await alertsOf(referral.id)).find((one) => one.rule === 'first_appointment_missed');
      // Act
      await sweepAt(hoursLater(noon, 24.5));
      const escalation = (await alertsOf(referral.id)).find((one) => one.rule === 'alert_unacknowledged');
      const moved = await patch(
        referral.id,
        { areaId: areas.hereford },
        (await view(referral.id)).version,
        tokens.manager,
      );
      // Assess
      expect(escalation).toMatchObject({
        status: 'open',
        escalates: { alertId: missed?.id, rule: 'first_appointment_missed' },
      });
      expect(escalation?.id).not.toBe(missed?.id);
      const mails = mailFor(referral.id).filter((mail) => mail.subject.includes('Alert not acknowledged'));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual([DEMO.manager]);
      expect(`${mails[0]?.subject}\n${mails[0]?.text}`).toContain('First appointment missed');
      expect(moved.status).toBe(200);
      const herefordAlerts = (await get('/alerts?limit=200', hereford)).body.items.map(
        (one: { id: string }) => one.id,
      );
      expect(herefordAlerts).toEqual(expect.arrayContaining([missed?.id, escalation?.id]));
    });

    it('raises no escalation for an alert acknowledged in time', async () => {
      // Prepare
      const { referral } = await releasedCase(2);
      await sweepAt(noon);
      const alert = (await alertsOf(referral.id)).find((one) => one.rule === 'no_first_appointment');
      // Act
      stack.clock.set(hoursLater(noon, 2));
      expect((await post(`/alerts/${alert?.id}/acknowledge`, { note: 'Booking it now' })).status).toBe(200);
      await sweepAt(hoursLater(noon, 25));
      await sweepAt(hoursLater(noon, 48));
      // Assess
      expect((await alertsOf(referral.id)).map((one) => one.rule)).toEqual(['no_first_appointment']);
      expect(mailFor(referral.id).filter((mail) => mail.subject.includes('Alert not acknowledged'))).toEqual(
        [],
      );
    });

    it('resolves the escalation by the service once the escalated alert is acknowledged', async () => {
      // Prepare
      const { referral } = await releasedCase(2);
      await sweepAt(noon);
      await sweepAt(hoursLater(noon, 25));
      const alert = (await alertsOf(referral.id)).find((one) => one.rule === 'no_first_appointment');
      // Act
      expect((await post(`/alerts/${alert?.id}/acknowledge`, {})).status).toBe(200);
      await sweepAt(hoursLater(noon, 26));
      // Assess
      const escalation = (await alertsOf(referral.id)).find((one) => one.rule === 'alert_unacknowledged');
      expect(escalation).toMatchObject({ status: 'resolved', resolvedBy: { memberId: 'service' } });
    });

    it('escalates after the partnership’s own escalateAfterHours', async () => {
      // Prepare
      const partnership = (await get('/partnership', tokens.chair)).body;
      const changed = await call(stack, 'PATCH', '/partnership', {
        token: tokens.chair,
        body: { settings: { alertRules: { escalateAfterHours: 2 } } },
        headers: ifMatch(partnership.version),
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.settings.alertRules.escalateAfterHours).toBe(2);
      try {
        const { referral } = await releasedCase(2);
        await sweepAt(noon);
        const escalations = async () =>
          (await alertsOf(referral.id)).filter((one) => one.rule === 'alert_unacknowledged');
        // Act
        await sweepAt(hoursLater(noon, 1.9));
        const early = await escalations();
        await sweepAt(hoursLater(noon, 2.1));
        const onTime = await escalations();
        // Assess
        expect(early).toEqual([]);
        expect(onTime).toHaveLength(1);
      } finally {
        await call(stack, 'PATCH', '/partnership', {
          token: tokens.chair,
          body: { settings: { alertRules: { escalateAfterHours: 24 } } },
          headers: ifMatch(changed.body.version),
        });
      }
    });

    it('resolves an alert and its escalation by the service when the case is dealt with', async () => {
      // Prepare: escalated, then a first appointment is booked.
      const { referral } = await releasedCase(2);
      await sweepAt(noon);
      await sweepAt(hoursLater(noon, 25));
      const before = await alertsOf(referral.id);
      expect(before.map((one) => `${one.rule}:${one.status}`).sort()).toEqual([
        'alert_unacknowledged:open',
        'no_first_appointment:open',
      ]);
      // Act
      const booked = await post(`/referrals/${referral.id}/appointments`, {
        at: withOffset(at(addDays(day0, 2), 10)),
        location: 'CGL Worcester hub',
        kind: 'first',
      });
      // Assess
      expect(booked.status).toBe(201);
      const after = await alertsOf(referral.id);
      expect(after.map((one) => `${one.rule}:${one.status}`).sort()).toEqual([
        'alert_unacknowledged:resolved',
        'no_first_appointment:resolved',
      ]);
      expect(after.every((one) => one.resolvedBy?.memberId === 'service')).toBe(true);
      const shown = await view(referral.id);
      expect(shown.openAlerts).toBe(0);
      expect(shown.nextAction?.rule).toBe('first_appointment_missed');
    });

    it('resolves an escalated release-not-confirmed alert and its escalation when the expected date moves on', async () => {
      // Prepare: raised at noon, escalated a day later.
      const { referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, -3) });
      await sweepAt(noon);
      await sweepAt(hoursLater(noon, 25));
      const before = await alertsOf(referral.id);
      expect(before.map((one) => `${one.rule}:${one.status}`).sort()).toEqual([
        'alert_unacknowledged:open',
        'release_not_confirmed:open',
      ]);
      // Act
      const moved = await patch(
        referral.id,
        { expectedReleaseOn: addDays(day0, 5) },
        (await view(referral.id)).version,
      );
      // Assess
      expect(moved.status).toBe(200);
      const after = await alertsOf(referral.id);
      expect(after.map((one) => `${one.rule}:${one.status}`).sort()).toEqual([
        'alert_unacknowledged:resolved',
        'release_not_confirmed:resolved',
      ]);
      expect(after.every((one) => one.resolvedBy?.memberId === 'service')).toBe(true);
      const shown = await view(referral.id);
      expect(shown.openAlerts).toBe(0);
      expect(shown.nextAction).toMatchObject({ rule: 'release_not_confirmed', overdue: false });
      const resolvedEvents = (await timeline(referral.id)).filter((event) => event.kind === 'alert_updated');
      expect(resolvedEvents).toHaveLength(2);
    });

    it('lists alerts with the case reference and the person’s name, while the email names neither person nor birth date', async () => {
      // Prepare
      const { referral, person } = await releasedCase(2);
      // Act
      await sweepAt(noon);
      const listed = await get('/alerts?status=open&limit=200');
      // Assess
      const item = listed.body.items.find((one: { referralId: string }) => one.referralId === referral.id);
      expect(item).toMatchObject({
        rule: 'no_first_appointment',
        reference: referenceOf(referral.id),
        caseReference: referenceOf(referral.id),
        person: { givenName: person.givenName, familyName: person.familyName },
      });
      const mails = mailFor(referral.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text).toContain(referenceOf(referral.id));
      for (const secret of [person.givenName, person.familyName, person.dateOfBirth, person.prisonNumber]) {
        expect(`${mails[0]?.subject}\n${mails[0]?.text}`).not.toContain(secret);
      }
    });
  });

  // 8. Search -------------------------------------------------------------------------------------

  describe('GET /people?q=', () => {
    it('finds a person by case reference (any case), NHS number with spaces, given name, and "given family"', async () => {
      // Prepare
      const givenName = uniqueName('Quin');
      const familyName = uniqueName('Yarrow');
      const nhsNumber = nextNhsNumber();
      const { person, referral } = await openCase(areas.worcs, {}, { givenName, familyName, nhsNumber });
      const reference = referenceOf(referral.id);
      const search = async (q: string, token = tokens.caseworker) => {
        const answer = await get(`/people?q=${encodeURIComponent(q)}`, token);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        return answer.body.items as { id: string; referralId?: string }[];
      };
      // Act
      const byReference = await search(reference);
      const byLowerReference = await search(reference.toLowerCase());
      const byNhs = await search(`${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`);
      const byGiven = await search(givenName);
      const byBoth = await search(`${givenName} ${familyName}`);
      // Assess
      expect(byReference).toHaveLength(1);
      expect(byReference[0]).toMatchObject({ id: person.id, referralId: referral.id });
      expect(byLowerReference[0]).toMatchObject({ id: person.id, referralId: referral.id });
      expect(byNhs.map((item) => item.id)).toEqual([person.id]);
      expect(byGiven.map((item) => item.id)).toEqual([person.id]);
      expect(byBoth.map((item) => item.id)).toEqual([person.id]);
    });

    it('names the case the reference belongs to when the person has more than one', async () => {
      // Prepare
      const { person, referral } = await openCase();
      const second = await post(`/people/${person.id}/referrals`, {
        pathway: 'divert',
        areaId: areas.worcs,
        source: 'Worcester custody suite',
        referredOn: addDays(day0, -1),
      });
      expect(second.status).toBe(201);
      // Act
      const byFirst = await get(`/people?q=${referenceOf(referral.id)}`);
      const bySecond = await get(`/people?q=${referenceOf(second.body.id)}`);
      // Assess
      expect(byFirst.body.items).toEqual([
        expect.objectContaining({ id: person.id, referralId: referral.id }),
      ]);
      expect(bySecond.body.items).toEqual([
        expect.objectContaining({ id: person.id, referralId: second.body.id }),
      ]);
    });

    // A reference finds the case for the area that holds it, after a move too.
    it('finds a moved case by its reference for the staff of the area it moved to, and not for the old area', async () => {
      // Prepare: a Worcestershire case with an open alert, moved to Herefordshire by the manager.
      const { referral } = await releasedCase(2);
      await sweepAt(noon);
      const moved = await patch(
        referral.id,
        { areaId: areas.hereford },
        (await view(referral.id)).version,
        tokens.manager,
      );
      expect(moved.status).toBe(200);
      const alert = (await get('/alerts?status=open&limit=200', hereford)).body.items.find(
        (one: { referralId: string }) => one.referralId === referral.id,
      );
      expect(alert?.reference).toBe(referenceOf(referral.id));
      // Act: Jo Williams, who now holds the case, searches the reference her alert list shows;
      // Sam Patel, who no longer may open it, searches it too.
      const byHolder = await get(`/people?q=${alert?.reference}`, hereford);
      const byOldArea = await get(`/people?q=${alert?.reference}`, tokens.caseworker);
      // Assess
      expect(byHolder.status).toBe(200);
      expect(byHolder.body.items.map((item: { referralId?: string }) => item.referralId)).toEqual([
        referral.id,
      ]);
      expect(byOldArea.body.items.map((item: { referralId?: string }) => item.referralId)).toEqual([]);
    });

    it('finds no one of another area by reference or NHS number', async () => {
      // Prepare
      const nhsNumber = nextNhsNumber();
      const { referral } = await openCase(areas.worcs, {}, { nhsNumber });
      // Act
      const byReference = await get(`/people?q=${referenceOf(referral.id)}`, hereford);
      const byNhs = await get(`/people?q=${nhsNumber}`, hereford);
      const otherTenantByReference = await get(`/people?q=${referenceOf(referral.id)}`, other.caseworker);
      // Assess
      expect(byReference.status).toBe(200);
      expect(byReference.body.items).toEqual([]);
      expect(byNhs.body.items).toEqual([]);
      expect(otherTenantByReference.body.items).toEqual([]);
    });
  });

  // 9. Release list import ------------------------------------------------------------------------

  describe('release list import', () => {
    const HEADER =
      'given_name,family_name,date_of_birth,sex,prison_number,area,substance_group,establishment,expected_release_date';
    async function importRows(stackNow: LocalStack, rows: string[]) {
      const response = await fetch(`${stackNow.apiUrl}/imports/releases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.manager}`, 'content-type': 'text/csv' },
        body: [HEADER, ...rows].join('\n'),
      });
      expect(response.status).toBe(202);
      const { importId } = (await response.json()) as { importId: string };
      await stackNow.bus.idle();
      return (await call(stackNow, 'GET', `/imports/${importId}`, { token: tokens.manager })).body;
    }
    const rowFor = (
      person: { givenName: string; familyName: string; dateOfBirth: string; prisonNumber: string },
      expected: string,
    ) =>
      [
        person.givenName,
        person.familyName,
        person.dateOfBirth,
        'male',
        person.prisonNumber,
        'Worcestershire',
        'opiate',
        'HEI',
        expected,
      ].join(',');

    it('moves the expected release of a waiting case to the list’s date, and says so in the import and on the timeline', async () => {
      // Prepare
      const { person, referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, 10) });
      // Act
      const record = await importRows(stack, [rowFor(person, addDays(day0, 20))]);
      // Assess
      expect(record).toMatchObject({ status: 'completed', created: 0, matched: 1, updated: 1 });
      expect(record.updates).toEqual([
        {
          row: 1,
          referralId: referral.id,
          reference: referenceOf(referral.id),
          from: addDays(day0, 10),
          to: addDays(day0, 20),
        },
      ]);
      expect((await view(referral.id)).expectedReleaseOn).toBe(addDays(day0, 20));
      const updated = (await timeline(referral.id)).find((event) => event.kind === 'referral_updated');
      expect(updated?.details?.changes).toEqual([
        { field: 'expectedReleaseOn', from: addDays(day0, 10), to: addDays(day0, 20) },
      ]);
      expect(updated?.summary).toContain(longDate(addDays(day0, 20)));
      expect((await get(`/people/${person.id}`)).body.referralIds).toEqual([referral.id]);
    });

    // An import never moves an expected release before the case's referral date (PATCH refuses it too).
    it('keeps an imported expected release in order with the referral date, as PATCH does', async () => {
      // Prepare: referred ten days ago, expected in ten days.
      const { person, referral } = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, 10) });
      // Act: the list gives a date twenty days ago, before the referral.
      const record = await importRows(stack, [rowFor(person, addDays(day0, -20))]);
      // Assess: refused as a row error or left alone, never written out of order.
      const after = await view(referral.id);
      expect(after.expectedReleaseOn >= after.referredOn).toBe(true);
      expect(after.expectedReleaseOn).toBe(addDays(day0, 10));
      expect(record.updated ?? 0).toBe(0);
    });

    it('resolves a release-not-confirmed alert when the list moves the expected date on, and counts an unchanged date as no update', async () => {
      // Prepare
      const late = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, -3) });
      const same = await openCase(areas.worcs, { expectedReleaseOn: addDays(day0, 15) });
      await sweepAt(noon);
      const alert = (await alertsOf(late.referral.id)).find((one) => one.rule === 'release_not_confirmed');
      expect(alert?.status).toBe('open');
      // Act
      const record = await importRows(stack, [
        rowFor(same.person, addDays(day0, 15)),
        rowFor(late.person, addDays(day0, 4)),
      ]);
      // Assess
      expect(record).toMatchObject({ status: 'completed', matched: 2, updated: 1 });
      expect(record.updates).toEqual([
        expect.objectContaining({
          row: 2,
          referralId: late.referral.id,
          from: addDays(day0, -3),
          to: addDays(day0, 4),
        }),
      ]);
      expect((await alertsOf(late.referral.id)).find((one) => one.id === alert?.id)).toMatchObject({
        status: 'resolved',
        resolvedBy: { memberId: 'service' },
      });
      expect((await view(same.referral.id)).version).toBe(1);
    });
  });

  // 10. Isolation ---------------------------------------------------------------------------------

  describe('isolation', () => {
    const newRoutes = (referralId: string) => [
      { method: 'PATCH', path: `/referrals/${referralId}`, body: { source: 'Elsewhere' } },
      { method: 'GET', path: `/referrals/${referralId}/assignees` },
      { method: 'PUT', path: `/referrals/${referralId}/release-plan`, body: { accommodation: 'settled' } },
      {
        method: 'POST',
        path: `/referrals/${referralId}/contacts`,
        body: { at: '2026-01-02T10:00:00+00:00', method: 'phone', outcome: 'made' },
      },
      { method: 'GET', path: `/referrals/${referralId}/contacts` },
    ];

    it('answers 404 to another tenant’s staff and another area’s caseworker on every new route, and changes nothing', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act and assess
      for (const token of [other.manager, other.caseworker, hereford]) {
        for (const route of newRoutes(referral.id)) {
          for (const version of [1, 99]) {
            const answer = await call(stack, route.method, route.path, {
              token,
              body: route.body,
              headers: ifMatch(version),
            });
            expect(answer.status, `${route.method} ${route.path} If-Match ${version}`).toBe(404);
          }
        }
      }
      const after = await view(referral.id);
      expect(after).toMatchObject({
        version: 1,
        source: 'HMP Hewell',
        contactCounts: { preRelease: 0, postRelease: 0 },
      });
      expect(after.releasePlan).toBeUndefined();
    });

    it('answers 403 to a chair or analyst on every new route, and to another tenant’s chair', async () => {
      // Prepare
      const { referral } = await openCase();
      // Act and assess
      for (const token of [tokens.chair, tokens.analyst, other.chair]) {
        for (const route of [
          ...newRoutes(referral.id),
          { method: 'GET', path: '/worklist' },
          { method: 'GET', path: '/worklist/counts' },
        ]) {
          const answer = await call(stack, route.method, route.path, {
            token,
            body: 'body' in route ? route.body : undefined,
            headers: ifMatch(1),
          });
          expect(answer.status, `${route.method} ${route.path}`).toBe(403);
        }
      }
      expect((await view(referral.id)).version).toBe(1);
    });

    it('keeps another tenant’s cases off the worklist and caseload, and its ids out of reach', async () => {
      // Act
      const worklist = (await allPages('/worklist', tokens.manager, 200)).flatMap((page) => page.items);
      const caseload = (await allPages('/referrals', tokens.manager, 200)).flatMap((page) => page.items);
      const theirs = await call(stack, 'PATCH', `/referrals/${other.referralId}`, {
        token: tokens.manager,
        body: { source: 'Elsewhere' },
        headers: ifMatch(1),
      });
      const theirContacts = await get(`/referrals/${other.referralId}/contacts`, tokens.manager);
      const theirFilter = await get(`/worklist?areaId=${other.areaId}`, tokens.manager);
      const theirCounts = await get(`/worklist/counts?areaId=${other.areaId}`, tokens.manager);
      // Assess
      expect(worklist.map((item) => item.referralId)).not.toContain(other.referralId);
      expect(caseload.map((row) => row.id)).not.toContain(other.referralId);
      expect(theirs.status).toBe(404);
      expect(theirContacts.status).toBe(404);
      expect(theirFilter.status).toBe(400);
      expect(theirCounts.status).toBe(400);
      const untouched = await get(`/referrals/${other.referralId}`, other.caseworker);
      expect(untouched.body).toMatchObject({ version: 1, source: 'HMP Hewell' });
    });
  });
});
