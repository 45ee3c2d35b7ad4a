import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as retentionHandler } from '../../functions/retention/handler.ts';
import { DEMO_PARTNERSHIP } from '../../infra/local/demo-data.ts';
import { lambdaContext } from '../../infra/local/lambda-event.ts';
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

  beforeAll(async () => {
    stack = await startTestStack();
    tokens = await demoTokens(stack);
    areas = await demoAreas(stack, tokens.chair);
  });
  afterAll(() => stack.stop());

  it('exports everything a partnership holds as JSON lines, page by page, and audits it', async () => {
    await personWithReferral(stack, tokens.caseworker, areas.worcs);
    const lines: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const response: Response = await fetch(
        `${stack.apiUrl}/admin/partnerships/${DEMO_PARTNERSHIP.id}/export${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { authorization: `Bearer ${tokens.operator}` } },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
      lines.push(
        ...(await response.text())
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line)),
      );
      cursor = response.headers.get('x-next-cursor');
    } while (cursor);
    expect(lines).toHaveLength(await partitionSize(DEMO_PARTNERSHIP.id));
    const types = new Set(lines.map((line) => line.type));
    for (const type of ['partnership', 'area', 'member', 'person', 'referral', 'timelineEvent', 'audit'])
      expect(types).toContain(type);
    expect(lines.every((line) => String(line.PK) === `T#${DEMO_PARTNERSHIP.id}`)).toBe(true);
    const audit = await call(stack, 'GET', '/admin/audit', { token: tokens.operator });
    expect(
      audit.body.items.some(
        (entry: { action: string; partnershipId: string }) =>
          entry.action === 'export' && entry.partnershipId === DEMO_PARTNERSHIP.id,
      ),
    ).toBe(true);
    expect(
      (await call(stack, 'GET', `/admin/partnerships/${DEMO_PARTNERSHIP.id}/export`, { token: tokens.chair }))
        .status,
    ).toBe(403);
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
    const demoBefore = await partitionSize(DEMO_PARTNERSHIP.id);

    const answer = await call(stack, 'DELETE', `/admin/partnerships/${other.partnership.id}`, {
      token: tokens.operator,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ partnershipId: other.partnership.id, complete: true });
    expect(await partitionSize(other.partnership.id)).toBe(0);
    expect(await partitionSize(DEMO_PARTNERSHIP.id)).toBe(demoBefore);
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
