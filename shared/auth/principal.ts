import type { JWTPayload } from 'jose';
import { findMember } from '../data/members-repo.ts';
import type { Table } from '../data/table.ts';
import type { MemberRole, Role } from '../domain/values.ts';
import { Forbidden } from '../errors.ts';

/** Who is calling: the service's operator, or a member of one partnership. */
export type Principal =
  | { kind: 'operator'; role: 'operator'; userId: string; email?: string }
  | {
      kind: 'member';
      role: MemberRole;
      userId: string;
      tenantId: string;
      memberId: string;
      email: string;
      name: string;
      areaIds: string[];
    };

export interface ClaimNames {
  tenantClaim: string;
  groupsClaim: string;
  operatorGroup: string;
}

/**
 * The partnership verified claims act for, or undefined for the operator (who acts for none);
 * read before anything else so that every table read of the request is made for that tenant.
 */
export function tenantOfClaims(claims: JWTPayload, names: ClaimNames): string | undefined {
  const groups = claims[names.groupsClaim];
  if (Array.isArray(groups) && groups.includes(names.operatorGroup)) return undefined;
  const tenantId = claims[names.tenantClaim];
  if (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.includes('#')) {
    throw new Forbidden('Your account is not a member of any partnership.');
  }
  return tenantId;
}

/**
 * Resolves verified claims to a principal. The tenant comes only from the token; role and areas
 * come from the membership record, read on every request so a removal takes effect at once.
 */
export async function resolvePrincipal(
  table: Table,
  claims: JWTPayload,
  names: ClaimNames,
): Promise<Principal> {
  const userId = String(claims.sub);
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const tenantId = tenantOfClaims(claims, names);
  if (tenantId === undefined) return { kind: 'operator', role: 'operator', userId, email };
  const member = await findMember(table, tenantId, userId);
  if (!member) throw new Forbidden('You are no longer a member of this partnership.');
  return {
    kind: 'member',
    role: member.role,
    userId,
    tenantId,
    memberId: member.id,
    email: member.email,
    name: member.name,
    areaIds: member.areaIds,
  };
}

/** Refuses a principal whose role the route does not allow. */
export function requireRole(principal: Principal, allowed: readonly Role[]): void {
  if (!allowed.includes(principal.role)) throw new Forbidden();
}

/** The member principal of a partnership route (the route table keeps operators out of these). */
export function memberOf(principal: Principal): Extract<Principal, { kind: 'member' }> {
  if (principal.kind !== 'member') throw new Forbidden();
  return principal;
}
