import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOf } from '../../shared/domain/dates.ts';
import { demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** `npm start`'s demo caseload: releases at every stage, so the worklist has something true to show. */
describe('the demo caseload', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;

  beforeAll(async () => {
    stack = await startTestStack({ demoCases: true });
    tokens = await demoTokens(stack);
    await stack.sweep();
  });
  afterAll(() => stack.stop());

  it('gives the Worcestershire caseworker a worklist with reasons, risks and counts', async () => {
    // Act
    const worklist = await call(stack, 'GET', '/worklist', { token: tokens.caseworker });

    // Assess
    expect(worklist.status).toBe(200);
    const items = worklist.body.items as {
      person: { familyName: string };
      why: string[];
      riskFlags: string[];
    }[];
    const names = items.map((item) => item.person.familyName);
    // Released, expected within a week, or with a missed first appointment: listed; engaged or
    // expected in six weeks: not.
    expect(names).toEqual(expect.arrayContaining(['Hughes', 'Watts', 'Brennan', 'Oyelaran', 'Price']));
    expect(names).not.toContain('Lloyd');
    expect(names).not.toContain('Rahman');
    expect(names).not.toContain('Pritchard');
    const hughes = items.find((item) => item.person.familyName === 'Hughes');
    expect(hughes?.riskFlags).toEqual(
      expect.arrayContaining(['no_fixed_abode', 'no_naloxone', 'first_days']),
    );
    expect(hughes?.why.length).toBeGreaterThan(1);
    const counts = await call(stack, 'GET', '/worklist/counts', { token: tokens.caseworker });
    expect(counts.body).toMatchObject({ releasingSoon: 2 });
    expect(counts.body.firstDays).toBeGreaterThanOrEqual(2);
  });

  it('shows a missed first appointment as the case to rebook, and plans and contacts on the case', async () => {
    const worklist = await call(stack, 'GET', '/worklist?limit=200', { token: tokens.caseworker });
    const price = worklist.body.items.find(
      (item: { person: { familyName: string } }) => item.person.familyName === 'Price',
    );
    expect(price.nextAction.rule).toBe('first_appointment_missed');
    expect(price.why).toContain('Overdue: Book a new first appointment');
    const hughes = worklist.body.items.find(
      (item: { person: { familyName: string } }) => item.person.familyName === 'Hughes',
    );
    const detail = await call(stack, 'GET', `/referrals/${hughes.referralId}`, { token: tokens.caseworker });
    expect(detail.body.releasePlan).toMatchObject({ accommodation: 'no_fixed_abode', version: 1 });
    expect(detail.body.contactCounts).toEqual({ preRelease: 1, postRelease: 0 });
  });

  it('tags no risk on a case that has engaged, even in its first days', async () => {
    // Prepare: released today and engaged today.
    const today = dateOf(stack.clock.now());
    const areaId = (await demoAreas(stack, tokens.chair)).worcs;
    const { referral } = await personWithReferral(stack, tokens.caseworker, areaId);
    const post = (path: string, body: unknown) =>
      call(stack, 'POST', path, { token: tokens.caseworker, body });
    await post(`/referrals/${referral.id}/release`, { releasedOn: today, releaseType: 'licence' });
    const released = await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker });
    expect(released.body.riskFlags).toContain('first_days');

    // Act
    await post(`/referrals/${referral.id}/engagement`, { startedOn: today });
    const engaged = await call(stack, 'GET', `/referrals/${referral.id}`, { token: tokens.caseworker });

    // Assess
    expect(engaged.body.riskFlags).toEqual([]);
  });

  it('audits a person shown in a list once a day per member, however often the list is opened', async () => {
    // Prepare: the worklist names Hughes.
    const first = await call(stack, 'GET', '/worklist', { token: tokens.caseworker });
    const hughes = first.body.items.find(
      (item: { person: { familyName: string } }) => item.person.familyName === 'Hughes',
    );
    const detail = await call(stack, 'GET', `/referrals/${hughes.referralId}`, { token: tokens.caseworker });

    // Act: the caseworker opens the worklist and the caseload again.
    await call(stack, 'GET', '/worklist', { token: tokens.caseworker });
    await call(stack, 'GET', '/referrals?limit=200', { token: tokens.caseworker });

    // Assess: one list record of the case by the caseworker, beside the record read.
    const audit = await call(stack, 'GET', `/audit?personId=${detail.body.person.id}&limit=200`, {
      token: tokens.manager,
    });
    const listed = audit.body.items.filter(
      (entry: { action: string; record: string; by: { role: string } }) =>
        entry.action === 'list' && entry.record === 'referral' && entry.by.role === 'caseworker',
    );
    expect(listed).toHaveLength(1);
    expect(audit.body.items.some((entry: { action: string }) => entry.action === 'read')).toBe(true);
  });
});
