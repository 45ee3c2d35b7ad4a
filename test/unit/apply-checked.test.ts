import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_QUEUED } from '../../events/import-events.ts';
import type { MemberActor } from '../../shared/auth/area-access.ts';
import type { ImportStatus } from '../../shared/data/imports-repo.ts';
import { keys } from '../../shared/data/keys.ts';
import { Conflict, NotFound } from '../../shared/errors.ts';
import { applyChecked, whyNotApplicable } from '../../shared/imports/upload.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const table = { db: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-2' })), name: 'T' };
const NOW = new Date('2026-12-02T09:00:00Z');

const actor = (memberId: string): MemberActor => ({
  memberId,
  name: 'Nia North',
  role: 'manager',
  requestId: 'r1',
  sourceIp: '127.0.0.1',
  principal: {
    kind: 'member',
    role: 'manager',
    userId: memberId,
    tenantId: 't1',
    memberId,
    email: 'north@example.test',
    name: 'Nia North',
    areaIds: ['a1'],
  },
});

const stored = (status: ImportStatus, errorCount = 0) => ({
  ...keys.importRecord('t1', 'imp00001'),
  type: 'import',
  id: 'imp00001',
  status,
  total: 1,
  processed: 0,
  created: 0,
  matched: 0,
  new: 1,
  matches: [],
  errors: [],
  errorCount,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  createdBy: { memberId: 'u1', name: 'Nia North', role: 'manager' },
  checkedUntil: new Date(NOW.getTime() + 14 * 86_400_000).toISOString(),
});

/** A bus that keeps what it was given, or refuses everything. */
const bus = (refuse = false) => {
  const published: { detailType: string; detail: unknown }[] = [];
  return {
    published,
    publish: async (events: readonly { source: string; detailType: string; detail: unknown }[]) => {
      if (refuse) throw new Error('the bus is down');
      published.push(...events);
    },
  };
};

beforeEach(() => ddb.reset());

describe('applyChecked', () => {
  it('queues a checked import without errors for the worker, exactly as a clean upload is queued', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: stored('checked') });
    ddb.on(UpdateCommand).resolves({});
    const publisher = bus();
    // Act
    const record = await applyChecked({ table, clock: () => NOW, publisher }, actor('u1'), 'imp00001');
    // Assess
    expect(record.status).toBe('queued');
    const update = ddb.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(update?.ConditionExpression).toBe('#status = :checked AND #errorCount = :none AND #until > :now');
    // Applied, it no longer expires with its check.
    expect(update?.UpdateExpression).toMatch(/REMOVE/);
    expect(publisher.published).toEqual([
      expect.objectContaining({
        detailType: IMPORT_QUEUED,
        detail: { tenantId: 't1', importId: 'imp00001' },
      }),
    ]);
  });

  it('puts the import back to checked when the bus refuses it, so it can be applied again', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: stored('checked') });
    ddb.on(UpdateCommand).resolves({});
    // Act
    const applying = applyChecked({ table, clock: () => NOW, publisher: bus(true) }, actor('u1'), 'imp00001');
    // Assess
    await expect(applying).rejects.toThrow('the bus is down');
    const [queued, back] = ddb.commandCalls(UpdateCommand).map((call) => call.args[0].input);
    expect(Object.values(queued?.ExpressionAttributeValues ?? {})).toContain('queued');
    expect(back?.ConditionExpression).toBe('#status = :queued');
    expect(Object.values(back?.ExpressionAttributeValues ?? {})).toContain('checked');
  });

  it('answers NotFound to a member who did not upload it, and changes nothing', async () => {
    // Prepare
    ddb.on(GetCommand).resolves({ Item: stored('checked') });
    // Act
    const applying = applyChecked({ table, clock: () => NOW, publisher: bus() }, actor('u2'), 'imp00001');
    // Assess
    await expect(applying).rejects.toBeInstanceOf(NotFound);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});

describe('whyNotApplicable', () => {
  it('refuses a checked import past its checkedUntil', () => {
    const record = { status: 'checked' as const, errorCount: 0, checkedUntil: NOW.toISOString() };
    expect(whyNotApplicable(record, new Date(NOW.getTime() - 1))).toBeUndefined();
    expect(whyNotApplicable(record, NOW)?.code).toBe('import_not_checked');
  });

  it.each([
    ['checked', 0, undefined],
    ['checked', 2, 'import_has_errors'],
    ['failed', 3, 'import_has_errors'],
    ['failed', 0, 'import_not_checked'],
    ['queued', 0, 'import_not_checked'],
    ['running', 0, 'import_not_checked'],
    ['completed', 1, 'import_not_checked'],
  ] as const)('%s with %i errors → %s', (status, errorCount, code) => {
    // Act
    const refusal = whyNotApplicable({ status, errorCount }, NOW);
    // Assess
    expect(refusal?.code).toBe(code);
    if (refusal) expect(refusal).toBeInstanceOf(Conflict);
    if (refusal) expect(refusal.status).toBe(409);
  });
});
