import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { logger } from '../../../shared/adapters/logger.ts';
import { failedConditions } from '../../../shared/data/dynamo-errors.ts';
import { newId } from '../../../shared/data/ids.ts';
import { duplicateMember, newMemberWrites } from '../../../shared/data/members-repo.ts';
import {
  newPartnershipItem,
  listPartnerships as queryPartnerships,
} from '../../../shared/data/partnerships-repo.ts';
import { toRecord } from '../../../shared/data/records.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { type ListQueryValues, listResponse, pageRequest } from '../../../shared/http/pagination.ts';
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
