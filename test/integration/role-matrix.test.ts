import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList as routes } from '../../functions/api/routes.ts';
import { ALL_ROLES, type Role } from '../../shared/domain/values.ts';
import { demoAreas } from './case-fixtures.ts';
import { call, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** Ids that exist nowhere: an allowed role then gets 400/404/428, never 401 or 403. */
const pathFor = (path: string) => path.replace(/\{\w+\}/g, '01jabcdefghjkmnpqrstvwxyz0');

const cases = routes
  .filter((route) => route.roles !== 'public')
  .flatMap((route) =>
    ALL_ROLES.map((role) => ({ route, role, allowed: (route.roles as readonly Role[]).includes(role) })),
  );

describe('every route × every role matches the role table', () => {
  let stack: Stack;
  let tokens: Record<Role, string>;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
  });
  afterAll(() => stack.stop());

  it.each(cases.map((c) => [`${c.route.method} ${c.route.path}`, c.role, c.allowed, c] as const))(
    '%s as %s (allowed: %s)',
    async (_name, role, allowed, { route }) => {
      const answer = await call(stack, route.method, pathFor(route.path), {
        token: tokens[role],
        body: route.body ? {} : undefined,
      });
      if (allowed) {
        expect([401, 403]).not.toContain(answer.status);
        expect(answer.status).toBeLessThan(500);
      } else {
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe('forbidden');
      }
    },
  );

  it('a forbidden role writes nothing', async () => {
    const before = await call(stack, 'GET', '/areas', { token: tokens.chair });
    const answer = await call(stack, 'POST', '/areas', {
      token: tokens.manager,
      body: { name: 'Wychavon', onsCode: 'E07000238', alertEmails: [] },
    });
    expect(answer.status).toBe(403);
    const after = await call(stack, 'GET', '/areas', { token: tokens.chair });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});

/** A valid body for each route that takes one, so a refusal can only come from tenancy. */
const VALID_BODIES: Record<string, unknown> = {
  updateArea: { name: 'Renamed by another tenant' },
  updateMember: { name: 'Renamed by another tenant' },
  updatePerson: { givenName: 'Renamed' },
  createReferral: {
    pathway: 'divert',
    areaId: 'AREA',
    source: 'Police',
    referredOn: '2026-01-05',
    communityResolutionOn: '2026-01-05',
  },
  recordRelease: { releasedOn: '2026-01-06', releaseType: 'licence' },
  createAppointment: { at: '2026-01-07T10:00:00+00:00', location: 'Hub', kind: 'follow_up' },
  updateAppointment: { status: 'cancelled' },
  recordEngagement: { startedOn: '2026-01-08' },
  closeReferral: { reason: 'other', closedOn: '2026-01-09' },
  recordOffence: { offendedOn: '2026-01-09' },
  acknowledgeAlert: {},
  resolveAlert: { note: 'Done' },
  updateReferral: { source: 'Renamed by another tenant' },
  putReleasePlan: { accommodation: 'settled' },
  createContact: { at: '2026-01-10T10:00:00+00:00', method: 'phone', outcome: 'made' },
  updateCustodySuite: { name: 'Renamed by another tenant' },
};

describe('every route with an id × every role of another tenant', () => {
  let stack: Stack;
  const ids: Record<string, string> = {};
  let others: Record<'chair' | 'manager' | 'caseworker' | 'analyst', string>;

  beforeAll(async () => {
    stack = await startTestStack();
    stack.clock.set(new Date('2026-01-20T12:00:00Z'));
    const tokens = await demoTokens(stack);
    // The Worcestershire caseworker's own area (the list order of areas made in one moment varies).
    const areaId = (await demoAreas(stack, tokens.chair)).worcs;
    const person = await call(stack, 'POST', '/people', {
      token: tokens.caseworker,
      body: {
        givenName: 'Cross',
        familyName: 'Tenant',
        dateOfBirth: '1980-01-01',
        sex: 'male',
        prisonNumber: 'A9001XY',
        areaId,
        substanceGroup: 'opiate',
      },
    });
    const referral = await call(stack, 'POST', `/people/${person.body.id}/referrals`, {
      token: tokens.caseworker,
      body: { pathway: 'continuity_of_care', areaId, source: 'HMP Hewell', referredOn: '2026-01-02' },
    });
    await call(stack, 'POST', `/referrals/${referral.body.id}/release`, {
      token: tokens.caseworker,
      body: { releasedOn: '2026-01-03', releaseType: 'licence' },
    });
    const appointment = await call(stack, 'POST', `/referrals/${referral.body.id}/appointments`, {
      token: tokens.caseworker,
      body: { at: '2026-01-19T10:00:00+00:00', location: 'Hub', kind: 'first' },
    });
    expect(appointment.status).toBe(201);
    // Marking the first appointment missed raises its alert in the same request.
    const missed = await call(
      stack,
      'PATCH',
      `/referrals/${referral.body.id}/appointments/${appointment.body.id}`,
      {
        token: tokens.caseworker,
        body: { status: 'missed' },
        headers: { 'if-match': '"1"' },
      },
    );
    expect(missed.status).toBe(200);
    const detail = await call(stack, 'GET', `/referrals/${referral.body.id}`, { token: tokens.caseworker });
    expect(detail.body.alerts?.length, JSON.stringify(detail.body)).toBeGreaterThan(0);
    const alert = detail.body.alerts[0];
    const imported = await fetch(`${stack.apiUrl}/imports/releases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.manager}`, 'content-type': 'text/csv' },
      body: 'given_name\nx\n',
    });
    Object.assign(ids, {
      areaId,
      memberId: (await call(stack, 'GET', '/me', { token: tokens.caseworker })).body.memberId,
      personId: person.body.id,
      referralId: referral.body.id,
      appointmentId: appointment.body.id,
      alertId: alert.id,
      importId: ((await imported.json()) as { importId: string }).importId,
      partnershipId: 'demo-worcs-hereford',
      custodySuiteId: (await call(stack, 'GET', '/custody-suites', { token: tokens.chair })).body.items[0].id,
    });
    const other = await otherTenant(stack, tokens.operator);
    const invite = async (role: string) => {
      const email = `${role}@matrix-other.example.test`;
      await call(stack, 'POST', '/members', {
        token: other.chair,
        body: { email, name: `Other ${role}`, role, areaIds: [other.area.id] },
      });
      return stack.token(email);
    };
    others = {
      chair: other.chair,
      manager: await invite('manager'),
      caseworker: await invite('caseworker'),
      analyst: await invite('analyst'),
    };
  });
  afterAll(() => stack.stop());

  const withIds = routes.filter((route) => route.path.includes('{') && route.roles !== 'public');
  const cases = withIds.flatMap((route) =>
    (['chair', 'manager', 'caseworker', 'analyst'] as const).map((role) => ({
      route,
      role,
      allowed: (route.roles as readonly Role[]).includes(role),
    })),
  );

  it.each(cases.map((c) => [`${c.route.method} ${c.route.path}`, c.role, c] as const))(
    '%s as another tenant’s %s',
    async (_name, role, { route, allowed }) => {
      const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => ids[name] as string);
      const body = route.body
        ? JSON.parse(
            JSON.stringify(VALID_BODIES[route.operationId] ?? {}).replace(
              '"AREA"',
              JSON.stringify(ids.areaId),
            ),
          )
        : undefined;
      const answer = await call(stack, route.method, path, {
        token: others[role],
        body,
        headers: { 'if-match': '"1"' },
      });
      expect(answer.status).toBe(allowed ? 404 : 403);
    },
  );

  it.each(['chair', 'manager', 'caseworker', 'analyst'] as const)(
    'the audit of another tenant’s person, and its areas in list filters, as its %s',
    async (role) => {
      const audit = await call(stack, 'GET', `/audit?personId=${ids.personId}`, { token: others[role] });
      expect(audit.status).toBe(role === 'manager' ? 404 : 403);
      for (const path of [
        `/referrals?areaId=${ids.areaId}`,
        `/worklist?areaId=${ids.areaId}`,
        `/alerts?areaId=${ids.areaId}`,
        `/people?q=tenant&areaId=${ids.areaId}`,
      ]) {
        expect((await call(stack, 'GET', path, { token: others[role] })).status).toBe(
          role === 'manager' || role === 'caseworker' ? 400 : 403,
        );
      }
      const report = await call(stack, 'GET', `/reports/continuity-of-care?areaId=${ids.areaId}`, {
        token: others[role],
      });
      expect(report.status).toBe(role === 'caseworker' ? 403 : 400);
    },
  );
});
