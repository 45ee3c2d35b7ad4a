import type { Actor } from '../domain/actor.ts';
import { NotFound, ValidationFailed } from '../errors.ts';
import type { ApiRequest } from '../http/api-types.ts';
import { memberOf, type Principal } from './principal.ts';

export type MemberPrincipal = Extract<Principal, { kind: 'member' }>;

/** A member acting on their partnership's records: who timeline events and audit records name. */
export type MemberActor = Actor & { principal: MemberPrincipal };

/**
 * Person-level records are seen only by staff of their area. A record of another area answers
 * 404, exactly like another tenant's, so its existence is not revealed.
 */
export function requireAreaOf(principal: MemberPrincipal, areaId: string, what: string): void {
  if (!principal.areaIds.includes(areaId)) throw new NotFound(what);
}

/** Refuses to file a record in an area the caller does not cover. */
export function requireOwnArea(principal: MemberPrincipal, areaId: string, field = 'areaId'): void {
  if (!principal.areaIds.includes(areaId)) {
    throw new ValidationFailed('You can only record people and cases in your own areas.', {
      [field]: `is not one of your areas, got "${areaId}"`,
    });
  }
}

/** The areas a list covers: the one asked for (if the caller covers it), or all of the caller's. */
export function areasToList(principal: MemberPrincipal, areaId: string | undefined): string[] {
  if (areaId === undefined) return principal.areaIds;
  requireOwnArea(principal, areaId);
  return [areaId];
}

/** The member behind a request, as timeline events and audit records name them. */
export function actorOf(request: Pick<ApiRequest, 'principal' | 'requestId' | 'sourceIp'>): MemberActor {
  const principal = memberOf(request.principal);
  return {
    principal,
    memberId: principal.memberId,
    name: principal.name,
    role: principal.role,
    requestId: request.requestId,
    sourceIp: request.sourceIp,
  };
}
