import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { logger } from '../../../shared/adapters/logger.ts';
import { failedConditions } from '../../../shared/data/dynamo-errors.ts';
import { newId } from '../../../shared/data/ids.ts';
import { allMembers, duplicateMember, newMemberWrites } from '../../../shared/data/members-repo.ts';
import {
  findPartnership,
  getPartnership,
  newPartnershipItem,
  listPartnerships as queryPartnerships,
} from '../../../shared/data/partnerships-repo.ts';
import { toRecord } from '../../../shared/data/records.ts';
import { NotFound } from '../../../shared/errors.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { type ListQueryValues, listResponse, pageRequest } from '../../../shared/http/pagination.ts';
import { listOperatorAudit, recordOperatorAction } from '../../../shared/lifecycle/operator-audit.ts';
import { deleteTenantItems, tenantItems } from '../../../shared/lifecycle/tenant-data.ts';
import type { CreatePartnershipBody } from '../../../shared/schemas/partnership.ts';
import { route } from '../routes.ts';

type CreateBody = z.output<typeof CreatePartnershipBody>;

/**
 * `POST /admin/partnerships`: creates the tenant and invites its first chair. The chair's user
 * is created first (it yields the member id); if the table write then fails, the user is removed.
 */
export const createPartnership = apiHandler<unknown, unknown, CreateBody>(
  route('createPartnership'),
  async ({ body }, deps) => {
    const now = deps.clock();
    const tenantId = newId(now);
    const { userId } = await deps.identity.inviteUser({
      email: body.chair.email,
      name: body.chair.name,
      tenantId,
      partnershipName: body.name,
      role: 'chair',
    });
    const partnership = newPartnershipItem(tenantId, body.name, now);
    const chair = newMemberWrites(
      deps.table,
      tenantId,
      { id: userId, email: body.chair.email, name: body.chair.name, role: 'chair', areaIds: [] },
      now,
    );
    try {
      await deps.table.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: deps.table.name,
                Item: partnership,
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...chair.writes,
          ],
        }),
      );
    } catch (error) {
      await deps.identity.removeUser(userId).catch(() => undefined);
      if (failedConditions(error)?.length) throw duplicateMember(body.chair.email);
      throw error;
    }
    logger.info('partnership created', { partnershipId: tenantId });
    return { status: 201, body: { partnership: toRecord(partnership), chair: toRecord(chair.item) } };
  },
);

/** `GET /admin/partnerships`: every partnership, for the operator. */
export const listPartnerships = apiHandler<unknown, ListQueryValues>(
  route('listPartnerships'),
  async ({ query, principal }, deps) => {
    const scope = `${principal.userId}|listPartnerships`;
    const page = await queryPartnerships(deps.table, await pageRequest(deps, query, scope));
    return { body: await listResponse(deps, page, scope) };
  },
);

type PartnershipParams = { partnershipId: string };

/**
 * `GET /admin/partnerships/{partnershipId}/export`: one page (up to 1,000 items) of everything the
 * partnership holds, as JSON lines, for handing its data back; `x-next-cursor` names the next
 * page. Every page is recorded in the operator audit.
 */
export const exportPartnership = apiHandler<PartnershipParams, { cursor?: string }>(
  route('exportPartnership'),
  async (request, deps) => {
    const { partnershipId } = request.params;
    await getPartnership(deps.table, partnershipId);
    const scope = `${request.principal.userId}|export|${partnershipId}`;
    const codec = await deps.cursors();
    const page = await tenantItems(deps.table, partnershipId, {
      limit: 1000,
      startKey: codec.decode(request.query.cursor, scope),
    });
    await recordOperatorAction(
      deps.table,
      {
        action: 'export',
        partnershipId,
        by: operatorOf(request.principal),
        items: page.items.length,
        sourceIp: request.sourceIp,
        requestId: request.requestId,
      },
      deps.clock(),
    );
    const next = codec.encode(page.lastKey, scope);
    return {
      text: {
        contentType: 'application/x-ndjson; charset=utf-8',
        content: page.items.map((item) => JSON.stringify(item)).join('\n') + (page.items.length ? '\n' : ''),
        filename: `partnership-${partnershipId}.jsonl`,
      },
      headers: (next ? { 'x-next-cursor': next } : {}) as Record<string, string>,
    };
  },
);

/**
 * `DELETE /admin/partnerships/{partnershipId}`: offboards a partnership: removes its members'
 * sign-ins, then deletes every item under its partition. Large partnerships take several calls:
 * repeat until `complete` is true. Audited outside the tenant, so the record outlives it.
 */
export const offboardPartnership = apiHandler<PartnershipParams>(
  route('offboardPartnership'),
  async (request, deps) => {
    const { partnershipId } = request.params;
    const existing = await findPartnership(deps.table, partnershipId);
    const membersLeft = await allMembers(deps.table, partnershipId);
    if (!existing && membersLeft.length === 0) {
      const { complete } = await deleteTenantItems(deps.table, partnershipId, 0);
      if (complete) throw new NotFound('partnership');
    }
    for (const member of membersLeft) {
      await deps.identity.removeUser(member.id).catch((error: unknown) => {
        logger.warn('could not remove a member sign-in while offboarding', {
          memberId: member.id,
          error: String(error),
        });
      });
    }
    const result = await deleteTenantItems(deps.table, partnershipId);
    await recordOperatorAction(
      deps.table,
      {
        action: 'offboard',
        partnershipId,
        by: operatorOf(request.principal),
        items: result.deleted,
        sourceIp: request.sourceIp,
        requestId: request.requestId,
      },
      deps.clock(),
    );
    logger.info('partnership offboarding', { partnershipId, ...result });
    return { body: { partnershipId, ...result } };
  },
);

/** `GET /admin/audit`: exports, offboardings and retention purges, oldest first. */
export const listOperatorActions = apiHandler<unknown, ListQueryValues>(
  route('listOperatorActions'),
  async (request, deps) => {
    const scope = `${request.principal.userId}|listOperatorActions`;
    const page = await listOperatorAudit(deps.table, await pageRequest(deps, request.query, scope));
    return { body: await listResponse(deps, page, scope) };
  },
);

const operatorOf = (principal: { userId: string; email?: string }) => ({
  userId: principal.userId,
  email: principal.email,
});
