import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMember,
  deleteMember,
  listMembers,
  updateMember,
} from '../../functions/api/handlers/members.ts';
import { setDeps } from '../../shared/adapters/deps.ts';
import { logger } from '../../shared/adapters/logger.ts';
import {
  apiEvent,
  CALLER,
  callerIs,
  connectionRefused,
  ddb,
  type Harness,
  installDeps,
  invoke,
  memberItem,
  NOW,
} from './support/handler-harness.ts';

const AREA = 'area-0001';
const NEW_USER = 'new-user-0001';
const meta = { $metadata: { httpStatusCode: 400 } };
const emailLockKey = { PK: 'T#t1', SK: 'MEMBEREMAIL#new.person@example.test' };

let harness: Harness;

const inviteBody = {
  email: 'New.Person@Example.test',
  name: 'New Person',
  role: 'caseworker',
  areaIds: [AREA],
};

const createEvent = (body: unknown = inviteBody) => apiEvent({ method: 'POST', path: '/members', body });

const memberEvent = (
  method: string,
  memberId: string,
  extra: { body?: unknown; headers?: Record<string, string> } = {},
) =>
  apiEvent({
    method,
    path: `/members/${memberId}`,
    route: '/members/{memberId}',
    pathParameters: { memberId },
    ...extra,
  });

/** The table as createMember finds it: one area, no member with the email, the partnership. */
function givenInvitable(): void {
  ddb.on(QueryCommand).resolves({ Items: [{ id: AREA }] });
  ddb.on(GetCommand, { Key: emailLockKey }).resolves({});
  ddb.on(GetCommand, { Key: { PK: 'T#t1', SK: 'PARTNERSHIP' } }).resolves({
    Item: { PK: 'T#t1', SK: 'PARTNERSHIP', id: 't1', name: 'West Yorkshire CDP', version: 1 },
  });
}

/** The target member, and the chairs query answering `chairs`. */
function givenMember(id: string, role: 'chair' | 'caseworker', chairs: string[]): void {
  ddb
    .on(GetCommand, { Key: { PK: 'T#t1', SK: `MEMBER#${id}` } })
    .resolves({ Item: memberItem(id, role, role === 'chair' ? [] : [AREA]) });
  ddb.on(QueryCommand).resolves({ Items: chairs.map((chair) => ({ id: chair })) });
}

beforeEach(() => {
  harness = installDeps();
  vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
  vi.spyOn(logger, 'info').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  setDeps(undefined);
});

describe('POST /members (createMember)', () => {
  it('invites the user, then writes the member and the email lock', async () => {
    callerIs('chair');
    givenInvitable();
    ddb.on(TransactWriteCommand).callsFake(() => {
      harness.journal.push('TransactWrite');
      return {};
    });

    const response = await invoke(createMember, createEvent());

    expect(response.statusCode).toBe(201);
    expect(harness.journal).toEqual(['inviteUser', 'TransactWrite']);
    expect(harness.identity.invited).toEqual([
      {
        email: 'new.person@example.test',
        name: 'New Person',
        tenantId: 't1',
        partnershipName: 'West Yorkshire CDP',
        role: 'caseworker',
      },
    ]);
    expect(response.json).toEqual({
      id: NEW_USER,
      email: 'new.person@example.test',
      name: 'New Person',
      role: 'caseworker',
      areaIds: [AREA],
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items[0]?.Put?.Item).toMatchObject({ PK: 'T#t1', SK: `MEMBER#${NEW_USER}`, role: 'caseworker' });
    expect(items[0]?.Put?.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(items[1]?.Put?.Item).toEqual({ ...emailLockKey, type: 'memberEmail', memberId: NEW_USER });
    expect(harness.identity.removed).toEqual([]);
  });

  it('gives a new analyst no areas whatever was sent', async () => {
    callerIs('chair');
    givenInvitable();
    ddb.on(TransactWriteCommand).resolves({});
    const response = await invoke(createMember, createEvent({ ...inviteBody, role: 'analyst' }));
    expect(response.statusCode).toBe(201);
    expect(response.json?.areaIds).toEqual([]);
  });

  it('removes the invited user when the write fails, and answers 409 duplicate', async () => {
    callerIs('chair');
    givenInvitable();
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        ...meta,
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    );
    const response = await invoke(createMember, createEvent());
    expect(response.statusCode).toBe(409);
    expect(response.json?.error?.code).toBe('duplicate');
    expect(harness.identity.removed).toEqual([NEW_USER]);
    expect(harness.journal).toEqual(['inviteUser', 'removeUser']);
  });

  it('removes the invited user and answers 503 when DynamoDB is unreachable', async () => {
    callerIs('chair');
    givenInvitable();
    ddb.on(TransactWriteCommand).rejects(connectionRefused());
    const response = await invoke(createMember, createEvent());
    expect(response.statusCode).toBe(503);
    expect(response.json?.error?.code).toBe('unavailable');
    expect(harness.identity.removed).toEqual([NEW_USER]);
  });

  it('answers 409 for an email that is already a member, without inviting', async () => {
    callerIs('chair');
    givenInvitable();
    ddb.on(GetCommand, { Key: emailLockKey }).resolves({ Item: { ...emailLockKey, memberId: 'someone' } });
    const response = await invoke(createMember, createEvent());
    expect(response.statusCode).toBe(409);
    expect(response.json?.error?.code).toBe('duplicate');
    expect(harness.identity.invited).toEqual([]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 400 for an area of another partnership, without inviting', async () => {
    callerIs('chair');
    givenInvitable();
    const response = await invoke(createMember, createEvent({ ...inviteBody, areaIds: ['area-of-t2'] }));
    expect(response.statusCode).toBe(400);
    expect(response.json?.error?.fields).toEqual({
      'areaIds.0': 'is not an area of this partnership, got "area-of-t2"',
    });
    expect(harness.identity.invited).toEqual([]);
  });

  it('answers 403 to a manager, without inviting', async () => {
    callerIs('manager', [AREA]);
    givenInvitable();
    const response = await invoke(createMember, createEvent());
    expect(response.statusCode).toBe(403);
    expect(harness.identity.invited).toEqual([]);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});

describe('DELETE /members/{memberId} (deleteMember)', () => {
  it('answers 409 last_chair for the only chair and changes nothing', async () => {
    callerIs('chair');
    givenMember('chair-0001', 'chair', ['chair-0001']);
    const response = await invoke(deleteMember, memberEvent('DELETE', 'chair-0001'));
    expect(response.statusCode).toBe(409);
    expect(response.json?.error?.code).toBe('last_chair');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(harness.identity.removed).toEqual([]);
  });

  it('removes one of two chairs', async () => {
    callerIs('chair');
    givenMember('chair-0002', 'chair', [CALLER, 'chair-0002']);
    ddb.on(TransactWriteCommand).resolves({});
    const response = await invoke(deleteMember, memberEvent('DELETE', 'chair-0002'));
    expect(response.statusCode).toBe(204);
    expect(harness.identity.removed).toEqual(['chair-0002']);
  });

  it('removes the membership and its email lock, then the identity user, and answers 204', async () => {
    callerIs('chair');
    givenMember('worker-0001', 'caseworker', [CALLER]);
    ddb.on(TransactWriteCommand).callsFake(() => {
      harness.journal.push('TransactWrite');
      return {};
    });
    const response = await invoke(deleteMember, memberEvent('DELETE', 'worker-0001'));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBeUndefined();
    expect(harness.journal).toEqual(['TransactWrite', 'removeUser']);
    const items = ddb.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(items.map((item) => item.Delete?.Key)).toEqual([
      { PK: 'T#t1', SK: 'MEMBER#worker-0001' },
      { PK: 'T#t1', SK: 'MEMBEREMAIL#worker-0001@example.test' },
    ]);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('answers 404 for a member of no record in this tenant', async () => {
    callerIs('chair');
    ddb.on(GetCommand, { Key: { PK: 'T#t1', SK: 'MEMBER#someone-else' } }).resolves({});
    const response = await invoke(deleteMember, memberEvent('DELETE', 'someone-else'));
    expect(response.statusCode).toBe(404);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 503 when DynamoDB refuses the connection', async () => {
    callerIs('chair');
    givenMember('worker-0001', 'caseworker', [CALLER]);
    ddb.on(TransactWriteCommand).rejects(connectionRefused());
    const response = await invoke(deleteMember, memberEvent('DELETE', 'worker-0001'));
    expect(response.statusCode).toBe(503);
    expect(harness.identity.removed).toEqual([]);
  });
});

describe('PATCH /members/{memberId} (updateMember)', () => {
  it('refuses to demote the last chair', async () => {
    callerIs('chair');
    givenMember('chair-0001', 'chair', ['chair-0001']);
    const response = await invoke(
      updateMember,
      memberEvent('PATCH', 'chair-0001', {
        body: { role: 'manager', areaIds: [AREA] },
        headers: { 'if-match': '"1"' },
      }),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json?.error?.code).toBe('last_chair');
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('changes a role with areas at the If-Match version', async () => {
    callerIs('chair');
    givenMember('worker-0001', 'caseworker', [CALLER]);
    ddb.on(QueryCommand).resolves({ Items: [{ id: AREA }, { id: 'area-0002' }] });
    ddb
      .on(UpdateCommand)
      .resolves({ Attributes: { ...memberItem('worker-0001', 'manager', ['area-0002']), version: 2 } });
    const response = await invoke(
      updateMember,
      memberEvent('PATCH', 'worker-0001', {
        body: { role: 'manager', areaIds: ['area-0002'] },
        headers: { 'if-match': '1' },
      }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ etag: '"2"' });
    const input = ddb.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(input?.ExpressionAttributeValues).toMatchObject({ ':expected': 1 });
    expect(Object.values(input?.ExpressionAttributeValues ?? {})).toContainEqual(['area-0002']);
  });
});

describe('GET /members (listMembers)', () => {
  it('answers 403 to a caseworker', async () => {
    callerIs('caseworker', [AREA]);
    const response = await invoke(listMembers, apiEvent({ method: 'GET', path: '/members' }));
    expect(response.statusCode).toBe(403);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('lists the members of the tenant for a manager', async () => {
    callerIs('manager', [AREA]);
    ddb.on(QueryCommand).resolves({ Items: [memberItem('worker-0001', 'caseworker', [AREA])] });
    const response = await invoke(listMembers, apiEvent({ method: 'GET', path: '/members' }));
    expect(response.statusCode).toBe(200);
    expect(response.json).toEqual({
      items: [expect.objectContaining({ id: 'worker-0001', role: 'caseworker' })],
    });
    expect(ddb.commandCalls(QueryCommand)[0]?.args[0].input.ExpressionAttributeValues).toEqual({
      ':pk': 'T#t1',
      ':prefix': 'MEMBER#',
    });
  });
});
