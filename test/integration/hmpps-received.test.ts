import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOf } from '../../shared/domain/dates.ts';
import { daysAgo, demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** HMPPS `prisoner.received`, returns to custody (API.md "Alerts that follow the work"). */
describe('HMPPS prisoner received events', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areaId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areaId = (await demoAreas(stack, tokens.chair)).worcs;
  });
  afterAll(() => stack.stop());

  const received = (nomsNumber: string, reason = 'ADMISSION', probableCause = 'RECALL') => ({
    eventType: 'prison-offender-events.prisoner.received',
    occurredAt: new Date().toISOString(),
    version: 1,
    description: 'A prisoner has been received into prison',
    additionalInformation: { nomsNumber, prisonId: 'HEI', reason, probableCause, details: 'ACTIVE IN' },
  });
  const feed = (body: unknown) => call(stack, 'POST', '/_local/hmpps-events', { body });
  const caseOf = async (id: string) =>
    (await call(stack, 'GET', `/referrals/${id}`, { token: tokens.caseworker })).body;

  /** A released case of this prison number, with its first appointment missed (an open alert). */
  async function releasedCase(prisonNumber: string, releasedDaysAgo = 3) {
    const { referral } = await personWithReferral(
      stack,
      tokens.caseworker,
      areaId,
      { referredOn: daysAgo(releasedDaysAgo + 5) },
      { prisonNumber },
    );
    await call(stack, 'POST', `/referrals/${referral.id}/release`, {
      token: tokens.caseworker,
      body: { releasedOn: daysAgo(releasedDaysAgo), releaseType: 'licence' },
    });
    const booked = await call(stack, 'POST', `/referrals/${referral.id}/appointments`, {
      token: tokens.caseworker,
      body: {
        at: `${daysAgo(Math.max(releasedDaysAgo - 1, 0))}T09:00:00+00:00`,
        location: 'Hub',
        kind: 'first',
      },
    });
    await call(stack, 'PATCH', `/referrals/${referral.id}/appointments/${booked.body.id}`, {
      token: tokens.caseworker,
      body: { status: 'missed' },
      headers: { 'if-match': `"${booked.body.version}"` },
    });
    return referral.id as string;
  }

  it('closes a released, overdue case as returned to custody and resolves its alerts, on the timeline', async () => {
    // Prepare
    const referralId = await releasedCase('R1001AA');
    expect(
      (await caseOf(referralId)).alerts.some((alert: { status: string }) => alert.status === 'open'),
    ).toBe(true);
    // Act
    const answer = await feed(received('R1001AA'));
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ outcome: 'recorded', referrals: 1 });
    const after = await caseOf(referralId);
    expect(after).toMatchObject({
      status: 'closed',
      closeReason: 'returned_to_custody',
      closedOn: dateOf(new Date()),
    });
    expect(after.alerts.every((alert: { status: string }) => alert.status === 'resolved')).toBe(true);
    const timeline = await call(stack, 'GET', `/referrals/${referralId}/timeline`, {
      token: tokens.caseworker,
    });
    const byService = timeline.body.items.filter(
      (item: { by: { name: string } }) => item.by.name === 'HMPPS prisoner event',
    );
    expect(byService.map((item: { kind: string }) => item.kind).sort()).toEqual(['alert_updated', 'closed']);
    // The same event again changes nothing.
    expect((await feed(received('R1001AA'))).body).toEqual({ outcome: 'ignored', referrals: 0 });
    expect((await caseOf(referralId)).version).toBe(after.version);
  });

  it.each(['TRANSFERRED', 'RETURN_FROM_COURT', 'TEMPORARY_ABSENCE_RETURN'])(
    'changes nothing for %s',
    async (reason) => {
      const number = `R2${String(reason.length).padStart(3, '0')}AA`;
      const referralId = await releasedCase(number);
      const before = await caseOf(referralId);
      expect((await feed(received(number, reason, 'UNKNOWN'))).body).toEqual({
        outcome: 'ignored',
        referrals: 0,
      });
      expect((await caseOf(referralId)).version).toBe(before.version);
    },
  );

  it('leaves a case released longer ago than the engagement window, and one awaiting release', async () => {
    // Prepare: released 30 days ago (the window is 21 days); and one not released yet.
    const old = await releasedCase('R3001AA', 30);
    const { referral: awaiting } = await personWithReferral(
      stack,
      tokens.caseworker,
      areaId,
      {},
      { prisonNumber: 'R3002AA' },
    );
    // Act
    const answers = [
      await feed(received('R3001AA', 'ADMISSION', 'CONVICTED')),
      await feed(received('R3002AA')),
    ];
    // Assess
    for (const answer of answers) expect(answer.body).toEqual({ outcome: 'ignored', referrals: 0 });
    expect((await caseOf(old)).status).toBe('released');
    expect((await caseOf(awaiting.id)).status).toBe('referred');
  });

  it('takes the event as SNS delivers it, and answers unknown prison numbers without storing them', async () => {
    const referralId = await releasedCase('R4001AA');
    const notification = {
      Type: 'Notification',
      MessageId: 'm-1',
      Message: JSON.stringify(received('R4001AA', 'ADMISSION', 'REMAND')),
    };
    expect((await feed(notification)).body).toEqual({ outcome: 'recorded', referrals: 1 });
    expect((await caseOf(referralId)).closeReason).toBe('returned_to_custody');
    expect((await feed(received('Z9999ZZ'))).body.outcome).toBe('unknown_prison_number');
    expect((await feed({ ...received('R4001AA'), occurredAt: 'yesterday' })).status).toBe(400);
  });
});
