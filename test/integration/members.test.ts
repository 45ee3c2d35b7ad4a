import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('members', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areaIds: string[];

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areaIds = (await call(stack, 'GET', '/areas', { token: tokens.chair })).body.items.map(
      (area: { id: string }) => area.id,
    );
  });
  afterAll(() => stack.stop());

  const invite = (body: unknown, headers: Record<string, string> = {}) =>
    call(stack, 'POST', '/members', { token: tokens.chair, body, headers });

  it('invites a caseworker: the user can sign in at once and is mailed an invitation', async () => {
    const answer = await invite({
      email: 'New.Worker@Example.test',
      name: 'Nia Roberts',
      role: 'caseworker',
      areaIds: [areaIds[0]],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      email: 'new.worker@example.test',
      role: 'caseworker',
      areaIds: [areaIds[0]],
      version: 1,
    });
    const token = await stack.token('new.worker@example.test');
    const me = await call(stack, 'GET', '/me', { token });
    expect(me.body).toMatchObject({ role: 'caseworker', memberId: answer.body.id, areaIds: [areaIds[0]] });
    const mail = stack.mail.list().find((sent) => sent.to.includes('new.worker@example.test'));
    expect(mail?.subject).toMatch(/invited to Continuity/);
  });

  it('refuses an email that is already a member, creating no second user', async () => {
    const answer = await invite({ email: DEMO.manager, name: 'Someone', role: 'analyst' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('duplicate');
  });

  it.each([
    [{ email: 'a@example.test', name: 'A', role: 'caseworker', areaIds: [] }, 'areaIds', /at least one area/],
    [
      { email: 'a@example.test', name: 'A', role: 'caseworker', areaIds: ['01jzzzzzzzzzzzzzzzzzzzzzzz'] },
      'areaIds.0',
      /not an area/,
    ],
    [
      { email: 'a@example.test', name: 'A', role: 'operator' },
      'role',
      /one of chair, manager, caseworker, analyst/,
    ],
    [{ email: 'not an email', name: 'A', role: 'analyst' }, 'email', /email address/],
  ])('refuses %j naming %s', async (body, field, message) => {
    const answer = await invite(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields[field]).toMatch(message);
    expect(await stack.users.byEmail('a@example.test')).toBeUndefined();
  });

  it('gives chairs and analysts the whole partnership, whatever areas were sent', async () => {
    const answer = await invite({
      email: 'analyst2@example.test',
      name: 'Ana Lyst',
      role: 'analyst',
      areaIds: [areaIds[0]],
    });
    expect(answer.body.areaIds).toEqual([]);
  });

  it('changes role and areas, and the change applies to the next request', async () => {
    const created = await invite({
      email: 'mover@example.test',
      name: 'Mo Ver',
      role: 'caseworker',
      areaIds: [areaIds[0]],
    });
    const token = await stack.token('mover@example.test');
    expect((await call(stack, 'GET', '/members', { token })).status).toBe(403);
    const changed = await call(stack, 'PATCH', `/members/${created.body.id}`, {
      token: tokens.chair,
      body: { role: 'manager', areaIds: areaIds },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'manager', areaIds, version: 2 });
    expect((await call(stack, 'GET', '/members', { token })).status).toBe(200);
  });

  it('removes a member, whose valid token is refused at once', async () => {
    const created = await invite({
      email: 'leaver@example.test',
      name: 'Lee Ver',
      role: 'caseworker',
      areaIds: [areaIds[1]],
    });
    const token = await stack.token('leaver@example.test');
    expect((await call(stack, 'GET', '/partnership', { token })).status).toBe(200);
    const removed = await call(stack, 'DELETE', `/members/${created.body.id}`, { token: tokens.chair });
    expect(removed.status).toBe(204);
    const after = await call(stack, 'GET', '/partnership', { token });
    expect(after.status).toBe(403);
    expect(await stack.users.byEmail('leaver@example.test')).toBeUndefined();
    expect((await call(stack, 'GET', `/members/${created.body.id}`, { token: tokens.chair })).status).toBe(
      404,
    );
    // The address is free to be invited again.
    expect((await invite({ email: 'leaver@example.test', name: 'Lee Ver', role: 'analyst' })).status).toBe(
      201,
    );
  });

  it('keeps at least one chair', async () => {
    const me = (await call(stack, 'GET', '/me', { token: tokens.chair })).body;
    const demote = await call(stack, 'PATCH', `/members/${me.memberId}`, {
      token: tokens.chair,
      body: { role: 'analyst' },
      headers: { 'if-match': '"1"' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('last_chair');
    expect(
      (await call(stack, 'DELETE', `/members/${me.memberId}`, { token: tokens.chair })).body.error.code,
    ).toBe('last_chair');
  });

  it('lets a manager read members but not change them', async () => {
    const list = await call(stack, 'GET', '/members', { token: tokens.manager });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(5);
    const target = list.body.items[0];
    const patch = await call(stack, 'PATCH', `/members/${target.id}`, {
      token: tokens.manager,
      body: { name: 'X' },
      headers: { 'if-match': `"${target.version}"` },
    });
    expect(patch.status).toBe(403);
  });
});

describe('partnership and operator', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
  });
  afterAll(() => stack.stop());

  it('shows every member the partnership with its default settings', async () => {
    const answer = await call(stack, 'GET', '/partnership', { token: tokens.analyst });
    expect(answer.body.settings).toEqual({
      engagementWindowDays: 21,
      targetRate: 0.75,
      suppressSmallNumbers: true,
      alertRules: {
        noFirstAppointmentHours: 24,
        firstAppointmentGraceHours: 4,
        engagementAtRiskDay: 14,
        releaseNotConfirmedDays: 1,
        escalateAfterHours: 24,
        requiredAssessmentGraceHours: 4,
        sessionGraceHours: 4,
        courtReviewNoticeDays: 7,
      },
      retentionYears: 8,
      // The demo partnership runs every programme the service names (infra/local/demo-data.ts).
      programmes: ['through_the_gate', 'starting_point_plus', 'reconnect'],
    });
  });

  it('lets the chair change name and some settings, keeping the rest', async () => {
    const answer = await call(stack, 'PATCH', '/partnership', {
      token: tokens.chair,
      body: {
        name: 'Worcestershire & Herefordshire CDP',
        settings: { targetRate: 0.8, alertRules: { engagementAtRiskDay: 10 } },
      },
      headers: { 'if-match': '"1"' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.name).toBe('Worcestershire & Herefordshire CDP');
    expect(answer.body.settings).toMatchObject({ targetRate: 0.8, engagementWindowDays: 21 });
    expect(answer.body.settings.alertRules).toMatchObject({
      engagementAtRiskDay: 10,
      noFirstAppointmentHours: 24,
    });
  });

  it('refuses settings that contradict each other, and out-of-range values', async () => {
    const current = (await call(stack, 'GET', '/partnership', { token: tokens.chair })).body;
    const contradict = await call(stack, 'PATCH', '/partnership', {
      token: tokens.chair,
      body: { settings: { engagementWindowDays: 10, alertRules: { engagementAtRiskDay: 14 } } },
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(contradict.status).toBe(400);
    expect(contradict.body.error.fields['settings.alertRules.engagementAtRiskDay']).toMatch(
      /less than the engagement window/,
    );
    const range = await call(stack, 'PATCH', '/partnership', {
      token: tokens.chair,
      body: { settings: { targetRate: 1.5 } },
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(range.status).toBe(400);
    expect(range.body.error.fields['settings.targetRate']).toBeTruthy();
    expect((await call(stack, 'GET', '/partnership', { token: tokens.chair })).body.version).toBe(
      current.version,
    );
  });

  it('lets the operator create a partnership whose chair can sign in and add areas', async () => {
    const created = await call(stack, 'POST', '/admin/partnerships', {
      token: tokens.operator,
      body: {
        name: 'Shropshire, Telford and Wrekin CDP',
        chair: { email: 'chair@shropshire.example.test', name: 'Sal Chair' },
      },
      headers: { 'idempotency-key': 'shropshire-1' },
    });
    expect(created.status).toBe(201);
    expect(created.body.settings.engagementWindowDays).toBe(21);
    expect(created.body.chair).toMatchObject({ role: 'chair', email: 'chair@shropshire.example.test' });
    const repeat = await call(stack, 'POST', '/admin/partnerships', {
      token: tokens.operator,
      body: {
        name: 'Shropshire, Telford and Wrekin CDP',
        chair: { email: 'chair@shropshire.example.test', name: 'Sal Chair' },
      },
      headers: { 'idempotency-key': 'shropshire-1' },
    });
    expect(repeat.body.id).toBe(created.body.id);
    const chair = await stack.token('chair@shropshire.example.test');
    expect((await call(stack, 'GET', '/partnership', { token: chair })).body.name).toBe(
      'Shropshire, Telford and Wrekin CDP',
    );
    const area = await call(stack, 'POST', '/areas', {
      token: chair,
      body: { name: 'Shropshire', onsCode: 'E06000051' },
    });
    expect(area.status).toBe(201);
    const list = await call(stack, 'GET', '/admin/partnerships', { token: tokens.operator });
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Shropshire, Telford and Wrekin CDP']),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/chair@/);
  });

  it('refuses a partnership whose chair already has an account', async () => {
    const answer = await call(stack, 'POST', '/admin/partnerships', {
      token: tokens.operator,
      body: { name: 'Duplicate Chair CDP', chair: { email: DEMO.chair, name: 'Priya Shah' } },
    });
    expect(answer.status).toBe(409);
    const list = await call(stack, 'GET', '/admin/partnerships', { token: tokens.operator });
    expect(list.body.items.map((p: { name: string }) => p.name)).not.toContain('Duplicate Chair CDP');
  });
});
