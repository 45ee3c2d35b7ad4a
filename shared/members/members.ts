import { logger } from '../adapters/logger.ts';
import type { Clock, IdentityAdmin } from '../adapters/ports.ts';
import { areaIdsOf } from '../data/areas-repo.ts';
import * as members from '../data/members-repo.ts';
import { getPartnership } from '../data/partnerships-repo.ts';
import type { Table } from '../data/table.ts';
import { areasForRole, keepAChair } from '../domain/membership-rules.ts';
import type { CreateMemberBody, Member, UpdateMemberBody } from '../schemas/member.ts';
import type * as z from '../schemas/zod.ts';

export interface MemberDeps {
  table: Table;
  clock: Clock;
  identity: IdentityAdmin;
}

/**
 * The chair invites a member. The email is checked first so that no identity user is created for
 * a duplicate; if the table write still fails, the new user is removed.
 */
export async function inviteMember(
  deps: MemberDeps,
  tenantId: string,
  body: z.output<typeof CreateMemberBody>,
): Promise<Member> {
  const areaIds = areasForRole(body.role, body.areaIds, await areaIdsOf(deps.table, tenantId));
  if (await members.emailTaken(deps.table, tenantId, body.email)) throw members.duplicateMember(body.email);
  const partnership = await getPartnership(deps.table, tenantId);
  const { userId } = await deps.identity.inviteUser({
    email: body.email,
    name: body.name,
    tenantId,
    partnershipName: partnership.name,
    role: body.role,
  });
  try {
    const member = await members.createMember(
      deps.table,
      tenantId,
      { id: userId, email: body.email, name: body.name, role: body.role, areaIds },
      deps.clock(),
    );
    logger.info('member invited', { memberId: member.id, role: member.role });
    return member;
  } catch (error) {
    await deps.identity.removeUser(userId).catch(() => undefined);
    throw error;
  }
}

/** The chair changes a member's role, areas or name at the version they read; a chair stays. */
export async function changeMember(
  deps: Omit<MemberDeps, 'identity'>,
  tenantId: string,
  memberId: string,
  ifMatch: number,
  body: z.output<typeof UpdateMemberBody>,
): Promise<Member> {
  const current = await members.getMember(deps.table, tenantId, memberId);
  const role = body.role ?? current.role;
  if (role !== current.role) keepAChair(await members.chairIds(deps.table, tenantId), current.id, role);
  const areaIds =
    body.role !== undefined || body.areaIds !== undefined
      ? areasForRole(role, body.areaIds ?? current.areaIds, await areaIdsOf(deps.table, tenantId))
      : undefined;
  return members.updateMember(
    deps.table,
    tenantId,
    current.id,
    ifMatch,
    { name: body.name, role: body.role, areaIds },
    deps.clock(),
  );
}

/**
 * Removes a member: the membership first, which ends access at once (every request reads it),
 * then the identity user. The last chair stays.
 */
export async function removeMember(deps: MemberDeps, tenantId: string, memberId: string): Promise<void> {
  const member = await members.getMember(deps.table, tenantId, memberId);
  if (member.role === 'chair') keepAChair(await members.chairIds(deps.table, tenantId), member.id, 'removed');
  await members.deleteMember(deps.table, tenantId, member);
  await deps.identity.removeUser(member.id).catch((error: unknown) => {
    logger.warn('membership removed but the identity user was not', {
      memberId: member.id,
      error: String(error),
    });
  });
}
