import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, DEMO, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/**
 * A cohort built by hand with a known answer. The stack's clock stands at 2026-06-15, so March's
 * windows are closed and early June's are open. Window 21 days; day 0 is the release date.
 */
describe('continuity-of-care report', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areas: { worcs: string; hereford: string };
  let herefordWorker: string;

  async function release(
    token: string,
    areaId: string,
    c: {
      releasedOn: string;
      engagedOn?: string;
      closed?: [string, string];
      pathway?: string;
      establishment?: string;
      firstAppointment?: string;
    },
  ) {
    const { referral } = await personWithReferral(stack, token, areaId, {
      pathway: c.pathway ?? 'continuity_of_care',
      referredOn: '2026-02-01',
    });
    const released = await call(stack, 'POST', `/referrals/${referral.id}/release`, {
      token,
      body: { releasedOn: c.releasedOn, releaseType: 'licence', establishment: c.establishment ?? 'HEI' },
    });
    expect(released.status).toBe(200);
    if (c.firstAppointment) {
      await call(stack, 'POST', `/referrals/${referral.id}/appointments`, {
        token,
        body: { at: `${c.firstAppointment}T10:00:00+00:00`, location: 'Hub', kind: 'first' },
      });
    }
    if (c.engagedOn) {
      const engaged = await call(stack, 'POST', `/referrals/${referral.id}/engagement`, {
        token,
        body: { startedOn: c.engagedOn },
      });
      expect(engaged.status).toBe(200);
    }
    if (c.closed) {
      const closed = await call(stack, 'POST', `/referrals/${referral.id}/close`, {
        token,
        body: { reason: c.closed[0], closedOn: c.closed[1] },
      });
      expect(closed.status).toBe(200);
    }
    return referral.id;
  }

  beforeAll(async () => {
    stack = await startTestStack();
    stack.clock.set(new Date('2026-06-15T12:00:00Z'));
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
    herefordWorker = await stack.token(DEMO['caseworker.hereford']);
    const cw = tokens.caseworker;
    // March, Worcestershire: cohort 6, engaged 3, exits 1.
    await release(cw, areas.worcs, {
      releasedOn: '2026-03-01',
      engagedOn: '2026-03-22',
      firstAppointment: '2026-03-03',
    }); // day 21: engaged
    await release(cw, areas.worcs, {
      releasedOn: '2026-03-31',
      engagedOn: '2026-04-22',
      firstAppointment: '2026-04-02',
    }); // day 22: not
    await release(cw, areas.worcs, { releasedOn: '2026-03-01', closed: ['died', '2026-03-10'] }); // exit
    await release(cw, areas.worcs, { releasedOn: '2026-03-15', establishment: 'BMI' }); // window closed, not engaged
    await release(cw, areas.worcs, {
      releasedOn: '2026-03-31',
      engagedOn: '2026-04-21',
      firstAppointment: '2026-04-01',
    }); // day 21: engaged
    await release(cw, areas.worcs, {
      releasedOn: '2026-03-10',
      engagedOn: '2026-03-10',
      firstAppointment: '2026-03-10',
    }); // day 0: engaged
    // Not in the cohort: another pathway.
    await release(cw, areas.worcs, {
      releasedOn: '2026-03-12',
      pathway: 'through_the_gate',
      engagedOn: '2026-03-14',
    });
    // March, Herefordshire: cohort 1, engaged 1.
    await release(herefordWorker, areas.hereford, { releasedOn: '2026-03-05', engagedOn: '2026-03-10' });
    // June, Worcestershire: cohort 3, engaged 1, pending 1, exits 1.
    await release(cw, areas.worcs, { releasedOn: '2026-06-01' }); // day 14 today: pending
    await release(cw, areas.worcs, { releasedOn: '2026-06-02', engagedOn: '2026-06-10' });
    await release(cw, areas.worcs, {
      releasedOn: '2026-06-03',
      closed: ['returned_to_custody', '2026-06-05'],
    });
    // Another tenant's release in March must not count.
    const other = await otherTenant(stack, tokens.operator);
    await call(stack, 'POST', '/members', {
      token: other.chair,
      body: {
        email: 'cw@reports-other.example.test',
        name: 'Other Worker',
        role: 'caseworker',
        areaIds: [other.area.id],
      },
    });
    await release(await stack.token('cw@reports-other.example.test'), other.area.id, {
      releasedOn: '2026-03-02',
    });
  });
  afterAll(() => stack.stop());

  const report = (token: string, query = 'from=2026-03&to=2026-06') =>
    call(stack, 'GET', `/reports/continuity-of-care?${query}`, { token });
  const row = (rows: { month: string; areaId: string | null }[], month: string, areaId: string | null) =>
    rows.find((r) => r.month === month && r.areaId === areaId);

  it('gives managers the exact counts and rates per month and area, and for the whole partnership', async () => {
    const answer = await report(tokens.manager);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      windowDays: 21,
      target: 0.75,
      from: '2026-03',
      to: '2026-06',
      suppressed: false,
    });
    expect(answer.body.rows).toHaveLength(4 * 3);
    expect(row(answer.body.rows, '2026-03', areas.worcs)).toEqual({
      month: '2026-03',
      areaId: areas.worcs,
      cohort: 6,
      engaged: 3,
      pending: 0,
      exits: 1,
      rate: 0.5,
      adjustedRate: 0.6,
    });
    expect(row(answer.body.rows, '2026-03', areas.hereford)).toMatchObject({
      cohort: 1,
      engaged: 1,
      rate: 1,
      adjustedRate: 1,
    });
    expect(row(answer.body.rows, '2026-03', null)).toEqual({
      month: '2026-03',
      areaId: null,
      cohort: 7,
      engaged: 4,
      pending: 0,
      exits: 1,
      rate: 0.5714,
      adjustedRate: 0.6667,
    });
    expect(row(answer.body.rows, '2026-06', areas.worcs)).toEqual({
      month: '2026-06',
      areaId: areas.worcs,
      cohort: 3,
      engaged: 1,
      pending: 1,
      exits: 1,
      rate: 0.5,
      adjustedRate: 1,
    });
    expect(row(answer.body.rows, '2026-04', areas.worcs)).toMatchObject({
      cohort: 0,
      rate: null,
      adjustedRate: null,
    });
  });

  it('suppresses counts of 1–4 for chairs and analysts, and withholds the rates they enter', async () => {
    for (const token of [tokens.chair, tokens.analyst]) {
      const answer = await report(token);
      expect(answer.body.suppressed).toBe(true);
      expect(row(answer.body.rows, '2026-03', areas.worcs)).toEqual({
        month: '2026-03',
        areaId: areas.worcs,
        cohort: 6,
        engaged: '<5',
        pending: 0,
        exits: '<5',
        rate: null,
        adjustedRate: null,
      });
      expect(row(answer.body.rows, '2026-03', null)).toMatchObject({ cohort: 7, engaged: '<5', rate: null });
    }
  });

  it('shows chairs exact figures when the partnership turns suppression off', async () => {
    const partnership = (await call(stack, 'GET', '/partnership', { token: tokens.chair })).body;
    const off = await call(stack, 'PATCH', '/partnership', {
      token: tokens.chair,
      body: { settings: { suppressSmallNumbers: false } },
      headers: { 'if-match': `"${partnership.version}"` },
    });
    try {
      const answer = await report(tokens.chair);
      expect(answer.body.suppressed).toBe(false);
      expect(row(answer.body.rows, '2026-03', areas.worcs)).toMatchObject({
        engaged: 3,
        exits: 1,
        rate: 0.5,
        adjustedRate: 0.6,
      });
    } finally {
      await call(stack, 'PATCH', '/partnership', {
        token: tokens.chair,
        body: { settings: { suppressSmallNumbers: true } },
        headers: { 'if-match': `"${off.body.version}"` },
      });
    }
  });

  it('reports one area on its own, without partnership rows', async () => {
    const answer = await report(tokens.manager, `from=2026-03&to=2026-03&areaId=${areas.hereford}`);
    expect(answer.body.rows).toEqual([
      {
        month: '2026-03',
        areaId: areas.hereford,
        cohort: 1,
        engaged: 1,
        pending: 0,
        exits: 0,
        rate: 1,
        adjustedRate: 1,
      },
    ]);
  });

  it('gives a CSV with the same numbers as the JSON', async () => {
    const json = await report(tokens.chair);
    const response = await fetch(`${stack.apiUrl}/reports/continuity-of-care.csv?from=2026-03&to=2026-06`, {
      headers: { authorization: `Bearer ${tokens.chair}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="continuity-of-care-2026-03-to-2026-06.csv"/,
    );
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'month,area_id,area,cohort,engaged,pending,exits,rate,adjusted_rate,target,window_days',
    );
    const csvRows = lines.slice(1).map((line) => line.split(','));
    expect(csvRows).toHaveLength(json.body.rows.length);
    json.body.rows.forEach((r: Record<string, unknown>, index: number) => {
      const cells = csvRows[index] as string[];
      expect(cells[0]).toBe(r.month);
      expect(cells[1]).toBe(r.areaId ?? '');
      expect(cells.slice(3, 9)).toEqual(
        [r.cohort, r.engaged, r.pending, r.exits, r.rate, r.adjustedRate].map((v) =>
          v === null ? '' : String(v),
        ),
      );
      expect(cells.slice(9)).toEqual(['0.75', '21']);
    });
  });

  it('gives the time-to-engagement curve and medians', async () => {
    const answer = await call(stack, 'GET', '/reports/time-to-engagement?from=2026-03&to=2026-03', {
      token: tokens.manager,
    });
    expect(answer.status).toBe(200);
    // Decided March cases: 7 (6 Worcestershire, 1 Herefordshire). Starts on days 0, 5, 21, 21, 22.
    expect(answer.body.decided).toBe(7);
    const at = (day: number) => answer.body.curve.find((point: { day: number }) => point.day === day);
    expect(at(0)).toEqual({ day: 0, engaged: 1, share: 0.1429 });
    expect(at(5)).toEqual({ day: 5, engaged: 2, share: 0.2857 });
    expect(at(20)).toEqual({ day: 20, engaged: 2, share: 0.2857 });
    expect(at(21)).toEqual({ day: 21, engaged: 4, share: 0.5714 });
    expect(at(22)).toEqual({ day: 22, engaged: 5, share: 0.7143 });
    expect(answer.body.curve).toHaveLength(29);
    expect(answer.body.medianDaysToTreatmentStart).toBe(21);
    // First appointments on days 2, 2, 1, 0.
    expect(answer.body.medianDaysToFirstAppointment).toBe(1.5);
  });

  it('gives the rate by releasing establishment', async () => {
    const answer = await call(stack, 'GET', '/reports/by-establishment?from=2026-03&to=2026-03', {
      token: tokens.manager,
    });
    expect(answer.body.rows).toEqual([
      { establishment: 'HEI', cohort: 6, engaged: 4, pending: 0, exits: 1, rate: 0.6667 },
      { establishment: 'BMI', cohort: 1, engaged: 0, pending: 0, exits: 0, rate: 0 },
    ]);
  });

  it('refuses a back-to-front or too long period, and another area', async () => {
    expect((await report(tokens.manager, 'from=2026-06&to=2026-03')).body.error.fields.from).toMatch(
      /no later than/,
    );
    expect((await report(tokens.manager, 'from=2020-01&to=2026-03')).body.error.fields.to).toMatch(
      /at most 36 months/,
    );
    expect((await report(tokens.manager, 'from=2026-13')).status).toBe(400);
    const other = await otherTenant(stack, tokens.operator);
    expect((await report(tokens.manager, `areaId=${other.area.id}`)).status).toBe(400);
    expect((await report(tokens.caseworker)).status).toBe(403);
  });
});

describe('other pathways', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;

  beforeAll(async () => {
    stack = await startTestStack();
    stack.clock.set(new Date('2026-06-15T12:00:00Z'));
    tokens = await demoTokens(stack);
    const areas = await demoAreas(stack, tokens.chair);
    const divert = async (referredOn: string, offendedOn?: string, engagedOn?: string) => {
      const { referral } = await personWithReferral(stack, tokens.caseworker, areas.worcs, {
        pathway: 'divert',
        referredOn,
        communityResolutionOn: referredOn,
      });
      if (offendedOn)
        await call(stack, 'POST', `/referrals/${referral.id}/offences`, {
          token: tokens.caseworker,
          body: { offendedOn },
        });
      if (engagedOn)
        await call(stack, 'POST', `/referrals/${referral.id}/engagement`, {
          token: tokens.caseworker,
          body: { startedOn: engagedOn },
        });
    };
    await divert('2025-11-03', undefined, '2025-11-10'); // six months passed, no offence
    await divert('2025-11-20', '2026-02-01'); // reoffended within six months
    await divert('2025-11-25', '2026-06-01'); // offence after six months: counts as without
    await divert('2026-05-01'); // younger than six months: pending
    await divert('2026-05-02', '2026-05-20'); // young, but already reoffended: decided
  });
  afterAll(() => stack.stop());

  it('counts referrals, engagement and the six-month reoffending measure', async () => {
    const answer = await call(stack, 'GET', '/reports/pathways?from=2025-11&to=2026-06', {
      token: tokens.manager,
    });
    expect(answer.body.rows).toHaveLength(1);
    const [divert] = answer.body.rows;
    expect(divert).toMatchObject({
      pathway: 'divert',
      referrals: 5,
      engaged: 1,
      reoffending: { decided: 4, withoutFurtherOffence: 2, pending: 1, share: 0.5 },
      completedProgramme: 0,
      failedToEngage: 0,
    });
    // Among those engaged: the one engaged case, six months on without a further offence.
    expect(divert.reoffendingEngaged).toEqual({ decided: 1, withoutFurtherOffence: 1, pending: 0, share: 1 });
    // None of these referrals names a custody suite.
    expect(answer.body.bySuite).toEqual([]);
  });
});
