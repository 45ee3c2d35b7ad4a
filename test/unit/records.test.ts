import { describe, expect, it } from 'vitest';
import { updateExpression } from '../../shared/data/expressions.ts';
import { keys } from '../../shared/data/keys.ts';
import { newItem, toRecord, versionedUpdate } from '../../shared/data/records.ts';

const now = new Date('2026-03-04T05:06:07.000Z');
const key = keys.area('t1', 'area-1');

describe('versionedUpdate', () => {
  it('sets given fields, bumps the version and stamps updatedAt under a version condition', () => {
    const update = versionedUpdate(key, 3, { name: 'Leeds', alertEmails: ['a@example.test'] }, now);
    expect(update.Key).toEqual(key);
    expect(update.UpdateExpression).toBe(
      'SET #name = :v0, #alertEmails = :v1, #updatedAt = :v2 ADD #version :v3',
    );
    expect(update.ConditionExpression).toBe('attribute_exists(PK) AND #version = :expected');
    expect(update.ExpressionAttributeNames).toEqual({
      '#version': 'version',
      '#updatedAt': 'updatedAt',
      '#name': 'name',
      '#alertEmails': 'alertEmails',
    });
    expect(update.ExpressionAttributeValues).toEqual({
      ':expected': 3,
      ':v0': 'Leeds',
      ':v1': ['a@example.test'],
      ':v2': '2026-03-04T05:06:07.000Z',
      ':v3': 1,
    });
  });

  it('leaves undefined fields alone', () => {
    const update = versionedUpdate(key, 1, { name: undefined, role: 'manager' }, now);
    const values = update.ExpressionAttributeValues ?? {};
    expect(Object.values(update.ExpressionAttributeNames)).not.toContain('name');
    expect(Object.values(values)).toContain('manager');
    expect(update.UpdateExpression).not.toContain('REMOVE');
    // Every placeholder used is defined, and every one defined is used (DynamoDB refuses unused ones).
    for (const token of update.UpdateExpression.match(/[#:]\w+/g) ?? []) {
      expect({ ...update.ExpressionAttributeNames, ...values }).toHaveProperty(token);
    }
    const used = `${update.UpdateExpression} ${update.ConditionExpression}`;
    for (const token of [...Object.keys(update.ExpressionAttributeNames), ...Object.keys(values)]) {
      expect(used).toMatch(new RegExp(`${token}\\b`));
    }
  });

  it('removes null fields', () => {
    const update = versionedUpdate(key, 2, { name: 'X', expectedReleaseOn: null }, now);
    expect(update.UpdateExpression).toBe(
      'SET #name = :v0, #updatedAt = :v1 ADD #version :v2 REMOVE #expectedReleaseOn',
    );
    expect(update.ExpressionAttributeNames['#expectedReleaseOn']).toBe('expectedReleaseOn');
    expect(Object.values(update.ExpressionAttributeValues ?? {})).not.toContain(null);
  });

  it('with no changes still bumps the version under the condition', () => {
    const update = versionedUpdate(key, 7, {}, now);
    expect(update.UpdateExpression).toBe('SET #updatedAt = :v0 ADD #version :v1');
    expect(update.ExpressionAttributeValues?.[':expected']).toBe(7);
  });
});

describe('updateExpression', () => {
  it('appends to lists, adds to counters and removes attributes, each through placeholders', () => {
    const parts = updateExpression({
      set: { status: 'running', failure: undefined },
      append: { referralIds: ['r1'] },
      add: { processed: 5, created: undefined },
      remove: ['lockedUntil'],
    });
    expect(parts.UpdateExpression).toBe(
      'SET #status = :v0, #referralIds = list_append(if_not_exists(#referralIds, :v1), :v2) ADD #processed :v3 REMOVE #lockedUntil',
    );
    expect(parts.ExpressionAttributeValues).toEqual({ ':v0': 'running', ':v1': [], ':v2': ['r1'], ':v3': 5 });
    expect(parts.ConditionExpression).toBeUndefined();
  });

  it('leaves out an empty value map (DynamoDB refuses one) and refuses an update that changes nothing', () => {
    expect(updateExpression({ remove: ['duePK', 'dueSK'] })).toEqual({
      UpdateExpression: 'REMOVE #duePK, #dueSK',
      ExpressionAttributeNames: { '#duePK': 'duePK', '#dueSK': 'dueSK' },
    });
    expect(() => updateExpression({ set: { name: undefined } })).toThrow();
  });

  it('refuses an attribute name that could break out of its placeholder', () => {
    expect(() => updateExpression({ set: { 'a b': 1 } })).toThrow();
  });
});

describe('toRecord', () => {
  it('strips every storage attribute and keeps the record fields', () => {
    const item = {
      PK: 'T#t1',
      SK: 'AREA#a',
      GSI1PK: 'g1',
      GSI1SK: 'g1s',
      GSI2PK: 'g2',
      GSI2SK: 'g2s',
      duePK: 'd',
      dueSK: 'ds',
      type: 'area',
      tenantId: 't1',
      id: 'a',
      name: 'Leeds',
      version: 2,
    };
    expect(toRecord(item)).toEqual({ id: 'a', name: 'Leeds', version: 2 });
    expect(item.PK).toBe('T#t1');
  });
});

describe('newItem', () => {
  it('adds keys, type, version 1 and timestamps', () => {
    expect(newItem(key, 'area', { id: 'area-1', name: 'Leeds' }, now)).toEqual({
      ...key,
      type: 'area',
      id: 'area-1',
      name: 'Leeds',
      version: 1,
      createdAt: '2026-03-04T05:06:07.000Z',
      updatedAt: '2026-03-04T05:06:07.000Z',
    });
  });
});
