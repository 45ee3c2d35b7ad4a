import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('tenants never see each other', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let other: Awaited<ReturnType<typeof otherTenant>>;
  let otherManager: string;
  let demoAreaId: string;
  let demoMember: { id: string; version: number };

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    other = await otherTenant(stack, tokens.operator);
    const invited = await call(stack, 'POST', '/members', {
      token: other.chair,
      body: {
        email: 'manager@other.example.test',
        name: 'Other Manager',
        role: 'manager',
        areaIds: [other.area.id],
      },
    });
    expect(invited.status).toBe(201);
    otherManager = await stack.token('manager@other.example.test');
    demoAreaId = (await call(stack, 'GET', '/areas', { token: tokens.chair })).body.items[0].id;
    demoMember = (await call(stack, 'GET', '/members', { token: tokens.chair })).body.items.find(
      (member: { role: string }) => member.role === 'caseworker',
    );
  });
  afterAll(() => stack.stop());

  it('lists only the caller’s own areas, members and partnership', async () => {
    const areas = await call(stack, 'GET', '/areas', { token: other.chair });
    expect(areas.body.items.map((area: { id: string }) => area.id)).toEqual([other.area.id]);
    const members = await call(stack, 'GET', '/members', { token: other.chair });
    expect(members.body.items.map((member: { email: string }) => member.email).sort()).toEqual(
      [other.chairMember.email, 'manager@other.example.test'].sort(),
    );
    const partnership = await call(stack, 'GET', '/partnership', { token: other.chair });
    expect(partnership.body.id).toBe(other.partnership.id);
  });

  it.each(['chair', 'manager'] as const)('another tenant’s area id is 404 for its %s', async (who) => {
    const token = who === 'chair' ? other.chair : otherManager;
    expect((await call(stack, 'GET', `/areas/${demoAreaId}`, { token })).status).toBe(404);
  });

  it('another tenant’s case cannot be corrected, planned, contacted or listed, and stays as it was', async () => {
    // Prepare: a released case of the demo partnership.
    const { referral } = await personWithReferral(
      stack,
      tokens.caseworker,
      (await demoAreas(stack, tokens.chair)).worcs,
    );
    const path = `/referrals/${referral.id}`;
    const before = (await call(stack, 'GET', path, { token: tokens.caseworker })).body;

    // Act: another tenant's manager tries every new case route with its id.
    const answers = await Promise.all([
      call(stack, 'PATCH', path, {
        token: otherManager,
        body: { source: 'Another tenant' },
        headers: { 'if-match': `"${before.version}"` },
      }),
      call(stack, 'PUT', `${path}/release-plan`, { token: otherManager, body: { accommodation: 'settled' } }),
      call(stack, 'POST', `${path}/contacts`, {
        token: otherManager,
        body: { at: new Date().toISOString(), method: 'phone', outcome: 'made' },
      }),
      call(stack, 'GET', `${path}/contacts`, { token: otherManager }),
      call(stack, 'GET', `${path}/assignees`, { token: otherManager }),
    ]);
    const worklist = await call(stack, 'GET', '/worklist?limit=200', { token: otherManager });
    const search = await call(stack, 'GET', `/people?q=${before.reference}`, { token: otherManager });

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    expect(worklist.body.items.map((item: { referralId: string }) => item.referralId)).not.toContain(
      referral.id,
    );
    expect(search.body.items).toEqual([]);
    const after = (await call(stack, 'GET', path, { token: tokens.caseworker })).body;
    expect(after.version).toBe(before.version);
    expect(after.source).toBe(before.source);
    expect(after.releasePlan).toBeUndefined();
    expect(after.contactCounts).toEqual({ preRelease: 0, postRelease: 0 });
  });

  it('another tenant’s area cannot be changed, and stays as it was', async () => {
    const answer = await call(stack, 'PATCH', `/areas/${demoAreaId}`, {
      token: other.chair,
      body: { name: 'Renamed by another tenant' },
      headers: { 'if-match': '"1"' },
    });
    expect(answer.status).toBe(404);
    const area = await call(stack, 'GET', `/areas/${demoAreaId}`, { token: tokens.chair });
    expect(area.body.name).not.toBe('Renamed by another tenant');
  });

  it('another tenant’s member cannot be read, changed or removed', async () => {
    const path = `/members/${demoMember.id}`;
    expect((await call(stack, 'GET', path, { token: otherManager })).status).toBe(404);
    expect((await call(stack, 'GET', path, { token: other.chair })).status).toBe(404);
    const patched = await call(stack, 'PATCH', path, {
      token: other.chair,
      body: { role: 'analyst' },
      headers: { 'if-match': `"${demoMember.version}"` },
    });
    expect(patched.status).toBe(404);
    expect((await call(stack, 'DELETE', path, { token: other.chair })).status).toBe(404);
    const still = await call(stack, 'GET', path, { token: tokens.chair });
    expect(still.status).toBe(200);
    expect(still.body.role).toBe('caseworker');
  });

  it('a member cannot be given another tenant’s area', async () => {
    const answer = await call(stack, 'POST', '/members', {
      token: other.chair,
      body: {
        email: 'cw@other.example.test',
        name: 'Other Caseworker',
        role: 'caseworker',
        areaIds: [demoAreaId],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields['areaIds.0']).toMatch(/not an area of this partnership/);
  });

  it('another tenant’s checked import cannot be read or applied, and stays checked', async () => {
    // Prepare: the demo manager checks a clean release list without applying it.
    const template = await call(stack, 'GET', '/imports/releases/template.csv', { token: tokens.manager });
    const [header] = String(template.body).split(/\r?\n/);
    const expected = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const checked = await call(stack, 'POST', '/imports/releases?confirm=false', {
      token: tokens.manager,
      rawBody: `${header}\nAlex,Turner,1985-04-02,male,C4391AB,Worcestershire,opiate,HEI,${expected}\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(checked.status).toBe(202);
    const path = `/imports/${checked.body.importId}`;
    // Act
    const read = await call(stack, 'GET', path, { token: otherManager });
    const applied = await call(stack, 'POST', `${path}/apply`, { token: otherManager });
    // Assess
    expect(read.status).toBe(404);
    expect(applied.status).toBe(404);
    expect((await call(stack, 'GET', path, { token: tokens.manager })).body.status).toBe('checked');
  });

  it('another tenant’s chair cannot set this partnership’s export key', async () => {
    // The route names no partnership: the token's tenant is the only one it can reach.
    const before = await call(stack, 'GET', '/partnership', { token: tokens.chair });
    const answer = await call(stack, 'PUT', '/partnership/export-key', {
      token: other.chair,
      body: { publicKey: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p' },
    });
    expect(answer.status).toBe(200);
    const after = await call(stack, 'GET', '/partnership', { token: tokens.chair });
    expect(after.body.exportKey).toEqual(before.body.exportKey);
    expect((await call(stack, 'GET', '/partnership', { token: other.chair })).body.exportKey?.recipient).toBe(
      'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
    );
  });

  it('refuses one tenant’s cursor in another tenant’s list', async () => {
    const page = await call(stack, 'GET', '/members?limit=1', { token: tokens.chair });
    expect(page.body.nextCursor).toBeTruthy();
    const replayed = await call(
      stack,
      'GET',
      `/members?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`,
      {
        token: other.chair,
      },
    );
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.fields.cursor).toBeTruthy();
  });

  it('refuses a cursor edited by hand', async () => {
    const page = await call(stack, 'GET', '/members?limit=1', { token: tokens.chair });
    const [payload, signature] = String(page.body.nextCursor).split('.');
    const key = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    key.PK = `T#${other.partnership.id}`;
    const edited = `${Buffer.from(JSON.stringify(key)).toString('base64url')}.${signature}`;
    const answer = await call(stack, 'GET', `/members?limit=1&cursor=${edited}`, { token: tokens.chair });
    expect(answer.status).toBe(400);
  });

  it('the operator sees partnerships but no partnership’s members or areas', async () => {
    const list = await call(stack, 'GET', '/admin/partnerships', { token: tokens.operator });
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(other.partnership.id);
    expect((await call(stack, 'GET', '/members', { token: tokens.operator })).status).toBe(403);
    expect((await call(stack, 'GET', `/areas/${demoAreaId}`, { token: tokens.operator })).status).toBe(403);
  });
});
