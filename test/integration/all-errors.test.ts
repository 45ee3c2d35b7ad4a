import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateOf } from '../../shared/domain/dates.ts';
import { daysAgo, demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** A date `n` days after today (the stack runs on real time). */
const daysAhead = (n: number) => addDays(dateOf(new Date()), n);

describe('a validation error names every bad field at once, domain rules included', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areaId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areaId = (await demoAreas(stack, tokens.chair)).worcs;
  });
  afterAll(() => stack.stop());

  it('a person with a bad sex, a date of birth in the future, a bad prison number and another area', async () => {
    // Prepare: the Worcestershire caseworker names Herefordshire.
    const hereford = (await demoAreas(stack, tokens.chair)).hereford;
    // Act
    const answer = await call(stack, 'POST', '/people', {
      token: tokens.caseworker,
      body: {
        givenName: 'Robin',
        familyName: 'Ashdown',
        dateOfBirth: daysAhead(30),
        sex: 'unknown',
        prisonNumber: '12345',
        areaId: hereford,
        substanceGroup: 'opiate',
      },
    });
    // Assess: the schema's two problems and the rules' two, in one answer.
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual([
      'areaId',
      'dateOfBirth',
      'prisonNumber',
      'sex',
    ]);
    expect(answer.body.error.fields.dateOfBirth).toMatch(/in the past/);
  });

  it('a change of person with a bad sex and a date of birth in the future', async () => {
    const { person } = await personWithReferral(stack, tokens.caseworker, areaId);
    const answer = await call(stack, 'PATCH', `/people/${person.id}`, {
      token: tokens.caseworker,
      body: { sex: 'unknown', dateOfBirth: daysAhead(1) },
      headers: { 'if-match': `"${person.version}"` },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['dateOfBirth', 'sex']);
  });

  it('a member with a bad email and a manager’s role without areas', async () => {
    const answer = await call(stack, 'POST', '/members', {
      token: tokens.chair,
      body: { email: 'not-an-email', name: 'New Manager', role: 'manager' },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['areaIds', 'email']);
  });

  it('settings with a bad target and an at-risk day past the window', async () => {
    const answer = await call(stack, 'PATCH', '/partnership', {
      token: tokens.chair,
      body: {
        settings: { targetRate: 2, engagementWindowDays: 14, alertRules: { engagementAtRiskDay: 20 } },
      },
      headers: {
        'if-match': `"${(await call(stack, 'GET', '/partnership', { token: tokens.chair })).body.version}"`,
      },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual([
      'settings.alertRules.engagementAtRiskDay',
      'settings.targetRate',
    ]);
  });

  it('a referral with a bad pathway, a future referral date and a release before it', async () => {
    // Prepare
    const { person } = await personWithReferral(stack, tokens.caseworker, areaId);
    // Act
    const answer = await call(stack, 'POST', `/people/${person.id}/referrals`, {
      token: tokens.caseworker,
      body: {
        pathway: 'nowhere',
        areaId,
        source: 'HMP Hewell',
        referredOn: daysAhead(5),
        expectedReleaseOn: daysAhead(2),
      },
    });
    // Assess: the schema's problem and both rules' problems, and nothing written.
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual([
      'expectedReleaseOn',
      'pathway',
      'referredOn',
    ]);
    const after = await call(stack, 'GET', `/people/${person.id}`, { token: tokens.caseworker });
    expect(after.body.referralIds).toHaveLength(1);
  });

  it('a divert referral with an expected release and a bad source', async () => {
    const { person } = await personWithReferral(stack, tokens.caseworker, areaId);
    const answer = await call(stack, 'POST', `/people/${person.id}/referrals`, {
      token: tokens.caseworker,
      body: {
        pathway: 'divert',
        areaId,
        source: '',
        referredOn: daysAgo(1),
        expectedReleaseOn: daysAgo(0),
      },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['expectedReleaseOn', 'source']);
    expect(answer.body.error.fields.expectedReleaseOn).toMatch(/no prison release/);
  });

  it('a release with a bad release type and a date in the future', async () => {
    // Prepare
    const { referral } = await personWithReferral(stack, tokens.caseworker, areaId, {
      referredOn: daysAgo(4),
    });
    // Act
    const answer = await call(stack, 'POST', `/referrals/${referral.id}/release`, {
      token: tokens.caseworker,
      body: { releasedOn: daysAhead(1), releaseType: 'escape' },
    });
    // Assess
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['releaseType', 'releasedOn']);
  });

  it('a close with a bad reason and a date in the future', async () => {
    const { referral } = await personWithReferral(stack, tokens.caseworker, areaId);
    const answer = await call(stack, 'POST', `/referrals/${referral.id}/close`, {
      token: tokens.caseworker,
      body: { reason: 'bored', closedOn: daysAhead(3) },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['closedOn', 'reason']);
  });
});
