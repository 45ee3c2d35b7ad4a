import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type ClaimNames,
  memberOf,
  type Principal,
  requireRole,
  resolvePrincipal,
} from '../../shared/auth/principal.ts';
import type { Table } from '../../shared/data/table.ts';
import { ApiError, Forbidden } from '../../shared/errors.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const table: Table = {
  db: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })),
  name: 'T',
};
const names: ClaimNames = {
  tenantClaim: 'tenant_id',
  groupsClaim: 'cognito:groups',
  operatorGroup: 'operators',
};

const memberItem = {
  PK: 'T#tenant-1',
  SK: 'MEMBER#user-1',
  type: 'member',
  id: 'user-1',
  email: 'casey@example.test',
  name: 'Casey Worker',
  role: 'caseworker',
  areaIds: ['area-north'],
  version: 1,
};

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeEach(() => {
  ddb.reset();
});

describe('resolvePrincipal', () => {
  it('makes an operator from the group claim without reading the table', async () => {
    const principal = await resolvePrincipal(
      table,
      { sub: 'op-1', email: 'op@example.test', 'cognito:groups': ['staff', 'operators'] },
      names,
    );
    expect(principal).toEqual({
      kind: 'operator',
      role: 'operator',
      userId: 'op-1',
      email: 'op@example.test',
    });
    expect(ddb.calls()).toHaveLength(0);
  });

  it('takes a member role and areas from the record, not the token', async () => {
    ddb.on(GetCommand, { Key: { PK: 'T#tenant-1', SK: 'MEMBER#user-1' } }).resolves({ Item: memberItem });
    const principal = await resolvePrincipal(
      table,
      {
        sub: 'user-1',
        tenant_id: 'tenant-1',
        role: 'chair',
        areaIds: ['area-south'],
        email: 'other@example.test',
      },
      names,
    );
    expect(principal).toEqual({
      kind: 'member',
      role: 'caseworker',
      userId: 'user-1',
      tenantId: 'tenant-1',
      memberId: 'user-1',
      email: 'casey@example.test',
      name: 'Casey Worker',
      areaIds: ['area-north'],
    });
    const [call] = ddb.commandCalls(GetCommand);
    expect(call?.args[0].input).toEqual({
      TableName: 'T',
      Key: { PK: 'T#tenant-1', SK: 'MEMBER#user-1' },
      ConsistentRead: true,
    });
  });

  it('does not treat a group claim that is not a list as operator', async () => {
    ddb.on(GetCommand).resolves({});
    const error = await rejection(
      resolvePrincipal(table, { sub: 'user-1', 'cognito:groups': 'operators' }, names),
    );
    expect(error).toBeInstanceOf(Forbidden);
  });

  it('refuses a token whose user has no membership record', async () => {
    ddb.on(GetCommand).resolves({});
    const error = await rejection(resolvePrincipal(table, { sub: 'user-1', tenant_id: 'tenant-1' }, names));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.status).toBe(403);
  });

  it.each([
    ['no tenant claim', {}],
    ['an empty tenant claim', { tenant_id: '' }],
    ['a tenant claim that is not a string', { tenant_id: 42 }],
    ['a tenant claim with the key delimiter', { tenant_id: 'tenant-1#MEMBER' }],
  ])('refuses %s without reading the table', async (_what, claims) => {
    const error = await rejection(resolvePrincipal(table, { sub: 'user-1', ...claims }, names));
    expect(error).toBeInstanceOf(Forbidden);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('uses the configured claim names', async () => {
    ddb.on(GetCommand, { Key: { PK: 'T#tenant-9', SK: 'MEMBER#user-1' } }).resolves({ Item: memberItem });
    const custom = { tenantClaim: 'custom:tenant', groupsClaim: 'groups', operatorGroup: 'admins' };
    expect((await resolvePrincipal(table, { sub: 'user-1', 'custom:tenant': 'tenant-9' }, custom)).kind).toBe(
      'member',
    );
    expect((await resolvePrincipal(table, { sub: 'x', groups: ['admins'] }, custom)).kind).toBe('operator');
  });
});

describe('requireRole', () => {
  const chair: Principal = {
    kind: 'member',
    role: 'chair',
    userId: 'u',
    tenantId: 't',
    memberId: 'u',
    email: 'c@example.test',
    name: 'C',
    areaIds: [],
  };
  const operator: Principal = { kind: 'operator', role: 'operator', userId: 'op' };

  it('allows a listed role', () => {
    expect(() => requireRole(chair, ['chair', 'manager'])).not.toThrow();
    expect(() => requireRole(operator, ['operator'])).not.toThrow();
  });

  it('refuses a role not listed with 403', () => {
    expect(() => requireRole(chair, ['manager', 'caseworker'])).toThrow(Forbidden);
    expect(() => requireRole(operator, ['chair', 'manager', 'caseworker', 'analyst'])).toThrow(Forbidden);
    expect(() => requireRole(chair, [])).toThrow(Forbidden);
  });

  it('memberOf refuses an operator', () => {
    expect(memberOf(chair)).toBe(chair);
    expect(() => memberOf(operator)).toThrow(Forbidden);
  });
});
