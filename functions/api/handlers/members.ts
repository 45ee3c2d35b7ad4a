import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { logger } from '../../../shared/adapters/logger.ts';
import { memberOf } from '../../../shared/auth/principal.ts';
import { areaIdsOf } from '../../../shared/data/areas-repo.ts';
import { keys } from '../../../shared/data/keys.ts';
import * as members from '../../../shared/data/members-repo.ts';
import { getPartnership } from '../../../shared/data/partnerships-repo.ts';
import { areasForRole, keepAChair } from '../../../shared/domain/membership-rules.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { type ListQueryValues, listResponse, pageRequest } from '../../../shared/http/pagination.ts';
import type { CreateMemberBody, UpdateMemberBody } from '../../../shared/schemas/member.ts';
import { route } from '../routes.ts';

type MemberParams = { memberId: string };

/** `GET /members`: the partnership's members. */
export const listMembers = apiHandler<unknown, ListQueryValues>(
  route('listMembers'),
  async ({ principal, query }, deps) => {
    const { tenantId } = memberOf(principal);
    const scope = `${tenantId}|listMembers`;
    const page = await members.listMembers(deps.table, tenantId, await pageRequest(deps, query, scope));
    return { body: await listResponse(deps, page, scope) };
  },
);

/** `GET /members/{memberId}`: one member. */
export const getMember = apiHandler<MemberParams>(
  route('getMember'),
  async ({ principal, params }, deps) => ({
    body: await members.getMember(deps.table, memberOf(principal).tenantId, params.memberId),
  }),
);

/**
 * `POST /members`: the chair invites a member. The email is checked first so that no identity
 * user is created for a duplicate; if the table write still fails, the new user is removed.
 */
export const createMember = apiHandler<unknown, unknown, z.output<typeof CreateMemberBody>>(
  route('createMember'),
  async ({ principal, body }, deps) => {
    const { tenantId } = memberOf(principal);
    const areaIds = areasForRole(body.role, body.areaIds, await areaIdsOf(deps.table, tenantId));
    const taken = await deps.table.db.send(
      new GetCommand({
        TableName: deps.table.name,
        Key: keys.memberEmailLock(tenantId, body.email),
        ConsistentRead: true,
      }),
    );
    if (taken.Item) throw members.duplicateMember(body.email);
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
      return { status: 201, body: member };
    } catch (error) {
      await deps.identity.removeUser(userId).catch(() => undefined);
      throw error;
    }
  },
);

/** `PATCH /members/{memberId}`: the chair changes a member's role, areas or name. */
export const updateMember = apiHandler<MemberParams, unknown, z.output<typeof UpdateMemberBody>>(
  route('updateMember'),
  async ({ principal, params, body, ifMatch }, deps) => {
    const { tenantId } = memberOf(principal);
    const current = await members.getMember(deps.table, tenantId, params.memberId);
    const role = body.role ?? current.role;
    if (role !== current.role) keepAChair(await members.chairIds(deps.table, tenantId), current.id, role);
    const areaIds =
      body.role !== undefined || body.areaIds !== undefined
        ? areasForRole(role, body.areaIds ?? current.areaIds, await areaIdsOf(deps.table, tenantId))
        : undefined;
    const updated = await members.updateMember(
      deps.table,
      tenantId,
      current.id,
      ifMatch,
      { name: body.name, role: body.role, areaIds },
      deps.clock(),
    );
    return { body: updated };
  },
);

/**
 * `DELETE /members/{memberId}`: removes the membership first, which ends access at once (every
 * request reads it), then the identity user.
 */
export const deleteMember = apiHandler<MemberParams>(
  route('deleteMember'),
  async ({ principal, params }, deps) => {
    const { tenantId } = memberOf(principal);
    const member = await members.getMember(deps.table, tenantId, params.memberId);
    if (member.role === 'chair')
      keepAChair(await members.chairIds(deps.table, tenantId), member.id, 'removed');
    await members.deleteMember(deps.table, tenantId, member);
    await deps.identity.removeUser(member.id).catch((error: unknown) => {
      logger.warn('membership removed but the identity user was not', {
        memberId: member.id,
        error: String(error),
      });
    });
    return { status: 204 };
  },
);
