import { describe, expect, it } from 'vitest';
import { areasForRole, keepAChair } from '../../shared/domain/membership-rules.ts';
import { ApiError, Conflict, ValidationFailed } from '../../shared/errors.ts';

const known = new Set(['area-north', 'area-south', 'area-east']);

/** Runs `act` and answers the ApiError it throws (fails the test when it throws nothing). */
function thrown(act: () => unknown): ApiError {
  try {
    act();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('areasForRole', () => {
  it.each(['chair', 'analyst'] as const)('gives a %s no areas, whatever was sent', (role) => {
    expect(areasForRole(role, ['area-north', 'not-an-area'], known)).toEqual([]);
    expect(areasForRole(role, [], known)).toEqual([]);
  });

  it.each(['manager', 'caseworker'] as const)('keeps the known areas of a %s', (role) => {
    expect(areasForRole(role, ['area-south', 'area-north'], known)).toEqual(['area-south', 'area-north']);
  });

  it.each(['manager', 'caseworker'] as const)('refuses a %s with no area, naming areaIds', (role) => {
    const error = thrown(() => areasForRole(role, [], known));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(['areaIds']);
    expect(error.fields?.areaIds).toContain(role);
  });

  it('names each unknown area by its index and echoes the id', () => {
    const error = thrown(() => areasForRole('caseworker', ['area-north', 'elsewhere', 'nowhere'], known));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.fields).toEqual({
      'areaIds.1': 'is not an area of this partnership, got "elsewhere"',
      'areaIds.2': 'is not an area of this partnership, got "nowhere"',
    });
  });

  it('removes duplicate areas, keeping the first order', () => {
    expect(areasForRole('manager', ['area-east', 'area-north', 'area-east', 'area-north'], known)).toEqual([
      'area-east',
      'area-north',
    ]);
  });

  it('refuses a list made only of unknown duplicates once', () => {
    const error = thrown(() => areasForRole('manager', ['gone', 'gone'], known));
    expect(Object.keys(error.fields ?? {})).toEqual(['areaIds.0']);
  });

  // Regression test for a fixed bug (shared/domain/membership-rules.ts:18-19): the index in `areaIds.N` is the index in the
  // de-duplicated list, not in the list the client sent. With ['area-north', 'area-north', 'x']
  // the bad id is areaIds.2 of the request body, but the error names areaIds.1 (a valid area).
  it('names an unknown area by its index in the request even after a duplicate', () => {
    const error = thrown(() => areasForRole('manager', ['area-north', 'area-north', 'elsewhere'], known));
    expect(error.fields).toEqual({ 'areaIds.2': 'is not an area of this partnership, got "elsewhere"' });
  });
});

describe('keepAChair', () => {
  it('refuses to change the role of the only chair', () => {
    const error = thrown(() => keepAChair(['chair-1'], 'chair-1', 'manager'));
    expect(error).toBeInstanceOf(Conflict);
    expect(error.status).toBe(409);
    expect(error.code).toBe('last_chair');
  });

  it('refuses to remove the only chair', () => {
    expect(thrown(() => keepAChair(['chair-1'], 'chair-1', 'removed')).code).toBe('last_chair');
  });

  it('lets the only chair stay chair', () => {
    expect(() => keepAChair(['chair-1'], 'chair-1', 'chair')).not.toThrow();
  });

  it('lets one of two chairs step down or leave', () => {
    expect(() => keepAChair(['chair-1', 'chair-2'], 'chair-1', 'analyst')).not.toThrow();
    expect(() => keepAChair(['chair-1', 'chair-2'], 'chair-2', 'removed')).not.toThrow();
  });

  it('ignores members who are not chairs', () => {
    expect(() => keepAChair(['chair-1'], 'worker-1', 'removed')).not.toThrow();
    expect(() => keepAChair(['chair-1'], 'worker-1', 'manager')).not.toThrow();
  });
});
