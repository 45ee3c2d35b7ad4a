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

/** What is wrong with filing a record in `areaId`, if anything: it must be one the caller covers. */
export function ownAreaProblem(
  areaIds: readonly string[] | undefined,
  areaId: string | undefined,
): string | undefined {
  return areaIds && areaId !== undefined && !areaIds.includes(areaId)
    ? `is not one of your areas, got "${areaId}"`
    : undefined;
}

/** Refuses to file a record in an area the caller does not cover. */
export function requireOwnArea(principal: MemberPrincipal, areaId: string, field = 'areaId'): void {
  const problem = ownAreaProblem(principal.areaIds, areaId);
  if (problem) {
    throw new ValidationFailed('You can only record people and cases in your own areas.', {
      [field]: problem,
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
