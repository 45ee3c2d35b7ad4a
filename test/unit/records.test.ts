import { describe, expect, it } from 'vitest';
import { keys } from '../../shared/data/keys.ts';
import { newItem, toRecord, versionedUpdate } from '../../shared/data/records.ts';

const now = new Date('2026-03-04T05:06:07.000Z');
const key = keys.area('t1', 'area-1');

describe('versionedUpdate', () => {
  it('sets given fields, bumps the version and stamps updatedAt under a version condition', () => {
    const update = versionedUpdate(key, 3, { name: 'Leeds', alertEmails: ['a@example.test'] }, now);
    expect(update.Key).toEqual(key);
    expect(update.UpdateExpression).toBe(
      'SET #version = #version + :one, #updatedAt = :now, #f0 = :v0, #f1 = :v1',
    );
    expect(update.ConditionExpression).toBe('attribute_exists(PK) AND #version = :expected');
    expect(update.ExpressionAttributeNames).toEqual({
      '#version': 'version',
      '#updatedAt': 'updatedAt',
      '#f0': 'name',
      '#f1': 'alertEmails',
    });
    expect(update.ExpressionAttributeValues).toEqual({
      ':expected': 3,
      ':one': 1,
      ':now': '2026-03-04T05:06:07.000Z',
      ':v0': 'Leeds',
      ':v1': ['a@example.test'],
    });
  });

  it('leaves undefined fields alone', () => {
    const update = versionedUpdate(key, 1, { name: undefined, role: 'manager' }, now);
    expect(Object.values(update.ExpressionAttributeNames)).not.toContain('name');
    expect(Object.values(update.ExpressionAttributeValues)).toContain('manager');
    expect(update.UpdateExpression).not.toContain('REMOVE');
    // Every placeholder used is defined, and every one defined is used (DynamoDB refuses unused ones).
    for (const token of update.UpdateExpression.match(/[#:]\w+/g) ?? []) {
      expect({ ...update.ExpressionAttributeNames, ...update.ExpressionAttributeValues }).toHaveProperty(
        token,
      );
    }
    const used = `${update.UpdateExpression} ${update.ConditionExpression}`;
    for (const token of [
      ...Object.keys(update.ExpressionAttributeNames),
      ...Object.keys(update.ExpressionAttributeValues),
    ]) {
      expect(used).toMatch(new RegExp(`${token}\\b`));
    }
  });

  it('removes null fields', () => {
    const update = versionedUpdate(key, 2, { name: 'X', expectedReleaseOn: null }, now);
    expect(update.UpdateExpression).toBe(
      'SET #version = #version + :one, #updatedAt = :now, #f0 = :v0 REMOVE #f1',
    );
    expect(update.ExpressionAttributeNames['#f1']).toBe('expectedReleaseOn');
    expect(update.ExpressionAttributeValues).not.toHaveProperty(':v1');
  });

  it('with no changes still bumps the version under the condition', () => {
    const update = versionedUpdate(key, 7, {}, now);
    expect(update.UpdateExpression).toBe('SET #version = #version + :one, #updatedAt = :now');
    expect(update.ExpressionAttributeValues[':expected']).toBe(7);
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
