// The STS client the SDK's AssumeRole credential provider uses (fromTemporaryCredentials).

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { getArea } from '../../functions/api/handlers/areas.ts';
import { setDeps } from '../../shared/adapters/deps.ts';
import {
  assumedRoleTables,
  type SessionCredentials,
  tenantSessions,
} from '../../shared/adapters/tenant-tables.ts';
import { readConfig } from '../../shared/config.ts';
import { apiEvent, ddb, installDeps, invoke, memberItem, NOW, TENANT } from './support/handler-harness.ts';

const sts = mockClient(STSClient);
afterAll(() => sts.restore());

const HOUR = 60 * 60 * 1000;
const ROLE_ARN = 'arn:aws:iam::123456789012:role/continuity/test/TenantData';

/** A session that ends `ms` after the clock's now. */
const session = (key: string, endsAt: number): SessionCredentials => ({
  accessKeyId: key,
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: new Date(endsAt),
});

/** The credentials a table's client signs with. */
const credentialsOf = async (table: {
  db: { config: { credentials: () => Promise<{ accessKeyId: string }> } };
}) => (await table.db.config.credentials()).accessKeyId;

describe('tenant sessions', () => {
  it('starts one session per tenant, shares it between requests, and renews it before it expires', async () => {
    // Prepare
    let now = 0;
    const started: string[] = [];
    const tables = tenantSessions({
      tableName: 'T',
      region: 'eu-west-2',
      now: () => now,
      assume: async (tenantId) => {
        started.push(tenantId);
        return session(`${tenantId}-${started.length}`, now + HOUR);
      },
    });
    // Act
    const [a, again] = await Promise.all([tables.forTenant('a'), tables.forTenant('a')]);
    const b = await tables.forTenant('b');
    const first = await credentialsOf(a as never);
    const firstAgain = await credentialsOf(again as never);
    now += HOUR - 10 * 60 * 1000; // ten minutes before it ends: still good
    const stillFirst = await credentialsOf(a as never);
    now += 6 * 60 * 1000; // four minutes before it ends: renewed
    const renewed = await credentialsOf(a as never);
    const other = await credentialsOf(b as never);
    // Assess
    expect(a).toBe(again);
    expect(first).toBe('a-1');
    expect(firstAgain).toBe('a-1');
    expect(stillFirst).toBe('a-1');
    expect(renewed).toMatch(/^a-/);
    expect(renewed).not.toBe('a-1');
    expect(other).toMatch(/^b-/);
    expect(started.filter((tenant) => tenant === 'a')).toHaveLength(2);
  });

  it('does not keep a failed session start: the next request tries again', async () => {
    let attempts = 0;
    const tables = tenantSessions({
      tableName: 'T',
      region: 'eu-west-2',
      assume: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('STS unavailable');
        return session('ok', Date.now() + HOUR);
      },
    });
    const table = await tables.forTenant('a');
    await expect(credentialsOf(table as never)).rejects.toThrow('STS unavailable');
    expect(await credentialsOf(table as never)).toBe('ok');
  });
});

describe('the request path in AWS', () => {
  beforeEach(() => sts.reset());

  it('reads and writes a member’s request with the tenant’s role session, tagged with the tenant', async () => {
    // Prepare: deps as a feature function wires them in AWS, with STS and the table mocked.
    const { deps } = installDeps();
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    const config = readConfig({ ...deps.config, TENANT_ROLE_ARN: ROLE_ARN, TENANT_SESSION_POLICY: policy });
    const scoped = assumedRoleTables({ ...deps, config });
    setDeps({ ...deps, config, tenantTable: (tenantId) => scoped.forTenant(tenantId) });
    sts.on(AssumeRoleCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIA-TENANT-SESSION',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: new Date(Date.now() + HOUR),
      },
    });
    const signers: string[] = [];
    ddb.on(GetCommand).callsFake(async (input: { Key: { SK: string } }, getClient) => {
      signers.push((await getClient().config.credentials()).accessKeyId);
      if (input.Key.SK.startsWith('MEMBER#')) return { Item: memberItem('u1', 'chair') };
      return {
        Item: {
          PK: `T#${TENANT}`,
          SK: 'AREA#area-0001',
          id: 'area-0001',
          name: 'Leeds',
          onsCode: 'E08000035',
          alertEmails: [],
          version: 1,
          createdAt: NOW.toISOString(),
          updatedAt: NOW.toISOString(),
        },
      };
    });
    // Act
    const response = await invoke(
      getArea,
      apiEvent({
        method: 'GET',
        path: '/areas/area-0001',
        route: '/areas/{areaId}',
        pathParameters: { areaId: 'area-0001' },
      }),
    );
    // Assess: one session for the token's tenant, and every table call (the membership too) signed by it.
    expect(response.statusCode).toBe(200);
    const assumed = sts.commandCalls(AssumeRoleCommand);
    expect(assumed).toHaveLength(1);
    expect(assumed[0]?.args[0].input).toMatchObject({
      RoleArn: ROLE_ARN,
      Policy: policy,
      Tags: [{ Key: 'tenantId', Value: TENANT }],
    });
    expect(signers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(signers)).toEqual(new Set(['ASIA-TENANT-SESSION']));
  });

  it('uses the process’s own table where no tenant role is configured (the local stack)', async () => {
    const { deps } = installDeps();
    const local = assumedRoleTables(deps);
    expect(await local.forTenant(TENANT)).toBe(deps.table);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });
});
