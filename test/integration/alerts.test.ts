import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_EVENT_SOURCE, ALERT_RAISED } from '../../events/alert-events.ts';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, DEMO, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
const minutes = (when: Date, delta: number) => new Date(when.getTime() + delta * 60_000);

describe('alerts', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areas: { worcs: string; hereford: string };
  let caseworkerId: string;
  let day0: string;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
    caseworkerId = (await call(stack, 'GET', '/me', { token: tokens.caseworker })).body.memberId;
  });
  beforeEach(() => {
    // Each test starts from real time: release dates must not be in the future.
    stack.clock.set(new Date());
    day0 = dateOf(stack.clock.now());
  });
  afterAll(() => stack.stop());

  const post = (
    path: string,
    body: unknown,
    token = tokens.caseworker,
    headers: Record<string, string> = {},
  ) => call(stack, 'POST', path, { token, body, headers });
  const mailFor = (referralId: string) =>
    stack.mail.list().filter((mail) => mail.text.includes(`/referrals/${referralId}`));
  const acknowledgeOpen = async (referralId: string) => {
    const open = await call(stack, 'GET', '/alerts?status=open&limit=200', { token: tokens.caseworker });
    for (const alert of open.body.items.filter(
      (one: { referralId: string }) => one.referralId === referralId,
    )) {
      expect((await post(`/alerts/${alert.id}/acknowledge`, {})).status).toBe(200);
    }
  };
  const sweepAt = async (when: Date) => {
    stack.clock.set(when);
    return (await stack.sweep()).raised;
  };

  it('walks one release through 21 days: each rule fires once, on time, to the right people', async () => {
    const released = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
      expectedReleaseOn: day0,
      assignedTo: caseworkerId,
    });
    const unconfirmed = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
      expectedReleaseOn: day0,
    });
    const rid = released.referral.id;
    await post(`/referrals/${rid}/release`, {
      releasedOn: day0,
      releaseType: 'licence',
      establishment: 'HEI',
    });

    const expectations = [
      {
        rule: 'release_not_confirmed',
        referralId: unconfirmed.referral.id,
        due: at(addDays(day0, 1), 0),
        to: ['worcs-cjs-team@example.test'],
      },
      {
        rule: 'no_first_appointment',
        referralId: rid,
        due: at(addDays(day0, 1), 9),
        to: ['worcs-cjs-team@example.test'],
      },
      {
        rule: 'first_appointment_missed',
        referralId: rid,
        due: at(addDays(day0, 2), 14),
        to: [DEMO['caseworker.worcs'], 'worcs-cjs-team@example.test'],
        before: async () => {
          // Booked on day 1 for day 2 at 10:00, and never marked: missed 4 hours after its time.
          const booked = await post(`/referrals/${rid}/appointments`, {
            at: at(addDays(day0, 2), 10).toISOString(),
            location: 'CGL Worcester hub',
            kind: 'first',
          });
          expect(booked.status).toBe(201);
        },
      },
      { rule: 'engagement_at_risk', referralId: rid, due: at(addDays(day0, 14), 9), to: [DEMO.manager] },
      {
        // A start on day 21 still counts, so the window is missed when day 21 is over.
        rule: 'engagement_window_missed',
        referralId: rid,
        due: at(addDays(day0, 22), 0),
        to: [DEMO.manager],
      },
    ];

    for (const expected of expectations) {
      stack.clock.set(minutes(expected.due, -120));
      await expected.before?.();
      expect(await sweepAt(minutes(expected.due, -1)), `${expected.rule} not before its time`).toBe(0);
      expect(await sweepAt(minutes(expected.due, 1)), `${expected.rule} on time`).toBe(1);
      expect(await sweepAt(minutes(expected.due, 2)), `${expected.rule} only once`).toBe(0);
      const mails = mailFor(expected.referralId).filter((mail) => mail.subject.includes('Continuity alert'));
      const latest = mails[0];
      expect(latest?.to.sort(), expected.rule).toEqual([...expected.to].sort());
      // Staff acknowledge it, as they would: an alert left open would be escalated a day later.
      await acknowledgeOpen(expected.referralId);
    }
    // One email per alert: four for the released case, one for the unconfirmed one.
    expect(mailFor(rid)).toHaveLength(4);
    expect(mailFor(unconfirmed.referral.id)).toHaveLength(1);
    // Nothing more falls due afterwards.
    expect(await sweepAt(at(addDays(day0, 40), 9))).toBe(0);

    const alerts = await call(stack, 'GET', '/alerts?limit=200', { token: tokens.caseworker });
    const ofCase = alerts.body.items.filter((alert: { referralId: string }) => alert.referralId === rid);
    expect(ofCase.map((alert: { rule: string }) => alert.rule).sort()).toEqual(
      [
        'engagement_at_risk',
        'engagement_window_missed',
        'first_appointment_missed',
        'no_first_appointment',
      ].sort(),
    );
    const detail = await call(stack, 'GET', `/referrals/${rid}`, { token: tokens.caseworker });
    expect(detail.body.alerts).toHaveLength(4);
    const timeline = await call(stack, 'GET', `/referrals/${rid}/timeline?limit=200`, {
      token: tokens.caseworker,
    });
    expect(
      timeline.body.items.filter((event: { kind: string }) => event.kind === 'alert_raised'),
    ).toHaveLength(4);
  });

  it('raises no day-14 or day-21 alert for a release that engages on day 10', async () => {
    const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
    await post(`/referrals/${referral.id}/release`, { releasedOn: day0, releaseType: 'licence' });
    await post(`/referrals/${referral.id}/appointments`, {
      at: at(day0, 15).toISOString(),
      location: 'Hub',
      kind: 'first',
    });
    stack.clock.set(at(addDays(day0, 10), 12));
    const engaged = await post(`/referrals/${referral.id}/engagement`, { startedOn: addDays(day0, 10) });
    expect(engaged.body.status).toBe('engaged');
    expect(engaged.body.nextDueAt).toBeUndefined();
    await sweepAt(at(addDays(day0, 14), 10));
    await sweepAt(at(addDays(day0, 22), 10));
    const rules = (
      await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker })
    ).body.alerts.map((alert: { rule: string }) => alert.rule);
    expect(rules).not.toContain('engagement_at_risk');
    expect(rules).not.toContain('engagement_window_missed');
  });

  it('emails at once when a first appointment is marked missed, without a sweep', async () => {
    const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
      assignedTo: caseworkerId,
    });
    await post(`/referrals/${referral.id}/release`, { releasedOn: day0, releaseType: 'licence' });
    stack.clock.set(at(day0, 9));
    const booked = await post(`/referrals/${referral.id}/appointments`, {
      at: at(day0, 10).toISOString(),
      location: 'Hub',
      kind: 'first',
    });
    stack.clock.set(at(day0, 11));
    const missed = await call(stack, 'PATCH', `/referrals/${referral.id}/appointments/${booked.body.id}`, {
      token: tokens.caseworker,
      body: { status: 'missed' },
      headers: { 'if-match': '"1"' },
    });
    expect(missed.status).toBe(200);
    await stack.bus.idle();
    const mails = mailFor(referral.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/First appointment missed – Worcestershire/);
    expect(mails[0]?.to.sort()).toEqual([DEMO['caseworker.worcs'], 'worcs-cjs-team@example.test']);
    // The email names no one: no name, date of birth or prison number.
    const person = (await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker })).body
      .person;
    for (const secret of [person.givenName, person.familyName, person.dateOfBirth, person.prisonNumber]) {
      expect(`${mails[0]?.subject}\n${mails[0]?.text}`).not.toContain(secret);
    }
    expect(await sweepAt(at(day0, 15))).toBe(0);
    expect(mailFor(referral.id)).toHaveLength(1);
  });

  it('sends one email when the event is delivered twice or two sweeps run at once', async () => {
    const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
    await post(`/referrals/${referral.id}/release`, { releasedOn: day0, releaseType: 'licence' });
    stack.clock.set(at(addDays(day0, 1), 10));
    const [first, second] = await Promise.all([stack.sweep(), stack.sweep()]);
    expect(first.raised + second.raised).toBe(1);
    expect(mailFor(referral.id)).toHaveLength(1);
    const alert = (await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker })).body
      .alerts[0];
    const event = {
      source: ALERT_EVENT_SOURCE,
      detailType: ALERT_RAISED,
      detail: {
        tenantId: 'demo-worcs-hereford',
        alertId: alert.id,
        referralId: referral.id,
        areaId: areas.worcs,
        rule: alert.rule,
        dueAt: alert.dueAt,
        raisedAt: alert.raisedAt,
      },
    };
    await stack.bus.publish([event, event]);
    await stack.bus.publish([event]);
    await stack.bus.idle();
    expect(mailFor(referral.id)).toHaveLength(1);
  });

  it('retries a failing send, keeps it in the failed-mail list, and a later retry sends it once', async () => {
    const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
    await post(`/referrals/${referral.id}/release`, { releasedOn: day0, releaseType: 'licence' });
    stack.mailFaults.failNext(3);
    expect(await sweepAt(at(addDays(day0, 1), 10))).toBe(1);
    expect(mailFor(referral.id)).toHaveLength(0);
    const failed = await call(stack, 'GET', '/_local/failed-mail');
    const mine = failed.body.items.filter(
      (item: { event: { detail: { referralId: string } } }) => item.event.detail.referralId === referral.id,
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rule: 'notify-alert-raised', attempts: 3 });
    const retried = await call(stack, 'POST', '/_local/failed-mail/retry');
    expect(retried.body.retried).toBeGreaterThanOrEqual(1);
    expect(mailFor(referral.id)).toHaveLength(1);
    await call(stack, 'POST', '/_local/failed-mail/retry');
    expect(mailFor(referral.id)).toHaveLength(1);
  });

  it('follows the partnership’s own settings', async () => {
    const partnership = (await call(stack, 'GET', '/partnership', { token: tokens.chair })).body;
    const changed = await call(stack, 'PATCH', '/partnership', {
      token: tokens.chair,
      body: { settings: { alertRules: { noFirstAppointmentHours: 48 } } },
      headers: { 'if-match': `"${partnership.version}"` },
    });
    expect(changed.status).toBe(200);
    try {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
      await post(`/referrals/${referral.id}/release`, { releasedOn: day0, releaseType: 'licence' });
      // Other tests' open alerts may escalate in the same sweeps: count this case's alerts only.
      const rulesOf = async () =>
        (await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker })).body.alerts.map(
          (alert: { rule: string }) => alert.rule,
        );
      await sweepAt(at(addDays(day0, 1), 10));
      expect(await rulesOf()).toEqual([]);
      await sweepAt(at(addDays(day0, 2), 10));
      expect(await rulesOf()).toEqual(['no_first_appointment']);
    } finally {
      await call(stack, 'PATCH', '/partnership', {
        token: tokens.chair,
        body: { settings: { alertRules: { noFirstAppointmentHours: 24 } } },
        headers: { 'if-match': `"${changed.body.version}"` },
      });
    }
  });

  it('lists alerts open first, lets staff acknowledge and resolve them, and hides them from others', async () => {
    const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs);
    await post(`/referrals/${referral.id}/release`, { releasedOn: day0, releaseType: 'licence' });
    await sweepAt(at(addDays(day0, 1), 10));
    const alert = (await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker })).body
      .alerts[0];
    const counts = await call(stack, 'GET', '/alerts/counts', { token: tokens.caseworker });
    expect(counts.body.open).toBeGreaterThanOrEqual(1);

    const hereford = await stack.token(DEMO['caseworker.hereford']);
    expect((await post(`/alerts/${alert.id}/acknowledge`, {}, hereford)).status).toBe(404);
    const other = await otherTenant(stack, tokens.operator);
    expect((await post(`/alerts/${alert.id}/acknowledge`, {}, other.chair)).status).toBe(403);
    expect((await call(stack, 'GET', '/alerts', { token: tokens.chair })).status).toBe(403);

    const acknowledged = await post(`/alerts/${alert.id}/acknowledge`, { note: 'Calling the hub now' });
    expect(acknowledged.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { name: 'Sam Patel' },
    });
    expect((await post(`/alerts/${alert.id}/acknowledge`, {})).body.error.code).toBe('invalid_transition');
    expect((await post(`/alerts/${alert.id}/resolve`, {})).status).toBe(400);
    const resolved = await post(
      `/alerts/${alert.id}/resolve`,
      { note: 'First appointment booked for Friday' },
      tokens.manager,
    );
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolvedBy: { name: 'Tom Evans' },
      note: 'First appointment booked for Friday',
    });

    const list = await call(stack, 'GET', '/alerts?limit=200', { token: tokens.manager });
    const statuses = list.body.items.map((item: { status: string }) => item.status);
    expect(statuses.indexOf('resolved')).toBeGreaterThan(statuses.lastIndexOf('open'));
    const open = await call(stack, 'GET', '/alerts?status=open&limit=200', { token: tokens.manager });
    expect(open.body.items.map((item: { id: string }) => item.id)).not.toContain(alert.id);
    const herefordList = await call(stack, 'GET', '/alerts?limit=200', { token: hereford });
    expect(herefordList.body.items.map((item: { id: string }) => item.id)).not.toContain(alert.id);
    const timeline = await call(stack, 'GET', `/referrals/${referral.id}/timeline?limit=200`, {
      token: tokens.caseworker,
    });
    expect(
      timeline.body.items.filter((event: { kind: string }) => event.kind === 'alert_updated'),
    ).toHaveLength(2);
  });
});
