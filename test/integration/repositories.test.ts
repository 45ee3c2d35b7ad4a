import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../infra/local/create-table.ts';
import { LocalUserStore } from '../../infra/local/local-users.ts';
import { createArea, getArea, listAreas, updateArea } from '../../shared/data/areas-repo.ts';
import { keys } from '../../shared/data/keys.ts';
import {
  chairIds,
  createMember,
  deleteMember,
  findMember,
  listMembers,
} from '../../shared/data/members-repo.ts';
import { createDocumentClient, type Table } from '../../shared/data/table.ts';
import { claimSlot, completeSlot, idempotencySlot, releaseSlot } from '../../shared/http/idempotency.ts';

const now = new Date('2026-11-25T09:00:00Z');

describe('repositories on DynamoDB Local', () => {
  let table: Table;

  beforeAll(async () => {
    const endpoint = inject('dynamoEndpoint');
    const name = `repo-${randomUUID()}`;
    const admin = new DynamoDBClient({
      endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
    expect(await ensureTable(admin, name)).toBe('created');
    expect(await ensureTable(admin, name)).toBe('existing');
    admin.destroy();
    table = { db: createDocumentClient({ region: 'eu-west-2', endpoint }), name };
  });
  afterAll(() => table.db.destroy());

  const read = async (key: { PK: string; SK: string }) =>
    (await table.db.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item;

  it('keeps areas of two tenants apart even with the same ONS code', async () => {
    const a = await createArea(
      table,
      'tenant-aaa',
      { name: 'Worcestershire', onsCode: 'E10000034', alertEmails: [] },
      now,
    );
    const b = await createArea(
      table,
      'tenant-bbb',
      { name: 'Worcestershire', onsCode: 'E10000034', alertEmails: [] },
      now,
    );
    await expect(getArea(table, 'tenant-bbb', a.id)).rejects.toMatchObject({ status: 404 });
    expect((await listAreas(table, 'tenant-aaa', { limit: 50 })).items.map((area) => area.id)).toEqual([
      a.id,
    ]);
    expect((await listAreas(table, 'tenant-bbb', { limit: 50 })).items.map((area) => area.id)).toEqual([
      b.id,
    ]);
  });

  it('moves the ONS code lock with the code, atomically with the area', async () => {
    const area = await createArea(
      table,
      'tenant-ccc',
      { name: 'Wyre Forest', onsCode: 'E07000239', alertEmails: [] },
      now,
    );
    const moved = await updateArea(table, 'tenant-ccc', area.id, 1, { onsCode: 'E07000237' }, now);
    expect(moved).toMatchObject({ onsCode: 'E07000237', version: 2 });
    expect(await read(keys.areaOnsCodeLock('tenant-ccc', 'E07000239'))).toBeUndefined();
    expect((await read(keys.areaOnsCodeLock('tenant-ccc', 'E07000237')))?.areaId).toBe(area.id);
    // A stale version changes neither the area nor the locks.
    await expect(
      updateArea(table, 'tenant-ccc', area.id, 1, { onsCode: 'E07000238' }, now),
    ).rejects.toMatchObject({
      code: 'version_conflict',
    });
    expect(await read(keys.areaOnsCodeLock('tenant-ccc', 'E07000238'))).toBeUndefined();
    expect((await getArea(table, 'tenant-ccc', area.id)).onsCode).toBe('E07000237');
    await expect(
      updateArea(table, 'tenant-ccc', 'nosucharea01', 1, { name: 'x' }, now),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('adds and removes members with their email lock, and counts chairs', async () => {
    const fields = {
      id: 'user-0001',
      email: 'c@example.test',
      name: 'C',
      role: 'chair' as const,
      areaIds: [],
    };
    const member = await createMember(table, 'tenant-ddd', fields, now);
    await expect(
      createMember(table, 'tenant-ddd', { ...fields, id: 'user-0002' }, now),
    ).rejects.toMatchObject({
      code: 'duplicate',
    });
    expect(await chairIds(table, 'tenant-ddd')).toEqual(['user-0001']);
    expect((await listMembers(table, 'tenant-ddd', { limit: 10 })).items).toHaveLength(1);
    await deleteMember(table, 'tenant-ddd', member);
    expect(await findMember(table, 'tenant-ddd', 'user-0001')).toBeUndefined();
    expect(await read(keys.memberEmailLock('tenant-ddd', 'c@example.test'))).toBeUndefined();
    await expect(deleteMember(table, 'tenant-ddd', member)).rejects.toMatchObject({ status: 404 });
  });

  it('keeps local users findable by email and subject, and unique by email', async () => {
    const users = new LocalUserStore(table);
    const user = await users.add({
      email: 'Person@Example.test',
      name: 'P',
      groups: [],
      tenantId: 'tenant-eee',
    });
    expect((await users.byEmail('person@example.test'))?.sub).toBe(user.sub);
    expect((await users.bySub(user.sub))?.tenantId).toBe('tenant-eee');
    await expect(users.add({ email: 'person@example.test', name: 'Q', groups: [] })).rejects.toMatchObject({
      code: 'duplicate',
    });
    await users.remove(user.sub);
    expect(await users.byEmail('person@example.test')).toBeUndefined();
  });

  it('claims an idempotency slot once, replays the stored response, and frees a failed attempt', async () => {
    const request = (body: string, path = '/areas', query: Record<string, string> = {}) => ({
      method: 'POST',
      path,
      query,
      body,
    });
    const slot = idempotencySlot('key-1', 'T#tenant-fff', 'createArea', 'user-1', request('{"a":1}'));
    if (!slot) throw new Error('expected a slot');
    expect(await claimSlot(table, slot, now)).toBeUndefined();
    await expect(claimSlot(table, slot, now)).rejects.toMatchObject({ code: 'idempotency_in_progress' });
    await completeSlot(table, slot, { statusCode: 201, body: '{"id":"x"}' });
    expect(await claimSlot(table, slot, now)).toEqual({ statusCode: 201, body: '{"id":"x"}' });
    // The same key with another body, another path or another query is another request.
    for (const changed of [
      request('{"a":2}'),
      request('{"a":1}', '/areas/elsewhere'),
      request('{"a":1}', '/areas', { confirm: 'false' }),
    ]) {
      const other = idempotencySlot('key-1', 'T#tenant-fff', 'createArea', 'user-1', changed);
      await expect(claimSlot(table, other as NonNullable<typeof other>, now)).rejects.toMatchObject({
        code: 'idempotency_key_reused',
      });
    }
    const failed = idempotencySlot(
      'key-2',
      'T#tenant-fff',
      'createArea',
      'user-1',
      request('{}'),
    ) as NonNullable<typeof slot>;
    await claimSlot(table, failed, now);
    await releaseSlot(table, failed);
    expect(await claimSlot(table, failed, now)).toBeUndefined();
    // A first attempt that died holds its key only for a short while.
    const later = new Date(now.getTime() + 60_000);
    expect(await claimSlot(table, failed, later)).toBeUndefined();
  });
});
