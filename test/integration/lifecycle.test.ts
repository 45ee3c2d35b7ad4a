import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  armor,
  Decrypter,
  generateHybridIdentity,
  generateIdentity,
  identityToRecipient,
} from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as retentionHandler } from '../../functions/retention/handler.ts';
import { DEMO_PARTNERSHIP } from '../../infra/local/demo-data.ts';
import { lambdaContext } from '../../infra/local/lambda-event.ts';
import { keys } from '../../shared/data/keys.ts';
import { partnershipNameKey } from '../../shared/domain/partnership-name.ts';
import { demoAreas, personWithReferral } from './case-fixtures.ts';
import { call, demoTokens, otherTenant, startTestStack } from './harness.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('data lifecycle', () => {
  let stack: Stack;
  let tokens: Awaited<ReturnType<typeof demoTokens>>;
  let areas: { worcs: string; hereford: string };

  const partitionSize = async (tenantId: string) => {
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await stack.table.db.send(
        new QueryCommand({
          TableName: stack.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `T#${tenantId}` },
          Select: 'COUNT',
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  };

  /** The item that holds a partnership name, if any. */
  const nameLock = async (name: string) =>
    (
      await stack.table.db.send(
        new GetCommand({
          TableName: stack.tableName,
          Key: keys.partnershipNameLock(partnershipNameKey(name)),
          ConsistentRead: true,
        }),
      )
    ).Item;

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
  });
  afterAll(() => stack.stop());

  /** Every page of the partnership's export, as the operator fetches them: status, type and body. */
  async function exportPages(partnershipId: string) {
    const pages: { status: number; contentType: string | null; text: string }[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await fetch(
        `${stack.apiUrl}/admin/partnerships/${partnershipId}/export${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { authorization: `Bearer ${tokens.operator}` } },
      );
      pages.push({
        status: response.status,
        contentType: response.headers.get('content-type'),
        text: await response.text(),
      });
      cursor = response.status === 200 ? response.headers.get('x-next-cursor') : null;
    } while (cursor);
    return pages;
  }

  /** The operator audit's export records of a partnership. */
  const exportsOf = async (partnershipId: string) =>
    (await call(stack, 'GET', '/admin/audit?limit=200', { token: tokens.operator })).body.items.filter(
      (entry: { action: string; partnershipId: string }) =>
        entry.action === 'export' && entry.partnershipId === partnershipId,
    ) as { items: number; recipient?: string; by: { userId: string } }[];

  const setKey = (token: string, publicKey: unknown) =>
    call(stack, 'PUT', '/partnership/export-key', { token, body: { publicKey } });

  it('refuses to export a partnership until its chair has set an export key', async () => {
    // Prepare
    const before = (await call(stack, 'GET', '/partnership', { token: tokens.chair })).body;
    expect(before.exportKey).toBeUndefined();
    // Act
    const [page] = await exportPages(DEMO_PARTNERSHIP.id);
    // Assess
    expect(page?.status).toBe(409);
    expect(JSON.parse(page?.text ?? '{}').error.code).toBe('export_key_required');
    expect(await exportsOf(DEMO_PARTNERSHIP.id)).toEqual([]);
  });

  it('takes only an age recipient as the export key, from the chair only; anything else changes nothing', async () => {
    // Prepare
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const before = (await call(stack, 'GET', '/partnership', { token: tokens.chair })).body;
    const bad = {
      openPgp:
        '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZabcdeYJKwYBBAHaRw8BAQdA\n-----END PGP PUBLIC KEY BLOCK-----',
      privateKey: identity,
      postQuantum: await identityToRecipient(await generateHybridIdentity()),
      ssh: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host',
      mistyped: recipient.slice(0, -1) + (recipient.endsWith('q') ? 'p' : 'q'),
      notAKey: 'my partnership key',
      // Bech32 of 32 zero bytes: it parses, but no secret can be agreed with it.
      lowOrder: 'age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq5cu47z',
      notText: 42,
    };
    // Act
    const answers = Object.fromEntries(
      await Promise.all(
        Object.entries(bad).map(async ([name, key]) => [name, await setKey(tokens.chair, key)] as const),
      ),
    );
    const others = await Promise.all(
      [tokens.manager, tokens.caseworker, tokens.analyst, tokens.operator].map((token) =>
        setKey(token, recipient),
      ),
    );
    // Assess
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.code, name).toBe('validation_failed');
      expect(answer.body.error.fields.publicKey, name).toBeTruthy();
    }
    expect(answers.openPgp?.body.error.fields.publicKey).toMatch(/OpenPGP key.*age recipient.*age1/);
    expect(answers.privateKey?.body.error.fields.publicKey).toMatch(/private key, which must never leave/);
    expect(JSON.stringify(answers.privateKey?.body)).not.toContain(identity.slice('AGE-SECRET-KEY-'.length));
    expect(answers.postQuantum?.body.error.fields.publicKey).toMatch(/post-quantum/);
    expect(answers.mistyped?.body.error.fields.publicKey).toMatch(/checksum/);
    expect(answers.lowOrder?.body.error.fields.publicKey).toMatch(/not a key anything can be encrypted to/);
    for (const answer of others) expect(answer.status).toBe(403);
    const after = (await call(stack, 'GET', '/partnership', { token: tokens.chair })).body;
    expect(after).toEqual(before);
  });

  it('exports everything a partnership holds, encrypted to its key, page by page, and audits every page', async () => {
    // Prepare: a person whose details must not travel in the clear, and the chair's key.
    await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      {},
      { givenName: 'Ottoline', familyName: 'Quartermaine', nhsNumber: '9434765919' },
    );
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const before = (await call(stack, 'GET', '/partnership', { token: tokens.chair })).body;
    const me = (await call(stack, 'GET', '/me', { token: tokens.chair })).body;
    const set = await setKey(tokens.chair, ` ${recipient}\n`);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      id: DEMO_PARTNERSHIP.id,
      version: before.version + 1,
      exportKey: { recipient, setBy: { memberId: me.memberId, name: me.name } },
    });
    expect(set.headers.get('etag')).toBe(`"${before.version + 1}"`);
    expect((await call(stack, 'GET', '/partnership', { token: tokens.analyst })).body.exportKey).toEqual(
      set.body.exportKey,
    );
    const exportsBefore = (await exportsOf(DEMO_PARTNERSHIP.id)).length;

    // Act
    const pages = await exportPages(DEMO_PARTNERSHIP.id);

    // Assess: every page an armoured age file that only the identity reads, of JSON lines without keys.
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    const lines: Record<string, unknown>[] = [];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.contentType).toBe('application/vnd.age; charset=us-ascii');
      expect(page.text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----\n')).toBe(true);
      for (const clear of ['Quartermaine', '9434765919', 'opiate', 'T#', 'GSI1PK'])
        expect(page.text).not.toContain(clear);
      const text = await decrypter.decrypt(armor.decode(page.text), 'text');
      lines.push(
        ...text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
    }
    expect(lines).toHaveLength(await partitionSize(DEMO_PARTNERSHIP.id));
    const types = new Set(lines.map((line) => line.type));
    for (const type of ['partnership', 'area', 'member', 'person', 'referral', 'timelineEvent', 'audit'])
      expect(types).toContain(type);
    for (const line of lines) {
      const internal = Object.keys(line).filter(
        (attribute) =>
          ['PK', 'SK', 'duePK', 'dueSK', 'tenantId'].includes(attribute) || attribute.startsWith('GSI'),
      );
      expect(internal, JSON.stringify(line)).toEqual([]);
    }
    expect(lines.some((line) => line.familyName === 'Quartermaine' && line.nhsNumber === '9434765919')).toBe(
      true,
    );
    const recorded = (await exportsOf(DEMO_PARTNERSHIP.id)).slice(exportsBefore);
    expect(recorded).toHaveLength(pages.length);
    expect(recorded.reduce((sum, entry) => sum + entry.items, 0)).toBe(lines.length);
    for (const entry of recorded) expect(entry.recipient).toBe(recipient);
    expect(
      (await call(stack, 'GET', `/admin/partnerships/${DEMO_PARTNERSHIP.id}/export`, { token: tokens.chair }))
        .status,
    ).toBe(403);
  });

  it('encrypts later exports to a changed key, which the old one cannot read', async () => {
    // Prepare
    const old = await generateIdentity();
    const next = await generateIdentity();
    expect((await setKey(tokens.chair, await identityToRecipient(old))).status).toBe(200);
    expect((await setKey(tokens.chair, await identityToRecipient(next))).status).toBe(200);
    // Act
    const [page] = await exportPages(DEMO_PARTNERSHIP.id);
    // Assess
    const file = armor.decode(page?.text ?? '');
    const withOld = new Decrypter();
    withOld.addIdentity(old);
    await expect(withOld.decrypt(file)).rejects.toThrow();
    const withNext = new Decrypter();
    withNext.addIdentity(next);
    expect(await withNext.decrypt(file, 'text')).toContain('"type":"partnership"');
  });

  it('offboards a partnership: its members lose access at once and every item goes', async () => {
    const other = await otherTenant(stack, tokens.operator);
    await call(stack, 'POST', '/members', {
      token: other.chair,
      body: {
        email: 'cw@offboard.example.test',
        name: 'Off Board',
        role: 'caseworker',
        areaIds: [other.area.id],
      },
    });
    const worker = await stack.token('cw@offboard.example.test');
    await personWithReferral(stack, worker, other.area.id);
    expect(await partitionSize(other.partnership.id)).toBeGreaterThan(5);
    expect(await nameLock(other.partnership.name)).toMatchObject({ tenantId: other.partnership.id });
    const demoBefore = await partitionSize(DEMO_PARTNERSHIP.id);

    const answer = await call(stack, 'DELETE', `/admin/partnerships/${other.partnership.id}`, {
      token: tokens.operator,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ partnershipId: other.partnership.id, complete: true });
    expect(await partitionSize(other.partnership.id)).toBe(0);
    expect(await partitionSize(DEMO_PARTNERSHIP.id)).toBe(demoBefore);
    // Its name goes with it: the name lock lives outside the partition.
    expect(await nameLock(other.partnership.name)).toBeUndefined();
    expect((await call(stack, 'GET', '/partnership', { token: other.chair })).status).toBe(403);
    expect((await call(stack, 'GET', '/referrals', { token: worker })).status).toBe(403);
    expect(await stack.users.byEmail('cw@offboard.example.test')).toBeUndefined();
    const list = await call(stack, 'GET', '/admin/partnerships', { token: tokens.operator });
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(other.partnership.id);
    expect(
      (await call(stack, 'DELETE', `/admin/partnerships/${other.partnership.id}`, { token: tokens.operator }))
        .status,
    ).toBe(404);
    const audit = await call(stack, 'GET', '/admin/audit', { token: tokens.operator });
    expect(
      audit.body.items.some(
        (e: { action: string; partnershipId: string }) =>
          e.action === 'offboard' && e.partnershipId === other.partnership.id,
      ),
    ).toBe(true);
  });

  it('purges cases closed longer ago than the retention period, keeping people with other cases', async () => {
    stack.clock.set(new Date('2017-03-01T12:00:00Z'));
    const old = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert', referredOn: '2017-02-01' },
      { prisonNumber: 'A7001AA' },
    );
    await call(stack, 'POST', `/referrals/${old.referral.id}/close`, {
      token: tokens.caseworker,
      body: { reason: 'declined', closedOn: '2017-02-20' },
    });
    const kept = await personWithReferral(
      stack,
      tokens.caseworker,
      areas.worcs,
      { pathway: 'divert', referredOn: '2017-02-01' },
      { prisonNumber: 'A7002AA' },
    );
    await call(stack, 'POST', `/referrals/${kept.referral.id}/close`, {
      token: tokens.caseworker,
      body: { reason: 'declined', closedOn: '2017-02-20' },
    });
    stack.clock.set(new Date());
    const recent = await call(stack, 'POST', `/people/${kept.person.id}/referrals`, {
      token: tokens.caseworker,
      body: {
        pathway: 'divert',
        areaId: areas.worcs,
        source: 'Police',
        referredOn: new Date().toISOString().slice(0, 10),
      },
    });
    expect(recent.status).toBe(201);

    const result = await retentionHandler({}, lambdaContext('retention', 60_000));
    expect(result.referrals).toBeGreaterThanOrEqual(2);
    expect(
      (await call(stack, 'GET', `/referrals/${old.referral.id}`, { token: tokens.caseworker })).status,
    ).toBe(404);
    expect((await call(stack, 'GET', `/people/${old.person.id}`, { token: tokens.caseworker })).status).toBe(
      404,
    );
    expect((await call(stack, 'GET', '/people?q=A7001AA', { token: tokens.caseworker })).body.items).toEqual(
      [],
    );
    const survivor = await call(stack, 'GET', `/people/${kept.person.id}`, { token: tokens.caseworker });
    expect(survivor.body.referralIds).toEqual([recent.body.id]);
    // A new person may take the purged prison number.
    const reuse = await call(stack, 'POST', '/people', {
      token: tokens.caseworker,
      body: {
        givenName: 'New',
        familyName: 'Person',
        dateOfBirth: '1990-01-01',
        sex: 'female',
        prisonNumber: 'A7001AA',
        areaId: areas.worcs,
        substanceGroup: 'alcohol',
      },
    });
    expect(reuse.status).toBe(201);
    const audit = await call(stack, 'GET', '/admin/audit', { token: tokens.operator });
    expect(audit.body.items.some((e: { action: string }) => e.action === 'purge')).toBe(true);
  });
});
