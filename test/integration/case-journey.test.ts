import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { PATHWAYS } from '../../shared/domain/values.ts';
import { daysAgo, demoAreas, pathwayDetails, personBody, personWithReferral } from './case-fixtures.ts';
import { call, DEMO, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const inDays = (days: number, hour = 10) => {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() + days);
  at.setUTCHours(hour, 30, 0, 0);
  return at.toISOString().replace('Z', '+00:00');
};

describe('a case from referral to treatment start', () => {
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

  const post = (
    path: string,
    body: unknown,
    token = tokens.caseworker,
    headers: Record<string, string> = {},
  ) => call(stack, 'POST', path, { token, body, headers });

  it('walks one person through release, first appointment and treatment start, with every step on the timeline', async () => {
    const { person, referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
      expectedReleaseOn: daysAgo(3),
    });
    expect(referral).toMatchObject({ status: 'referred', personId: person.id, version: 1 });
    const released = await post(`/referrals/${referral.id}/release`, {
      releasedOn: daysAgo(2),
      releaseType: 'licence',
      establishment: 'hei',
    });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({
      status: 'released',
      releasedOn: daysAgo(2),
      establishment: 'HEI',
      version: 2,
    });
    expect(released.body.nextDueRule).toBe('no_first_appointment');
    const booked = await post(`/referrals/${referral.id}/appointments`, {
      at: inDays(-1),
      location: 'CGL Worcester hub',
      kind: 'first',
    });
    expect(booked.status).toBe(201);
    const attended = await call(stack, 'PATCH', `/referrals/${referral.id}/appointments/${booked.body.id}`, {
      token: tokens.manager,
      body: { status: 'attended' },
      headers: { 'if-match': '"1"' },
    });
    expect(attended.status).toBe(200);
    expect(attended.body).toMatchObject({ status: 'attended', version: 2 });
    const engaged = await post(`/referrals/${referral.id}/engagement`, { startedOn: daysAgo(0) });
    expect(engaged.body).toMatchObject({ status: 'engaged', engagedOn: daysAgo(0) });
    expect(engaged.body.nextDueAt).toBeUndefined();

    const detail = await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker });
    expect(detail.body.person).toMatchObject({
      id: person.id,
      familyName: person.familyName,
      prisonNumber: person.prisonNumber,
    });
    expect(detail.body.appointments).toHaveLength(1);
    expect(detail.body.alerts).toEqual([]);
    expect(detail.body.firstAppointmentAt).toBe(booked.body.at);

    const timeline = await call(stack, 'GET', `/referrals/${referral.id}/timeline`, {
      token: tokens.manager,
    });
    expect(timeline.body.items.map((event: { kind: string }) => event.kind)).toEqual([
      'referred',
      'released',
      'appointment_booked',
      'appointment_updated',
      'engaged',
    ]);
    expect(timeline.body.items.map((event: { by: { name: string } }) => event.by.name)).toEqual([
      'Sam Patel',
      'Sam Patel',
      'Sam Patel',
      'Tom Evans',
      'Sam Patel',
    ]);
    expect(timeline.body.items.every((event: { at: string }) => !Number.isNaN(Date.parse(event.at)))).toBe(
      true,
    );

    const closed = await post(`/referrals/${referral.id}/close`, {
      reason: 'engaged_and_completed',
      closedOn: daysAgo(0),
    });
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'engaged_and_completed' });
    const person2 = await call(stack, 'GET', `/people/${person.id}`, { token: tokens.caseworker });
    expect(person2.body.referralIds).toEqual([referral.id]);
  });

  it.each(PATHWAYS)('opens a referral on the %s pathway', async (pathway) => {
    const prison = pathway === 'continuity_of_care' || pathway === 'through_the_gate';
    const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
      pathway,
      source: prison ? 'HMP Long Lartin' : 'Worcester custody suite',
      ...(prison ? { expectedReleaseOn: daysAgo(-5) } : {}),
      ...(await pathwayDetails(stack, tokens.caseworker, pathway)),
    });
    expect(referral).toMatchObject({ pathway, status: 'referred' });
    const release = await post(`/referrals/${referral.id}/release`, {
      releasedOn: daysAgo(0),
      releaseType: 'sentence_end',
    });
    expect(release.status).toBe(prison ? 200 : 409);
  });

  describe('keeps dates in order', () => {
    it('refuses a release before the referral, or in the future', async () => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
        referredOn: daysAgo(5),
      });
      const early = await post(`/referrals/${referral.id}/release`, {
        releasedOn: daysAgo(6),
        releaseType: 'licence',
      });
      expect(early.status).toBe(400);
      expect(early.body.error.fields.releasedOn).toMatch(/on or after the referral date/);
      const future = await post(`/referrals/${referral.id}/release`, {
        releasedOn: daysAgo(-1),
        releaseType: 'licence',
      });
      expect(future.body.error.fields.releasedOn).toMatch(/today or earlier/);
      const after = await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker });
      expect(after.body).toMatchObject({ status: 'referred', version: 1 });
    });

    it('refuses a treatment start before release, or with no release, on the prison pathway', async () => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      const unreleased = await post(`/referrals/${referral.id}/engagement`, { startedOn: daysAgo(1) });
      expect(unreleased.status).toBe(400);
      expect(unreleased.body.error.fields.startedOn).toMatch(/record the release/);
      await post(`/referrals/${referral.id}/release`, { releasedOn: daysAgo(3), releaseType: 'licence' });
      const early = await post(`/referrals/${referral.id}/engagement`, { startedOn: daysAgo(4) });
      expect(early.body.error.fields.startedOn).toMatch(/on or after the release date/);
    });

    it('lets other pathways engage without a release, but not before the referral', async () => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
        pathway: 'divert',
        referredOn: daysAgo(4),
      });
      expect((await post(`/referrals/${referral.id}/engagement`, { startedOn: daysAgo(5) })).status).toBe(
        400,
      );
      expect(
        (await post(`/referrals/${referral.id}/engagement`, { startedOn: daysAgo(1) })).body.status,
      ).toBe('engaged');
    });

    it('refuses an expected release on a pathway without prison, and one before the referral', async () => {
      const created = await call(stack, 'POST', '/people', {
        token: tokens.caseworker,
        body: personBody(areas.worcs),
      });
      const path = `/people/${created.body.id}/referrals`;
      const divert = await post(path, {
        pathway: 'divert',
        areaId: areas.worcs,
        source: 'Police',
        referredOn: daysAgo(1),
        expectedReleaseOn: daysAgo(-3),
      });
      expect(divert.body.error.fields.expectedReleaseOn).toMatch(/no prison release/);
      const before = await post(path, {
        pathway: 'continuity_of_care',
        areaId: areas.worcs,
        source: 'HMP',
        referredOn: daysAgo(1),
        expectedReleaseOn: daysAgo(2),
      });
      expect(before.body.error.fields.expectedReleaseOn).toMatch(/on or after the referral date/);
      const beforeBirth = await post(path, {
        pathway: 'divert',
        areaId: areas.worcs,
        source: 'Police',
        // The day before this person was born.
        referredOn: addDays(created.body.dateOfBirth, -1),
      });
      expect(beforeBirth.body.error.fields.referredOn).toMatch(/date of birth/);
    });

    it('refuses any change to a closed case, appointments included', async () => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      await post(`/referrals/${referral.id}/release`, { releasedOn: daysAgo(2), releaseType: 'licence' });
      const booked = await post(`/referrals/${referral.id}/appointments`, {
        at: inDays(1),
        location: 'Hub',
        kind: 'first',
      });
      await post(`/referrals/${referral.id}/close`, { reason: 'returned_to_custody', closedOn: daysAgo(1) });
      const change = await call(stack, 'PATCH', `/referrals/${referral.id}/appointments/${booked.body.id}`, {
        token: tokens.caseworker,
        body: { status: 'cancelled' },
        headers: { 'if-match': '"1"' },
      });
      expect(change.status).toBe(409);
      expect(change.body.error.code).toBe('referral_closed');
      expect(
        (
          await post(`/referrals/${referral.id}/appointments`, {
            at: inDays(2),
            location: 'Hub',
            kind: 'follow_up',
          })
        ).status,
      ).toBe(409);
      expect((await post(`/referrals/${referral.id}/engagement`, { startedOn: daysAgo(0) })).status).toBe(
        409,
      );
    });
  });

  describe('appointments', () => {
    it('keeps one live first appointment, moves one with a new time, and checks transitions', async () => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      await post(`/referrals/${referral.id}/release`, { releasedOn: daysAgo(1), releaseType: 'licence' });
      const first = await post(`/referrals/${referral.id}/appointments`, {
        at: inDays(1),
        location: 'Hub',
        kind: 'first',
      });
      const second = await post(`/referrals/${referral.id}/appointments`, {
        at: inDays(2),
        location: 'Hub',
        kind: 'first',
      });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('first_appointment_exists');
      const path = `/referrals/${referral.id}/appointments/${first.body.id}`;
      const noTime = await call(stack, 'PATCH', path, {
        token: tokens.caseworker,
        body: { status: 'rescheduled' },
        headers: { 'if-match': '"1"' },
      });
      expect(noTime.body.error.fields.at).toMatch(/new time/);
      const moved = await call(stack, 'PATCH', path, {
        token: tokens.caseworker,
        body: { status: 'rescheduled', at: inDays(3) },
        headers: { 'if-match': '"1"' },
      });
      expect(moved.body).toMatchObject({ status: 'rescheduled', version: 2 });
      const early = await call(stack, 'PATCH', path, {
        token: tokens.caseworker,
        body: { status: 'attended' },
        headers: { 'if-match': '"2"' },
      });
      expect(early.body.error.fields.status).toMatch(/before its time/);
      const cancelled = await call(stack, 'PATCH', path, {
        token: tokens.caseworker,
        body: { status: 'cancelled' },
        headers: { 'if-match': '"2"' },
      });
      expect(cancelled.body.status).toBe('cancelled');
      const again = await call(stack, 'PATCH', path, {
        token: tokens.caseworker,
        body: { status: 'missed' },
        headers: { 'if-match': '"3"' },
      });
      expect(again.body.error.code).toBe('invalid_transition');
      // With the first cancelled, a new first appointment can be booked.
      expect(
        (
          await post(`/referrals/${referral.id}/appointments`, {
            at: inDays(4),
            location: 'Hub',
            kind: 'first',
          })
        ).status,
      ).toBe(201);
    });

    it('gives one of two concurrent changes with the same If-Match a 409', async () => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      await post(`/referrals/${referral.id}/release`, { releasedOn: daysAgo(1), releaseType: 'licence' });
      const booked = await post(`/referrals/${referral.id}/appointments`, {
        at: inDays(-0.5, 1),
        location: 'Hub',
        kind: 'first',
      });
      const mark = (status: string) =>
        call(stack, 'PATCH', `/referrals/${referral.id}/appointments/${booked.body.id}`, {
          token: tokens.caseworker,
          body: { status },
          headers: { 'if-match': '"1"' },
        });
      const answers = await Promise.all([mark('attended'), mark('missed')]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const timeline = await call(stack, 'GET', `/referrals/${referral.id}/timeline`, {
        token: tokens.caseworker,
      });
      expect(
        timeline.body.items.filter((event: { kind: string }) => event.kind === 'appointment_updated'),
      ).toHaveLength(1);
    });

    it('refuses a stale If-Match on a case action', async () => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      const stale = await post(
        `/referrals/${referral.id}/release`,
        { releasedOn: daysAgo(1), releaseType: 'licence' },
        tokens.caseworker,
        {
          'if-match': '"7"',
        },
      );
      expect(stale.status).toBe(409);
      expect(stale.headers.get('etag')).toBe('"1"');
    });
  });

  it('records further offences in date order', async () => {
    const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
      pathway: 'divert',
      referredOn: daysAgo(30),
    });
    await post(`/referrals/${referral.id}/offences`, { offendedOn: daysAgo(2) });
    const second = await post(`/referrals/${referral.id}/offences`, { offendedOn: daysAgo(9) });
    expect(second.status).toBe(201);
    expect(second.body.offences.map((offence: { offendedOn: string }) => offence.offendedOn)).toEqual([
      daysAgo(9),
      daysAgo(2),
    ]);
    expect((await post(`/referrals/${referral.id}/offences`, { offendedOn: daysAgo(31) })).status).toBe(400);
  });

  describe('caseload', () => {
    it('lists the caller’s areas only, with filters, overdue first', async () => {
      const overdue = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
        referredOn: daysAgo(20),
      });
      await post(`/referrals/${overdue.referral.id}/release`, {
        releasedOn: daysAgo(16),
        releaseType: 'licence',
      });
      const fresh = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
        expectedReleaseOn: daysAgo(-10),
      });
      const hereCase = await personWithReferral(stack, hereford, areas.hereford);
      const list = await call(stack, 'GET', '/referrals?limit=200', { token: tokens.caseworker });
      const ids = list.body.items.map((row: { id: string }) => row.id);
      expect(ids).toContain(overdue.referral.id);
      expect(ids).toContain(fresh.referral.id);
      expect(ids).not.toContain(hereCase.referral.id);
      expect(list.body.items[0].overdue).toBe(true);
      expect(list.body.items.find((row: { id: string }) => row.id === overdue.referral.id)).toMatchObject({
        overdue: true,
        person: { familyName: overdue.person.familyName },
      });
      const dueOverdue = await call(stack, 'GET', '/referrals?due=overdue&limit=200', {
        token: tokens.caseworker,
      });
      expect(dueOverdue.body.items.every((row: { overdue: boolean }) => row.overdue)).toBe(true);
      expect(dueOverdue.body.items.map((row: { id: string }) => row.id)).not.toContain(fresh.referral.id);
      const released = await call(stack, 'GET', '/referrals?status=released&limit=200', {
        token: tokens.caseworker,
      });
      expect(released.body.items.every((row: { status: string }) => row.status === 'released')).toBe(true);
      const divert = await call(stack, 'GET', '/referrals?pathway=divert&limit=200', {
        token: tokens.caseworker,
      });
      expect(divert.body.items.every((row: { pathway: string }) => row.pathway === 'divert')).toBe(true);
      const manager = await call(stack, 'GET', `/referrals?areaId=${areas.hereford}&limit=200`, {
        token: tokens.manager,
      });
      expect(manager.body.items.map((row: { id: string }) => row.id)).toContain(hereCase.referral.id);
      expect(
        (await call(stack, 'GET', `/referrals?areaId=${areas.hereford}`, { token: tokens.caseworker }))
          .status,
      ).toBe(400);
    });

    it('pages the caseload with a signed cursor', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(
          stack,
          'GET',
          `/referrals?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          {
            token: tokens.manager,
          },
        );
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((row: { id: string }) => row.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = await call(stack, 'GET', '/referrals?limit=200', { token: tokens.manager });
      expect(seen).toEqual(all.body.items.map((row: { id: string }) => row.id));
    });
  });

  describe('isolation', () => {
    it('hides a case from caseworkers of other areas and from other tenants, and changes nothing', async () => {
      const { person, referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      const other = await otherTenant(stack, tokens.operator);
      await call(stack, 'POST', '/members', {
        token: other.chair,
        body: {
          email: 'cw@case-other.example.test',
          name: 'Other Worker',
          role: 'caseworker',
          areaIds: [other.area.id],
        },
      });
      const otherWorker = await stack.token('cw@case-other.example.test');
      for (const token of [hereford, otherWorker]) {
        expect((await call(stack, 'GET', `/referrals/${referral.id}`, { token })).status).toBe(404);
        expect((await call(stack, 'GET', `/referrals/${referral.id}/timeline`, { token })).status).toBe(404);
        expect((await call(stack, 'GET', `/people/${person.id}`, { token })).status).toBe(404);
        expect(
          (
            await post(
              `/referrals/${referral.id}/release`,
              { releasedOn: daysAgo(1), releaseType: 'licence' },
              token,
            )
          ).status,
        ).toBe(404);
        expect(
          (await post(`/referrals/${referral.id}/close`, { reason: 'other', closedOn: daysAgo(1) }, token))
            .status,
        ).toBe(404);
        expect(
          (await post(`/referrals/${referral.id}/engagement`, { startedOn: daysAgo(1) }, token)).status,
        ).toBe(404);
        expect(
          (await post(`/referrals/${referral.id}/offences`, { offendedOn: daysAgo(1) }, token)).status,
        ).toBe(404);
        expect(
          (
            await post(
              `/referrals/${referral.id}/appointments`,
              { at: inDays(1), location: 'X', kind: 'first' },
              token,
            )
          ).status,
        ).toBe(404);
        expect(
          (
            await call(stack, 'PATCH', `/people/${person.id}`, {
              token,
              body: { givenName: 'X' },
              headers: { 'if-match': '"1"' },
            })
          ).status,
        ).toBe(404);
        expect(
          (
            await post(
              `/people/${person.id}/referrals`,
              { pathway: 'divert', areaId: areas.worcs, source: 'x', referredOn: daysAgo(1) },
              token,
            )
          ).status,
        ).toBe(404);
      }
      const managerOther = await call(stack, 'GET', `/audit?personId=${person.id}`, { token: other.chair });
      expect(managerOther.status).toBe(403);
      const untouched = await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker });
      expect(untouched.body).toMatchObject({ status: 'referred', version: 1 });
    });

    it('shows chairs and analysts no person-level data', async () => {
      const { person, referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      for (const token of [tokens.chair, tokens.analyst]) {
        expect((await call(stack, 'GET', `/people/${person.id}`, { token })).status).toBe(403);
        expect((await call(stack, 'GET', `/referrals/${referral.id}`, { token })).status).toBe(403);
        expect((await call(stack, 'GET', '/referrals', { token })).status).toBe(403);
        expect((await call(stack, 'GET', '/people?q=hale', { token })).status).toBe(403);
      }
    });
  });
});
