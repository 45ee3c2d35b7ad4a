import { describe, expect, it } from 'vitest';
import {
  actorOf,
  areasToList,
  type MemberPrincipal,
  requireAreaOf,
  requireOwnArea,
} from '../../shared/auth/area-access.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { ApiError, Forbidden, NotFound, ValidationFailed } from '../../shared/errors.ts';

function member(changes: Partial<MemberPrincipal> = {}): MemberPrincipal {
  return {
    kind: 'member',
    role: 'caseworker',
    userId: 'user-0001',
    tenantId: 't1',
    memberId: 'member-0001',
    email: 'caseworker@example.org',
    name: 'Casey Worker',
    areaIds: ['area-north', 'area-south'],
    ...changes,
  };
}

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

describe('requireAreaOf', () => {
  it('lets a record of one of the caller’s areas through', () => {
    expect(() => requireAreaOf(member(), 'area-north', 'person')).not.toThrow();
    expect(() => requireAreaOf(member(), 'area-south', 'referral')).not.toThrow();
  });

  it('answers 404 not_found (not 403) for another area, as for another tenant’s record', () => {
    const error = thrown(() => requireAreaOf(member(), 'area-east', 'person'));
    expect(error).toBeInstanceOf(NotFound);
    expect(error).not.toBeInstanceOf(Forbidden);
    expect(error.status).toBe(404);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No person with that id in your partnership.');
    expect(error.message).not.toContain('area-east');
  });

  it('refuses everything to a member with no areas, and matches ids exactly', () => {
    expect(thrown(() => requireAreaOf(member({ areaIds: [] }), 'area-north', 'referral')).status).toBe(404);
    expect(thrown(() => requireAreaOf(member(), 'AREA-NORTH', 'referral')).status).toBe(404);
    expect(thrown(() => requireAreaOf(member(), 'area-nort', 'referral')).status).toBe(404);
    expect(thrown(() => requireAreaOf(member(), '', 'referral')).status).toBe(404);
  });
});

describe('requireOwnArea', () => {
  it('lets one of the caller’s areas through', () => {
    expect(() => requireOwnArea(member(), 'area-south')).not.toThrow();
  });

  it('refuses another area with 400, naming areaId and echoing the value', () => {
    const error = thrown(() => requireOwnArea(member(), 'area-east'));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual({ areaId: 'is not one of your areas, got "area-east"' });
  });

  it('names the field it is given', () => {
    expect(thrown(() => requireOwnArea(member(), 'area-east', 'person.areaId')).fields).toEqual({
      'person.areaId': 'is not one of your areas, got "area-east"',
    });
  });
});

describe('areasToList', () => {
  it('answers all of the caller’s areas when none is asked for', () => {
    expect(areasToList(member(), undefined)).toEqual(['area-north', 'area-south']);
    expect(areasToList(member({ areaIds: [] }), undefined)).toEqual([]);
  });

  it('answers just the area asked for when the caller covers it', () => {
    expect(areasToList(member(), 'area-south')).toEqual(['area-south']);
  });

  it('refuses an area the caller does not cover, naming areaId', () => {
    const error = thrown(() => areasToList(member(), 'area-east'));
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(Object.keys(error.fields ?? {})).toEqual(['areaId']);
  });
});

describe('actorOf', () => {
  it('names the member behind a request', () => {
    const principal = member({ role: 'manager' });
    expect(actorOf({ principal, requestId: 'req-1', sourceIp: '192.0.2.1' })).toEqual({
      principal,
      memberId: 'member-0001',
      name: 'Casey Worker',
      role: 'manager',
      requestId: 'req-1',
      sourceIp: '192.0.2.1',
    });
  });

  it('refuses an operator with 403', () => {
    const operator: Principal = { kind: 'operator', role: 'operator', userId: 'op-1' };
    expect(
      thrown(() => actorOf({ principal: operator, requestId: 'req-1', sourceIp: '192.0.2.1' })).status,
    ).toBe(403);
  });
});
