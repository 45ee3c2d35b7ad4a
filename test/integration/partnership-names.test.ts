import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPartnershipItem } from '../../shared/data/partnerships-repo.ts';
import { call, demoTokens, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/**
 * `POST /admin/partnerships` answers the record itself, and a partnership's name is its own:
 * no second partnership (created, or renamed by its chair) may take a name another holds,
 * compared without regard to case, spaces or accents (API.md "Trust").
 */
describe('partnership creation and names', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;

  beforeAll(async () => {
    // Many operator calls in a row: the admin routes' throttle (5/s) is tested elsewhere.
    stack = await startTestStack({ throttle: false });
    tokens = await demoTokens(stack);
  });
  afterAll(() => stack.stop());

  /** A unique name for one test, so tests sharing the stack never clash by accident. */
  const uniqueName = (base: string) => `${base} ${randomUUID().slice(0, 6)}`;
  const chairEmail = () => `chair-${randomUUID().slice(0, 8)}@names.example.test`;

  const create = (name: string, email = chairEmail(), headers?: Record<string, string>) =>
    call(stack, 'POST', '/admin/partnerships', {
      token: tokens.operator,
      body: { name, chair: { email, name: 'Casey Chair' } },
      headers,
    });

  const listedNames = async (): Promise<string[]> =>
    (await call(stack, 'GET', '/admin/partnerships?limit=200', { token: tokens.operator })).body.items.map(
      (partnership: { name: string }) => partnership.name,
    );

  it('answers 201 with the partnership record itself, and its chair', async () => {
    // Prepare
    const name = uniqueName('Shape CDP');
    const email = chairEmail();
    // Act
    const created = await create(name, email);
    // Assess
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name,
      version: 1,
      createdAt: expect.any(String),
      settings: { engagementWindowDays: 21, targetRate: 0.75, suppressSmallNumbers: true },
      chair: { email, role: 'chair', name: 'Casey Chair' },
    });
    expect(created.body.partnership).toBeUndefined();
    expect(created.body.exportKey).toBeUndefined();
    const chair = await stack.token(email);
    const own = await call(stack, 'GET', '/partnership', { token: chair });
    expect(own.body).toEqual(
      Object.fromEntries(Object.entries(created.body).filter(([key]) => key !== 'chair')),
    );
  });

  it('refuses a second partnership of the same name, however it is cased, spaced or accented, and creates nothing', async () => {
    // Prepare
    const suffix = randomUUID().slice(0, 6);
    expect((await create(`Ynys Môn CDP ${suffix}`)).status).toBe(201);
    const variants = [
      `Ynys Môn CDP ${suffix}`,
      `  ynys   MON cdp ${suffix.toUpperCase()} `,
      `YnysMon-CDP ${suffix}`,
    ];
    const before = await listedNames();
    for (const variant of variants) {
      const email = chairEmail();
      // Act
      const answer = await create(variant, email);
      // Assess: 409 naming the field, no partnership and no sign-in for the would-be chair.
      expect(answer.status, variant).toBe(409);
      expect(answer.body.error.code).toBe('duplicate');
      expect(answer.body.error.fields.name).toMatch(/already used by another partnership/);
      expect(await stack.users.byEmail(email)).toBeUndefined();
    }
    expect(await listedNames()).toEqual(before);
  });

  it('refuses the name of a partnership made before names had locks', async () => {
    // Prepare: a partnership stored without its name's lock, as older ones are.
    const name = uniqueName('Legacy County CDP');
    await stack.table.db.send(
      new PutCommand({
        TableName: stack.tableName,
        Item: newPartnershipItem('legacy-0001', name, new Date()),
      }),
    );
    // Act
    const answer = await create(name.toUpperCase());
    // Assess
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('duplicate');
  });

  it('holds the demo partnership’s name too', async () => {
    const answer = await create('worcestershire and herefordshire cdp');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('duplicate');
  });

  it('lets only one of two creates of one name, sent at once, through; the other leaves no chair behind', async () => {
    // Prepare
    const name = uniqueName('Race CDP');
    const emails = [chairEmail(), chairEmail()];
    // Act
    const answers = await Promise.all(emails.map((email) => create(name, email)));
    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect((await listedNames()).filter((listed) => listed === name)).toHaveLength(1);
    const loser = emails[answers.findIndex((answer) => answer.status === 409)] as string;
    expect(await stack.users.byEmail(loser)).toBeUndefined();
  });

  it('replays an Idempotency-Key with the first answer rather than calling it a duplicate', async () => {
    // Prepare
    const name = uniqueName('Replay CDP');
    const email = chairEmail();
    const key = { 'idempotency-key': `names-${randomUUID()}` };
    const first = await create(name, email, key);
    // Act
    const repeat = await create(name, email, key);
    // Assess
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
  });

  it('refuses a rename to another partnership’s name, and moves the name with a rename', async () => {
    // Prepare: two partnerships, A and B.
    const nameA = uniqueName('Alpha CDP');
    const nameB = uniqueName('Bravo CDP');
    const emailA = chairEmail();
    expect((await create(nameA, emailA)).status).toBe(201);
    const partnershipB = await create(nameB);
    expect(partnershipB.status).toBe(201);
    const chairA = await stack.token(emailA);
    const before = (await call(stack, 'GET', '/partnership', { token: chairA })).body;
    const rename = (name: string, version: number) =>
      call(stack, 'PATCH', '/partnership', {
        token: chairA,
        body: { name },
        headers: { 'if-match': `"${version}"` },
      });

    // Act: A takes B's name (differently cased), then a name of its own.
    const clash = await rename(nameB.toLowerCase(), before.version);
    const unchanged = (await call(stack, 'GET', '/partnership', { token: chairA })).body;
    const nameC = uniqueName('Charlie CDP');
    const moved = await rename(nameC, before.version);
    const recased = await rename(nameC.toUpperCase(), moved.body.version);

    // Assess
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('duplicate');
    expect(clash.body.error.fields.name).toBeTruthy();
    // The chair learns the name is taken, not which partnership holds it.
    expect(JSON.stringify(clash.body)).not.toContain(partnershipB.body.id);
    expect(unchanged).toEqual(before);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: nameC, version: before.version + 1 });
    // A partnership may change the case of its own name: the lock is its own.
    expect(recased.status).toBe(200);
    // A's old name is free again; its new one is taken.
    expect((await create(nameA)).status).toBe(201);
    expect((await create(nameC)).status).toBe(409);
  });

  it('a stale rename is a version conflict, and takes no name', async () => {
    const emailA = chairEmail();
    expect((await create(uniqueName('Stale CDP'), emailA)).status).toBe(201);
    const chair = await stack.token(emailA);
    const current = (await call(stack, 'GET', '/partnership', { token: chair })).body;
    const wanted = uniqueName('Wanted CDP');
    const stale = await call(stack, 'PATCH', '/partnership', {
      token: chair,
      body: { name: wanted },
      headers: { 'if-match': `"${current.version + 5}"` },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await create(wanted)).status).toBe(201);
  });

  it('frees the name when the partnership is offboarded', async () => {
    const name = uniqueName('Leaving CDP');
    const created = await create(name);
    let offboarded = await call(stack, 'DELETE', `/admin/partnerships/${created.body.id}`, {
      token: tokens.operator,
    });
    while (offboarded.status === 200 && !offboarded.body.complete) {
      offboarded = await call(stack, 'DELETE', `/admin/partnerships/${created.body.id}`, {
        token: tokens.operator,
      });
    }
    expect(offboarded.status).toBe(200);
    expect((await create(name)).status).toBe(201);
  });
});
